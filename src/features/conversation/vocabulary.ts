/**
 * The recogniser's vocabulary, as data: phrases per intent with weights, the words that name a method or a
 * tool, and the cue words of a registration request. Phrases are written as people type them; they pass
 * through the same normalisation as messages, so fillers ("a", "my") and contractions need not be listed.
 * Weights: about 1.5-2 for a phrase that alone says the job, about 1 for a strong word, below 0.6 for a hint.
 */
import type { Method, ScoredIntent, Tool } from "./intents";
import type { LanguageVocabulary, Weights } from "./language-vocabulary";
import { FILLERS, STOPWORDS } from "./words";

export type { Weights } from "./language-vocabulary";

// prettier-ignore
export const INTENT_PHRASES: Readonly<Partial<Record<ScoredIntent, Weights>>> = {
  status: {
    "am i affected": 1.8, "am i impacted": 1.8, "am i mfa ready": 1.8, "are we mfa ready": 1.6,
    "what do i need to do": 1.6, "affected": 1.1, "affect me": 1.5, "affects me": 1.5, "affect": 0.7, "affects": 0.7,
    "impact": 0.9, "impacted": 1.0, "impact me": 1.4, "hit me": 1.3, "in scope": 1.1,
    "status": 1.1, "check me": 1.1, "check status": 1.4, "am i ready": 1.8, "are we ready": 1.2, "ready": 0.7,
    "do i need mfa": 1.8, "need mfa": 1.2, "require mfa": 1.2, "need to do": 0.9, "what do i need": 0.9,
    "what should i do": 1.2, "apply to me": 1.4, "applies to me": 1.4, "will i be blocked": 1.6, "blocked": 0.7,
    "concern me": 1.3, "where do i stand": 1.4, "am i compliant": 1.6, "compliant": 0.8, "next steps": 1.0,
    "next step": 1.0, "stop working": 0.9, "still work": 0.9, "am i ok": 1.3, "am i good": 1.3,
    "am i safe": 1.3, "what is deadline": 1.4, "which phase": 1.2, "what is phase": 1.2,
    "when does phase": 1.2, "deadline": 1.0, "when is deadline": 1.7, "hit": 0.8, "hit my account": 1.6, "hit us": 1.2, "be locked out": 1.9, "going to be locked out": 2.0, "get locked out": 1.9, "lose access": 1.4, "will i lose": 1.3, "do i have to": 1.2, "have to do anything": 1.5, "do anything": 1.0, "situation": 0.9, "what is situation": 1.5, "am i on list": 1.4, "how am i doing": 1.4, "what happens to me": 1.5, "meet requirement": 1.4, "meet requirements": 1.4, "when do i have to": 1.8, "by when": 1.5, "compliance status": 1.7, "compliance": 0.8, "when is enforcement": 1.3, "going to break": 1.0, "prepared": 0.8, "what about me": 1.2, "for me": 0.3, "does this mean": 0.6,
  },
  help: {
    "help": 1.0, "what can you do": 1.6, "what do you do": 1.4, "commands": 1.1, "command list": 1.3, "menu": 1.0,
    "options": 0.8, "how does this work": 1.4, "how does it work": 1.4, "how do you work": 1.4, "who are you": 1.3,
    "what are you": 1.3, "instructions": 1.0, "usage": 0.9, "get started": 1.1, "getting started": 1.1,
    "support": 0.6, "assist": 0.6, "confused": 0.8, "what can i ask": 1.4, "how do i use you": 1.5, "how do i use this": 1.5, "what do you know": 1.4, "features": 0.8,
  },
  greeting: {
    "hi": 0.9, "hello": 1.0, "hey": 0.9, "hiya": 1.0, "howdy": 1.0, "yo": 0.8, "good morning": 1.3,
    "good afternoon": 1.3, "good evening": 1.3, "greetings": 1.0, "morning": 0.6, "hallo": 1.0, "hola": 0.9,
    "what is up": 0.9, "hi there": 1.1, "hello there": 1.2, "bonjour": 0.9, "moin": 0.8, "gday": 0.9,
  },
  thanks: {
    "thanks": 1.2, "thank you": 1.3, "thanks a lot": 1.4, "thank you so much": 1.5, "many thanks": 1.4, "cheers": 1.0,
    "much appreciated": 1.4, "appreciate it": 1.3, "that helped": 1.0, "great thanks": 1.3, "awesome thanks": 1.3,
    "perfect thanks": 1.3, "thanks mate": 1.3, "cheers mate": 1.2, "thank u": 1.3,
  },
  temporaryAccessPass: {
    "temporary access pass": 2.2, "tap": 1.4, "issue tap": 1.8, "create tap": 1.8, "generate tap": 1.8, "temp access pass": 2.0, "temp pass": 1.6, "temporary pass": 1.6, "access pass": 1.4,
    "temporary code": 1.2, "can not sign in": 1.6, "can not log in": 1.6, "can not login": 1.6, "can not logon": 1.6,
    "unable to sign in": 1.6, "not able to sign in": 1.6, "locked out": 1.6, "lost phone": 1.6,
    "lost authenticator": 1.6, "phone broke": 1.4, "phone stolen": 1.4, "phone was stolen": 1.4,
    "bootstrap": 1.1, "can not register": 1.4, "can not get in": 1.4, "no way to sign in": 1.6,
    "sign in to register": 1.4, "without signing in": 1.2, "get back in": 1.2, "new phone": 1.3, "gone": 0.6, "authenticator is gone": 1.7, "chicken and egg": 1.0,
  },
  workloadIdentity: {
    "script": 1.2, "scripts": 1.2, "service account": 1.6, "service accounts": 1.6, "pipeline": 1.3,
    "pipelines": 1.3, "managed identity": 1.9, "managed identities": 1.9, "service principal": 1.9,
    "service principals": 1.9, "spn": 1.3, "app registration": 1.3, "workload identity": 2.0, "workload": 1.0,
    "automation": 1.2, "automated": 1.0, "runbook": 1.3, "devops": 1.0, "github actions": 1.3, "cicd": 1.2,
    "cron": 1.1, "cron job": 1.3, "scheduled task": 1.3, "non interactive": 1.3, "headless": 1.2,
    "unattended": 1.3, "ropc": 1.5, "username and password": 1.0, "federated credential": 1.5,
    "client secret": 1.1, "shared account": 1.3, "shared admin account": 1.4, "break": 0.3, "breaks": 0.3, "broke": 0.3, "fail": 0.3, "fails": 0.3, "failing": 0.3,
    "jenkins": 1.0, "job": 0.5, "jobs": 0.5, "deployment": 0.6, "deployments": 0.6,
  },
  postpone: {
    "postpone": 1.7, "postponement": 1.7, "postponed": 1.5, "delay": 1.3, "defer": 1.3, "deferral": 1.3,
    "opt out": 1.7, "extend": 1.0, "extend deadline": 1.7, "extension": 1.3, "exemption": 1.5, "exempt": 1.4,
    "exception": 1.1, "more time": 1.3, "push back": 1.2, "grace period": 1.4, "later": 0.5, "skip": 0.8,
    "turn off mfa": 1.4, "disable mfa": 1.4, "avoid mfa": 1.2, "wait": 0.6, "hold off": 1.2, "pause": 1.0,
    "reschedule": 1.2, "not enforce": 1.2, "get out of mfa": 1.4, "do not want mfa": 1.4,
  },
  report: {
    "report": 1.1, "readiness report": 2.1, "status report": 1.8, "tenant report": 1.9, "who is not ready": 1.9, "who is not compliant": 1.9, "who is not": 1.0, "download": 1.0, "list": 0.5, "how many": 1.2, "download list": 1.5, "who is ready": 1.7,
    "not ready": 0.6, "export csv": 1.9, "csv": 1.3, "export": 0.9, "dashboard": 1.2, "overview": 1.0,
    "statistics": 1.1, "stats": 1.0, "how many users": 1.5, "how many people": 1.8, "how many accounts": 1.4,
    "list users": 1.1, "which users": 1.2, "who still needs": 1.3, "summary": 0.9, "chart": 1.0,
    "spreadsheet": 1.1, "excel": 0.9, "tenant wide": 1.3, "readiness": 0.9, "numbers": 0.7, "percentage": 0.9,
    "who has not registered": 1.5, "who has not set up": 1.5, "users without": 1.2,
    "daily report": 2.0, "weekly report": 1.6, "subscribe": 1.0, "unsubscribe": 1.0,
  },
  broadcast: {
    "broadcast": 1.9, "notify everyone": 1.9, "notify all": 1.7, "notify": 1.0, "notify users": 1.6,
    "send message to all": 1.9, "send message to everyone": 1.9, "message everyone": 1.7, "message all": 1.6,
    "announce": 1.4, "announcement": 1.4, "tell everyone": 1.6, "tell all users": 1.6, "all users": 0.5,
    "everyone": 0.5, "send notice": 1.4, "send announcement": 1.8, "send reminder": 1.2, "remind everyone": 1.6, "blast": 1.1,
    "mass message": 1.7, "ping everyone": 1.5, "email everyone": 1.4, "alert everyone": 1.5, "nudge": 0.9,
    "send out": 0.8, "notification": 1.0, "inform": 0.9, "all affected": 0.8, "heads up": 0.9,
    "everyone who is not ready": 2.0, "send message": 1.2, "notice": 0.9, "whole company": 0.8, "all staff": 0.8,
    "all employees": 0.8, "everybody": 0.5,
  },
  audit: {
    "audit": 1.7, "audit log": 2.1, "audit trail": 2.1, "activity log": 1.6, "who did what": 1.6,
    "history": 0.9, "logs": 0.8, "changes made": 1.0, "actions taken": 1.1, "record of": 0.8,
  },
  registerMfaMethod: {
    "set up mfa": 1.7, "setup mfa": 1.7, "register mfa": 1.7, "enable mfa": 1.5, "enroll in mfa": 1.6,
    "add mfa": 1.5, "mfa method": 1.3, "authentication method": 1.2, "2fa": 1.0, "two factor": 1.0,
    "second factor": 1.0, "otp": 1.0, "verification code": 0.9, "turn on mfa": 1.5, "activate mfa": 1.5,
  },
};

