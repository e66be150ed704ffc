/**
 * Spanish, as people in a Spanish-speaking IT department type it: "¿Me afecta?", "¿Qué tengo que hacer?".
 * Accents and the inverted marks are folded away by normalise.
 */
import type { LanguageVocabulary } from "./language-vocabulary";

// prettier-ignore
export const SPANISH: LanguageVocabulary = {
  intents: {
    status: {
      "me afecta": 1.8, "esto me afecta": 1.9, "afecta": 0.9, "estoy afectado": 1.9, "estoy afectada": 1.9, "afectado": 1.1,
      "afectada": 1.1, "me impacta": 1.7, "impacta": 0.9, "que tengo que hacer": 1.8, "que debo hacer": 1.8,
      "tengo que hacer": 1.3, "tengo que": 0.6, "mi estado": 1.6, "estado": 0.9, "comprobar mi estado": 1.7,
      "estoy listo": 1.8, "estoy lista": 1.8, "listo": 0.7, "lista": 0.4, "estoy preparado": 1.8, "estoy preparada": 1.8,
      "preparado": 0.8, "fecha limite": 1.4, "plazo": 1.0, "cual es el plazo": 1.6, "para cuando": 1.1, "para cuando tengo que": 2.6, "esta listo": 1.5, "esta lista": 1.5, "esta afectado": 1.6, "esta afectada": 1.6, "esta preparado": 1.5, "tengo que configurar": 1.9, "a partir de cuando": 1.1,
      "bloquear": 0.9, "me van a bloquear": 1.8, "bloqueado": 0.8, "cumplo": 1.2, "cumplo con": 1.5, "en regla": 1.3,
      "normativa": 0.5, "requisito": 0.6, "que fase": 1.2, "necesito mfa": 1.7, "para mi": 0.4, "que significa esto": 1.3,
      "seguira funcionando": 1.2, "perder el acceso": 1.4, "voy a perder": 1.0, "mi cuenta": 0.4, "como estoy": 1.2,
    },
    help: {
      "ayuda": 1.1, "ayudame": 1.3, "que sabes hacer": 1.7, "que puedes hacer": 1.7, "que puede hacer": 1.6,
      "como funciona": 1.5, "comandos": 1.1, "que comandos": 1.4, "quien eres": 1.3, "que eres": 1.2,
      "que puedo preguntar": 1.5, "instrucciones": 1.0, "menu": 1.0, "opciones": 0.8, "funciones": 0.8,
    },
    greeting: {
      "hola": 1.0, "buenos dias": 1.3, "buenas tardes": 1.3, "buenas noches": 1.3, "buenas": 1.0, "hola a todos": 1.2,
      "que tal": 0.9, "saludos": 1.0,
    },
    thanks: {
      "gracias": 1.2, "muchas gracias": 1.4, "mil gracias": 1.4, "te lo agradezco": 1.4, "se lo agradezco": 1.4,
      "genial gracias": 1.3, "agradezco": 1.0, "me sirvio": 1.0, "perfecto gracias": 1.3,
    },
    temporaryAccessPass: {
      "pase de acceso temporal": 2.2, "acceso temporal": 1.8, "tap": 1.4, "no puedo iniciar sesion": 1.9,
      "no consigo iniciar sesion": 1.9, "no puedo entrar": 1.8, "no puedo acceder": 1.8, "iniciar sesion": 0.4,
      "me quede bloqueado": 1.8, "me quede bloqueada": 1.8, "bloqueado fuera": 1.7, "telefono perdido": 1.8,
      "perdi mi telefono": 1.8, "perdi el movil": 1.8, "perdi mi movil": 1.8, "movil nuevo": 1.3, "telefono nuevo": 1.3,
      "me robaron el movil": 1.7, "sin authenticator": 1.4, "codigo temporal": 1.2, "perdi": 0.7, "perdido": 0.6,
    },
    workloadIdentity: {
      "cuenta de servicio": 1.7, "cuentas de servicio": 1.7, "script": 1.2, "scripts": 1.2, "canalizacion": 1.3,
      "pipeline": 1.3, "entidad de servicio": 1.9, "identidad administrada": 1.9, "automatizacion": 1.2,
      "usuario y contrasena": 1.2, "con contrasena": 0.8, "cuenta tecnica": 1.5, "runbook": 1.3,
      "identidad de carga de trabajo": 2.0, "registro de aplicacion": 1.3, "cuenta de usuario": 0.3,
    },
    postpone: {
      "aplazar": 1.7, "aplazarlo": 1.7, "aplazamiento": 1.7, "posponer": 1.7, "retrasar": 1.5, "prorroga": 1.7,
      "ampliar el plazo": 1.8, "ampliar": 1.0, "mas tiempo": 1.4, "excepcion": 1.3, "exencion": 1.5, "mas tarde": 0.6,
      "desactivar mfa": 1.3, "postergar": 1.6,
    },
    report: {
      "informe": 1.3, "reporte": 1.3, "informe de preparacion": 2.1, "quien no esta listo": 1.9, "no esta listo": 0.8,
      "no estan listos": 0.8, "csv": 1.3, "exportar": 1.1, "exportar csv": 1.9, "resumen": 1.0, "estadisticas": 1.1,
      "cuantos": 1.0, "cuantos usuarios": 1.6, "lista de usuarios": 1.3, "usuarios sin": 1.2, "panel": 1.0,
      "informe diario": 2.0, "suscribirme": 1.0, "cancelar la suscripcion": 1.0, "excel": 0.9,
    },
    broadcast: {
      "mensaje a todos": 1.9, "a todos": 1.0, "a todo el mundo": 1.1, "avisar a todos": 1.9, "avisar": 1.0,
      "enviar un anuncio": 1.8, "anuncio": 1.3, "recordar a todos": 1.8, "recordatorio a todos": 1.9, "difundir": 1.4,
      "informar a todos": 1.8, "notificar": 1.2, "todos los usuarios": 0.6, "enviar un mensaje": 1.3, "mandar un mensaje": 1.3,
      "enviar un recordatorio": 1.3, "mandar un recordatorio": 1.3, "broadcast": 1.9, "comunicado": 1.3,
    },
    audit: {
      "auditoria": 1.7, "registro de auditoria": 2.1, "registro": 1.0, "historial": 1.0, "historial de acciones": 1.8,
      "quien hizo que": 1.8, "quien aprobo": 1.7, "registro de actividad": 1.8,
    },
    registerMfaMethod: {
      "configurar mfa": 1.7, "activar mfa": 1.6, "dos factores": 1.2, "dos pasos": 1.2, "autenticacion multifactor": 1.1,
      "autenticacion en dos pasos": 1.5, "metodo de autenticacion": 1.2, "codigo por sms": 1.0,
    },
  },
  openers: {
    broadcast: { "decir a todos que": 2.0, "pedir a todos que": 1.9 },
    audit: { "quien emitio": 1.6 },
  },
  registerCues: {
    "configurar": 0.5, "configuro": 0.5, "registrar": 0.5, "registro mi": 0.5, "anadir": 0.4, "agregar": 0.4,
    "activar": 0.4, "instalar": 0.3, "instalo": 0.3, "como": 0.2, "usar": 0.2, "crear": 0.3,
  },
  methods: {
    passkey: { "clave de acceso": 1.5, "llave de seguridad": 1.5, "clave de seguridad": 1.5, "llave fido2": 1.6, "llave": 0.6 },
    whfb: { "windows hello para empresas": 1.9, "huella": 0.8, "huella digital": 0.9, "reconocimiento facial": 1.0 },
    certificate: { "certificado": 1.4, "certificados": 1.4, "tarjeta inteligente": 1.6 },
    authenticator: { "aplicacion authenticator": 1.5 },
    phone: { "telefono": 0.6, "numero de telefono": 1.0, "movil": 0.6, "llamada": 0.6 },
  },
  domain: (
    "pedir solicitar mensaje sesion cuenta cuentas usuario usuarios administrador inquilino politica obligatoria obligatorio fecha metodo " +
    "autenticacion contrasena octubre enero marzo julio acceso portal dispositivo"
  ).split(" "),
  stopwords: (
    "yo soy estoy mi mis me tu te usted nosotros nos el la los las lo un una unos unas de del al es son esta estan " +
    "he ha hay puedo puedes puede debo tengo tiene y o pero no si que quien como cuando donde por porque cual para " +
    "con sin en sobre este esta esto ese eso se su sus ya aun todavia todo todos bien ok vale favor muy mas mostrar ver muestra muestrame"
  ).split(" "),
  fillers: "favor porfa pues bueno".split(" "),
  person: {
    questions: ["esta"],
    afterName: ["afectado", "afectada", "listo", "lista", "preparado", "preparada", "impactado", "impactada", "bloqueado"],
    prefixes: ["estado de", "estado para"],
    nameThen: ["esta"],
  },
};
