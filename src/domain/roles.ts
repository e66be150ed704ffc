/**
 * Built-in Microsoft Entra role template ids the product acts on (roleAssignment.roleDefinitionId).
 * Source: learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference
 */
export const ROLE_TEMPLATE_IDS = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedAuthenticationAdministrator: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
  authenticationAdministrator: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
  authenticationPolicyAdministrator: "0526716b-113d-4c15-b2c8-68e3c22b9f80",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  securityAdministrator: "194ae4cb-b126-40b2-bd5b-6091b380977d",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  securityReader: "5d6b6bb7-de71-4623-b4af-96380a352509",
  reportsReader: "4a5d8f65-41da-4de4-8968-e035b65339cf",
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  helpdeskAdministrator: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  applicationAdministrator: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  cloudApplicationAdministrator: "158c047a-c907-4556-b7ef-446551a6b5f7",
  conditionalAccessAdministrator: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
  intuneAdministrator: "3a2c62db-5318-420d-8d74-23affee5d9d5",
} as const;

export type RoleName = keyof typeof ROLE_TEMPLATE_IDS;

const NAME_BY_ID = new Map<string, RoleName>(
  (Object.entries(ROLE_TEMPLATE_IDS) as Array<[RoleName, string]>).map(([name, id]) => [id, name]),
);

/** The product's name for a role template id, or undefined for a role it does not know by name. */
export function roleName(templateId: string): RoleName | undefined {
  return NAME_BY_ID.get(templateId.toLowerCase());
}
