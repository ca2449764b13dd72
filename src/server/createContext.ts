import type { Database } from "./db/client.js";
import { FieldGrades } from "./auth/fieldGrades.js";
import type { AppContext } from "./context.js";

/** Everything a server needs besides the database, loaded once. */
export async function createContext(database: Database): Promise<AppContext> {
  const grades = new FieldGrades();
  await grades.load(database.db);
  return { database, grades };
}
