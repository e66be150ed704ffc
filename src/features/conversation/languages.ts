export { isLanguage, type Language, LANGUAGES, type MessageLanguage } from "../../domain/language";
