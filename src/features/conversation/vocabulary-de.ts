/**
 * German, as people in a German-speaking company type it in Teams: "Bin ich betroffen?", "Muss ich was
 * tun?", English loanwords included ("Report", "Status", "Broadcast"). Umlauts are folded by normalise, so
 * "für" and "fur" are the same word here.
 */
import type { LanguageVocabulary } from "./language-vocabulary";

// prettier-ignore
export const GERMAN: LanguageVocabulary = {
  intents: {
    status: {
      "bin ich betroffen": 1.9, "betroffen": 1.1, "betrifft mich": 1.6, "betrifft": 0.8, "betrifft das mich": 1.8,
      "muss ich etwas tun": 1.8, "muss ich was tun": 1.8, "was muss ich tun": 1.8, "was muss ich machen": 1.8,
      "was muss ich": 1.0, "muss ich": 0.6, "was soll ich tun": 1.6, "was bedeutet das fur mich": 1.7, "fur mich": 0.4,
      "status": 1.1, "mein status": 1.6, "meinen status": 1.6, "status prufen": 1.5, "status anzeigen": 1.5,
      "bin ich bereit": 1.8, "bereit": 0.7, "startklar": 1.0, "bin ich startklar": 1.8, "vorbereitet": 0.8,
      "frist": 1.0, "wann ist die frist": 1.6, "bis wann": 1.0, "stichtag": 1.1, "deadline": 1.1, "ab wann": 1.0,
      "gesperrt": 0.9, "werde ich gesperrt": 1.7, "werde ich ausgesperrt": 1.9,
      "funktioniert noch": 1.0, "noch funktionieren": 1.0, "zugang": 0.4, "compliant": 0.9, "bin ich compliant": 1.7,
      "konform": 0.9, "erfulle ich": 1.3, "anforderungen": 0.5, "welche phase": 1.2, "brauche ich mfa": 1.8,
      "muss ich mfa": 1.6, "mfa pflicht": 0.7, "pflicht": 0.5, "bin ich dran": 1.2, "wie ist mein status": 1.8,
      "aussperren": 0.6, "nicht mehr anmelden konnen": 1.0, "prufen": 0.5, "bin ich ausgesperrt": 1.9, "ausgesperrt ab": 1.5, "funktioniert": 0.7, "bis wann muss ich": 2.6, "ist betroffen": 1.6, "ist bereit": 1.5, "ist startklar": 1.5, "uberprufen": 0.6, "einrichten bis": 0.8,
    },
    help: {
      "hilfe": 1.1, "was kannst du": 1.6, "was kannst du alles": 1.7, "wie funktioniert das": 1.5, "wie geht das": 1.3,
      "befehle": 1.1, "welche befehle": 1.4, "was kann ich fragen": 1.5, "wer bist du": 1.3, "was bist du": 1.3,
      "anleitung": 1.0, "menu": 1.0, "optionen": 0.8, "was machst du": 1.4, "unterstutzung": 0.6, "funktionen": 0.8,
    },
    greeting: {
      "hallo": 1.0, "guten morgen": 1.3, "guten tag": 1.3, "guten abend": 1.3, "moin": 1.0, "moin moin": 1.1,
      "servus": 1.0, "gruss gott": 1.2, "gruezi": 1.0, "hi zusammen": 1.1, "hallo zusammen": 1.2, "tag": 0.6, "na": 0.5,
    },
    thanks: {
      "danke": 1.2, "dankeschon": 1.3, "danke schon": 1.3, "vielen dank": 1.4, "besten dank": 1.4, "danke dir": 1.3,
      "danke ihnen": 1.3, "merci": 1.0, "super danke": 1.3, "herzlichen dank": 1.4, "hat geholfen": 1.0, "danke sehr": 1.3,
    },
    temporaryAccessPass: {
      "befristeter zugriffspass": 2.2, "befristeten zugriffspass": 2.2, "zugriffspass": 1.9, "temporarer zugriffspass": 2.2,
      "temporaren zugriffspass": 2.2, "tap": 1.4, "ich kann mich nicht anmelden": 1.9, "kann mich nicht anmelden": 1.9,
      "kann mich nicht einloggen": 1.9, "ich komme nicht rein": 1.8, "komme nicht rein": 1.7, "ausgesperrt": 1.2,
      "ich bin ausgesperrt": 1.9, "handy verloren": 1.8, "telefon verloren": 1.8, "handy weg": 1.6, "neues handy": 1.3,
      "handy kaputt": 1.6, "handy gestohlen": 1.6, "verloren": 0.8, "anmeldung nicht moglich": 1.6, "kein zugang": 1.3,
      "authenticator weg": 1.4, "einmalcode": 1.0, "nicht anmelden": 1.2,
    },
    workloadIdentity: {
      "dienstkonto": 1.7, "dienstkonten": 1.7, "skript": 1.2, "skripte": 1.2, "script": 1.2, "pipeline": 1.3,
      "pipelines": 1.3, "service principal": 1.9, "dienstprinzipal": 1.9, "verwaltete identitat": 1.9, "managed identity": 1.9,
      "automatisierung": 1.2, "automatisiert": 1.0, "benutzername und passwort": 1.1, "mit passwort": 0.7,
      "technischer benutzer": 1.5, "technisches konto": 1.5, "workload identitat": 2.0, "runbook": 1.3, "cronjob": 1.2,
      "benutzerkonto": 0.4, "app registrierung": 1.3, "funktionskonto": 1.6,
    },
    postpone: {
      "verschieben": 1.7, "verschiebung": 1.7, "aufschub": 1.7, "aufschieben": 1.6, "verlangern": 1.3,
      "fristverlangerung": 1.8, "verlangerung": 1.4, "mehr zeit": 1.4, "ausnahme": 1.3, "spater": 0.6,
      "zuruckstellen": 1.4, "aussetzen": 1.2, "nach hinten": 1.0, "opt out": 1.7, "deaktivieren": 0.8, "frist verlangern": 1.8,
    },
    report: {
      "bericht": 1.3, "report": 1.1, "bereitschaftsbericht": 2.1, "wer ist nicht bereit": 1.9, "wer ist noch nicht bereit": 2.0,
      "nicht bereit": 0.6, "csv": 1.3, "exportieren": 1.1, "export": 1.0, "csv export": 1.9, "ubersicht": 1.1,
      "statistik": 1.1, "wie viele": 1.2, "wie viele benutzer": 1.6, "liste der benutzer": 1.3, "benutzer ohne": 1.2,
      "auswertung": 1.2, "dashboard": 1.2, "mandant": 0.6, "mandantenweit": 1.3, "taglicher bericht": 2.0, "abonnieren": 1.0,
      "abbestellen": 1.0, "excel": 0.9, "wer hat noch kein": 1.5, "welche benutzer": 1.2,
    },
    broadcast: {
      "nachricht an alle": 1.9, "an alle": 1.1, "alle benachrichtigen": 1.9, "benachrichtigen": 1.1, "rundschreiben": 1.7,
      "rundmail": 1.6, "ankundigung": 1.4, "ankundigen": 1.3, "alle erinnern": 1.8, "erinnerung an alle": 1.9,
      "broadcast": 1.9, "allen bescheid geben": 1.8, "alle informieren": 1.8, "informieren": 0.9, "mitteilung": 1.0,
      "alle mitarbeiter": 0.8, "alle benutzer": 0.6, "nachricht senden": 1.3, "nachricht schicken": 1.3, "verschicken": 0.7,
      "erinnerung schicken": 1.3, "erinnerung senden": 1.3,
    },
    audit: {
      "audit": 1.7, "audit log": 2.1, "protokoll": 1.3, "uberwachungsprotokoll": 2.1, "uberwachung": 1.0,
      "uberwachungsprotokoll anzeigen": 2.2, "wer hat was gemacht": 1.8, "verlauf": 0.9, "anderungsprotokoll": 1.6,
      "wer hat das genehmigt": 1.7, "aktivitatsprotokoll": 1.8,
    },
    registerMfaMethod: {
      "mfa einrichten": 1.7, "mfa aktivieren": 1.6, "zwei faktor": 1.2, "zwei faktor authentifizierung": 1.5,
      "zweiten faktor": 1.2, "mehrstufige authentifizierung": 1.4, "multifaktor": 0.8, "authentifizierungsmethode": 1.2,
      "sms code": 1.0, "telefonnummer hinterlegen": 1.4,
    },
  },
  openers: {
    broadcast: { "allen sagen dass": 2.0, "alle erinnern dass": 2.0, "alle bitten": 1.9 },
    audit: { "wer hat genehmigt": 1.6, "wer hat ausgestellt": 1.6 },
  },
  registerCues: {
    "einrichten": 0.5, "registrieren": 0.5, "hinzufugen": 0.4, "aktivieren": 0.4, "konfigurieren": 0.4,
    "installieren": 0.3, "wie richte ich": 0.4, "anlegen": 0.3, "verwenden": 0.2, "nutzen": 0.2, "benutzen": 0.2, "hinterlegen": 0.4,
  },
  methods: {
    passkey: { "sicherheitsschlussel": 1.5, "hardwareschlussel": 1.4, "schlussel": 0.6, "hauptschlussel": 1.2 },
    whfb: { "fingerabdruck": 0.9, "gesichtserkennung": 1.0, "windows hello fur business": 1.9 },
    certificate: { "zertifikat": 1.4, "zertifikate": 1.4, "zertifikatbasierte": 1.5, "chipkarte": 1.5 },
    authenticator: { "authenticator app": 1.5 },
    phone: { "handy": 0.6, "telefon": 0.6, "telefonnummer": 1.0, "handynummer": 1.0, "anruf": 0.7 },
  },
  domain: (
    "anmeldung anmelden konto konten benutzer administrator mandant richtlinie pflicht verpflichtend erzwungen " +
    "durchsetzung beantragen antrag nachricht datum methode methoden authentifizierung kennwort passwort oktober januar marz juli zugang zugriff geraet"
  ).split(" "),
  stopwords: (
    "ich bin mein meine meinen mich mir du dich dir wir uns sie ihr es er der die das den dem des ein eine einen einem " +
    "ist sind war hat habe haben kann konnen muss mussen soll will wird werde werden und oder aber nicht kein keine " +
    "zu von mit fur auf an in im am bei nach vor uber was wie wer wo wann warum welche welcher noch schon auch " +
    "davon dadurch jetzt mal doch ja nein anzeigen zeigen zeig zeige ok okay bitte gerne so da hier etwas was denn eigentlich bereits gibt es alles alle"
  ).split(" "),
  fillers: "bitte mal doch eigentlich denn halt eben ja davon mein meine meinen meinem unser unsere".split(" "),
  person: {
    questions: ["ist", "hat", "muss", "wird"],
    afterName: ["betroffen", "bereit", "startklar", "schon", "noch", "compliant", "gesperrt"],
    prefixes: ["status von", "status fur", "status zu"],
    nameThen: ["ist"],
  },
};