/**
 * Phrases after which the rest of the message is what the job is about ("tell everyone to set up a
 * passkey", "who approved the postponement"): they score their intent, and words after them count less
 * for any other intent.
 */
// prettier-ignore
export const CONTENT_OPENERS: Readonly<Partial<Record<ScoredIntent, Weights>>> = {
  broadcast: {
    "tell everyone to": 2.0, "tell all users to": 2.0, "tell users to": 1.9, "remind everyone to": 2.0,
    "remind users to": 1.9, "ask everyone to": 1.9,
    "let everyone know": 1.9,
  },
  audit: { "who approved": 1.6, "who issued": 1.6, "who sent": 1.4, "who changed": 1.5, "who requested": 1.4, "who got": 1.3 },
  report: { "list users without": 1.7, "how many users have": 1.6 },
};

/** The bot's own name typed as a word ("yo mfa ready"): matched so it explains nothing else. */
export const BOT_NAMES: readonly string[] = ["mfa ready", "mfaready"];

/** Words of a registration request; they add to whichever register intent the method words choose. */
// prettier-ignore
export const REGISTER_CUES: Weights = {
  "set up": 0.5, "setup": 0.5, "register": 0.5, "registration": 0.4, "enroll": 0.5, "enrol": 0.5,
  "enrollment": 0.4, "enrolment": 0.4, "add": 0.3, "configure": 0.4, "activate": 0.4, "enable": 0.3,
  "install": 0.3, "create": 0.3, "how do i": 0.3, "how to": 0.3, "walk me through": 0.5, "use": 0.2,
};

