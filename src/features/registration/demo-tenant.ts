/**
 * What only the demo can do: its directory is the Graph simulator, so a person in the Agents Playground
 * can "register" a passkey there (no real authenticator can reach a simulated tenant). The composition
 * root gives it to the feature only in demo mode; with real Microsoft Graph there is none.
 */
export interface DemoTenant {
  /** Adds a FIDO2 passkey to the user's methods in the simulated tenant, named `displayName`. */
  registerPasskey(userId: string, displayName: string): Promise<void>;
}
