import type { Database } from "./db/client.js";
import type { FieldGrades } from "./auth/fieldGrades.js";

/** What every request handler and service may reach: built once per server. */
export interface AppContext {
  database: Database;
  grades: FieldGrades;
}