/** Words naming a method; each scores the method's register intent and sets `entities.method`. */
// prettier-ignore
export const METHOD_PHRASES: Readonly<Record<Method, Weights>> = {
  passkey: {
    "passkey": 1.4, "passkeys": 1.4, "pass key": 1.4, "security key": 1.5, "security keys": 1.5,
    "hardware key": 1.4, "yubikey": 1.5, "yubikeys": 1.5, "yubi key": 1.5, "titan key": 1.4,
    "physical key": 1.3, "usb key": 1.3, "phishing resistant": 0.8,
  },
  fido2: { "fido2": 1.5, "fido": 1.4, "fido 2": 1.5, "webauthn": 1.3 },
  whfb: {
    "windows hello": 1.7, "hello for business": 1.8, "windows hello for business": 1.9, "whfb": 1.7,
    "face recognition": 1.0, "facial recognition": 1.0, "windows pin": 1.2, "fingerprint": 0.7,
    "biometric": 0.7, "biometrics": 0.7,
  },
  certificate: {
    "certificate": 1.4, "certificates": 1.4, "cert": 1.3, "certs": 1.3, "smart card": 1.6, "smartcard": 1.6,
    "cba": 1.4, "certificate based": 1.6, "piv": 1.2, "cac": 1.2, "x509": 1.4, "x 509": 1.4,
  },
  authenticator: {
    "authenticator": 1.3, "authenticator app": 1.5, "microsoft authenticator": 1.6, "ms authenticator": 1.6,
    "push notification": 0.8, "google authenticator": 1.3, "authy": 0.9,
  },
  phone: {
    "phone": 0.7, "sms": 1.0, "text message": 0.9, "phone number": 1.0, "mobile number": 1.0,
    "voice call": 0.9, "phone call": 0.9,
  },
};

