/** One step of the schema. Steps are append-only: never edit a released one, add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
