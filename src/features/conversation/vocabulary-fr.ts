/**
 * French, as people in a French-speaking IT department type it: "Suis-je concerné ?", "Qu'est-ce que je
 * dois faire ?". Accents are folded by normalise; elisions ("l'", "j'", "qu'") become words of their own.
 * Careful: "report" is French for a postponement.
 */
import type { LanguageVocabulary } from "./language-vocabulary";

// prettier-ignore
export const FRENCH: LanguageVocabulary = {
  intents: {
    status: {
      "suis je concerne": 1.9, "je suis concerne": 1.8, "concerne": 1.1, "me concerne": 1.6, "ca me concerne": 1.7,
      "suis je impacte": 1.9, "impacte": 1.1, "affecte": 1.0, "que dois je faire": 1.8, "qu est ce que je dois faire": 1.9,
      "je dois faire": 1.3, "dois je": 0.7, "mon statut": 1.6, "statut": 1.1, "verifier mon statut": 1.7, "etat": 0.8,
      "suis je pret": 1.8, "pret": 0.7, "prete": 0.7, "suis je prete": 1.8, "date limite": 1.4, "echeance": 1.2, "delai": 0.5,
      "quand dois je": 2.6, "est pret": 1.5, "est prete": 1.5, "est concerne": 1.6, "est concernee": 1.6, "est il concerne": 1.8, "est elle concernee": 1.8, "est impacte": 1.6, "dois je configurer": 1.9, "etre coupe": 1.5, "coupe": 0.8, "a partir de quand": 1.1, "bloque": 0.9, "vais je etre bloque": 1.8, "etre bloque": 1.4,
      "conforme": 1.0, "suis je conforme": 1.8, "en conformite": 1.3, "exigence": 0.6, "respecte": 0.5, "quelle phase": 1.2,
      "ai je besoin de la mfa": 1.8, "besoin de la mfa": 1.3, "pour moi": 0.4, "ca change quoi": 1.2, "encore marcher": 1.0,
      "encore fonctionner": 1.0, "acces coupe": 1.2, "mon compte": 0.4, "ou en suis je": 1.5, "ma situation": 1.3,
    },
    help: {
      "aide": 1.1, "aidez moi": 1.3, "que sais tu faire": 1.7, "tu sais faire": 1.6, "vous savez faire": 1.6, "que savez vous faire": 1.7, "que peux tu faire": 1.6,
      "comment ca marche": 1.5, "comment ca fonctionne": 1.5, "commandes": 1.1, "quelles commandes": 1.4, "qui es tu": 1.3,
      "qui etes vous": 1.3, "que puis je demander": 1.5, "mode d emploi": 1.3, "menu": 1.0, "fonctionnalites": 0.8,
    },
    greeting: {
      "bonjour": 1.0, "salut": 1.0, "bonsoir": 1.0, "coucou": 1.0, "bonjour a vous": 1.2, "salut a tous": 1.2,
      "bonjour a tous": 1.2, "hello": 0.9, "bonne journee": 1.0,
    },
    thanks: {
      "merci": 1.2, "merci beaucoup": 1.4, "merci bien": 1.3, "je vous remercie": 1.4, "je te remercie": 1.4,
      "super merci": 1.3, "mille mercis": 1.4, "c est parfait": 0.8, "parfait merci": 1.3, "remercie": 1.0,
    },
    temporaryAccessPass: {
      "passe d acces temporaire": 2.2, "acces temporaire": 1.8, "tap": 1.4, "je ne peux pas me connecter": 1.9,
      "je n arrive pas a me connecter": 1.9, "impossible de me connecter": 1.9, "pas me connecter": 1.6, "me connecter": 0.5,
      "bloque dehors": 1.8, "je suis bloque dehors": 2.0, "je suis bloque": 1.4, "verrouille": 1.3, "telephone perdu": 1.8, "perdu mon telephone": 1.8,
      "nouveau telephone": 1.3, "telephone vole": 1.6, "plus d authenticator": 1.4, "code temporaire": 1.2, "perdu": 0.6,
    },
    workloadIdentity: {
      "compte de service": 1.7, "comptes de service": 1.7, "script": 1.2, "scripts": 1.2, "pipeline": 1.3,
      "principal de service": 1.9, "identite managee": 1.9, "identite geree": 1.9, "automatisation": 1.2,
      "identifiant et un mot de passe": 1.2, "avec un mot de passe": 0.8, "compte technique": 1.5, "runbook": 1.3,
      "identite de charge de travail": 2.0, "inscription d application": 1.3, "compte utilisateur": 0.3,
    },
    postpone: {
      "reporter": 1.7, "report": 1.6, "demander un report": 1.9, "repousser": 1.6, "retarder": 1.5, "differer": 1.5,
      "prolonger": 1.3, "prolongation": 1.4, "plus de temps": 1.4, "delai supplementaire": 1.7, "obtenir un delai": 1.6,
      "exemption": 1.5, "exception": 1.1, "derogation": 1.6, "plus tard": 0.6, "desactiver la mfa": 1.3,
    },
    report: {
      "rapport": 1.3, "rapport de preparation": 2.1, "qui n est pas pret": 1.9, "pas pret": 0.6, "pas prets": 0.6,
      "csv": 1.3, "exporter": 1.1, "export": 1.0, "export csv": 1.9, "vue d ensemble": 1.2, "statistiques": 1.1,
      "combien": 1.0, "combien d utilisateurs": 1.6, "liste des utilisateurs": 1.3, "utilisateurs sans": 1.2,
      "tableau de bord": 1.3, "bilan": 1.1, "rapport quotidien": 2.0, "s abonner": 1.0, "se desabonner": 1.0, "excel": 0.9,
    },
    broadcast: {
      "message a tout le monde": 1.9, "a tout le monde": 1.1, "a tous": 0.9, "prevenir tout le monde": 1.9, "prevenir": 1.0,
      "envoyer une annonce": 1.8, "annonce": 1.3, "rappeler a tous": 1.8, "rappel a tous": 1.8, "diffuser": 1.4,
      "diffusion": 1.4, "informer tout le monde": 1.8, "informer": 0.9, "notifier": 1.2, "tous les utilisateurs": 0.6,
      "envoyer un message": 1.3, "envoyer un rappel": 1.3, "broadcast": 1.9,
    },
    audit: {
      "audit": 1.7, "journal d audit": 2.1, "journal": 1.2, "historique": 1.0, "historique des actions": 1.8,
      "qui a fait quoi": 1.8, "qui a approuve": 1.7, "journal des activites": 1.8,
    },
    registerMfaMethod: {
      "configurer la mfa": 1.7, "activer la mfa": 1.6, "deux facteurs": 1.2, "double authentification": 1.4,
      "authentification multifacteur": 1.1, "authentification a deux facteurs": 1.5, "methode d authentification": 1.2,
      "code par sms": 1.0,
    },
  },
  openers: {
    broadcast: { "dire a tout le monde de": 2.0, "demander a tous de": 1.9 },
    audit: { "qui a delivre": 1.6 },
  },
  registerCues: {
    "configurer": 0.5, "enregistrer": 0.5, "ajouter": 0.4, "activer": 0.4, "installer": 0.3, "parametrer": 0.4,
    "comment": 0.2, "utiliser": 0.2, "creer": 0.3, "mettre en place": 0.5,
  },
  methods: {
    passkey: { "cle d acces": 1.5, "cle de securite": 1.5, "cle fido2": 1.6, "cle physique": 1.3, "cle": 0.5 },
    whfb: { "windows hello entreprise": 1.9, "empreinte digitale": 0.9, "empreinte": 0.7, "reconnaissance faciale": 1.0 },
    certificate: { "certificat": 1.4, "certificats": 1.4, "carte a puce": 1.6 },
    authenticator: { "application authenticator": 1.5 },
    phone: { "telephone": 0.6, "numero de telephone": 1.0, "portable": 0.6, "appel": 0.6 },
  },
  domain: (
    "demander message connexion connecter compte comptes utilisateur utilisateurs administrateur tenant locataire politique obligation " +
    "obligatoire date methode authentification mot passe octobre janvier mars juillet acces portail appareil"
  ).split(" "),
  stopwords: (
    "je j suis mon ma mes me moi tu te toi vous nous il elle ils le la les l un une des du de d est sont ai a as " +
    "avons peux puis dois doit va vais et ou mais ne n pas plus que qu qui quoi comment quand ou pourquoi quel quelle " +
    "ce c ca cela cet cette pour avec sur au aux en dans par si oui non ok d accord svp s il vous plait encore deja " +
    "tout tous bien alors donc afficher montrer voir"
  ).split(" "),
  fillers: "svp stp plait donc alors".split(" "),
  person: {
    questions: ["est ce que"],
    afterName: ["concerne", "concernee", "impacte", "impactee", "affecte", "affectee", "pret", "prete", "conforme", "bloque"],
    prefixes: ["statut de", "statut pour", "etat de"],
    nameThen: ["est"],
  },
};