/** Words naming a tool; they score no intent, only set `entities.tool` (and through it the phase). */
// prettier-ignore
export const TOOL_PHRASES: Readonly<Record<Tool, readonly string[]>> = {
  cli: ["cli", "az cli", "azure cli", "az login", "az", "az command", "az commands", "azcli"],
  powershell: ["powershell", "pwsh", "az powershell", "azure powershell", "connect azaccount", "az module"],
  portal: ["portal", "azure portal", "entra admin center", "admin center", "intune", "entra portal", "admin portal"],
  mobile: ["mobile app", "azure app", "azure mobile app", "azure mobile"],
  terraform: ["terraform", "terraform apply", "terraform plan"],
  bicep: ["bicep"],
  sdk: ["sdk", "azure sdk", "python sdk", "defaultazurecredential", "azure identity"],
  rest: ["rest api", "rest apis", "rest call", "rest calls", "management api", "arm api", "curl"],
};

/** Words of the product's domain: they score nothing but make a message on-topic (coverage). */
export const DOMAIN_WORDS: readonly string[] = (
  "mfa multifactor multi factor azure entra microsoft tenant account accounts user users admin admins " +
  "administrator enforcement enforced enforce sign signin login log logon mandatory requirement required " +
  "change changes policy aad rollout deadline date phase method methods authentication auth arm " +
  "subscription resources deploy password january february march april may june july " +
  "august september october november december week weeks day days month months year " +
  "code codes credential credentials laptop computer device devices card key keys staff company organisation " +
  "organization org people enforcing signing logging passwords access request requests requested approve " +
  "approval approved reminder reminders remind"
).split(" ");

/** English as one language among the others; its methods, tools and domain words are shared by all. */
export const ENGLISH: LanguageVocabulary = {
  intents: INTENT_PHRASES,
  openers: CONTENT_OPENERS,
  registerCues: REGISTER_CUES,
  methods: METHOD_PHRASES,
  domain: DOMAIN_WORDS,
  stopwords: [...STOPWORDS],
  fillers: [...FILLERS],
  person: {
    questions: ["is", "does", "has", "was", "will"],
    afterName: [
      "affected",
      "ready",
      "impacted",
      "in",
      "need",
      "needs",
      "still",
      "compliant",
      "blocked",
      "ok",
    ],
    prefixes: ["status of", "status for", "verdict of", "verdict for"],
    nameThen: [],
  },
};
