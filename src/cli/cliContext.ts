/**
 * What a CLI command works with: the configured database (migrated), the server context, and
 * the user the command acts as (`--as EMAIL`, default: the first active admin), so the CLI
 * obeys the same access rules and audit as the API.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { readConfig } from "../server/config.js";
import { openDatabase, type Database } from "../server/db/client.js";
import { migrateDatabase } from "../server/db/migrate.js";
import { createContext } from "../server/createContext.js";
import type { AppContext } from "../server/context.js";
import { users } from "../server/db/schema.js";
import { toActor } from "../server/auth/sessions.js";
import type { Actor } from "../server/auth/actor.js";

export async function openConfiguredDatabase(): Promise<Database> {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  return database;
}

/** Runs `work` with an open database and closes it however the work ends. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Runs `work` as a user, with the full server context. */
export async function withActor<T>(
  asEmail: string | undefined,
  work: (context: AppContext, actor: Actor) => Promise<T>,
): Promise<T> {
  return withDatabase(async (database) => {
    const context = await createContext(database);
    const [user] = await database.db
      .select()
      .from(users)
      .where(
        asEmail
          ? and(sql`lower(${users.email}) = lower(${asEmail})`, eq(users.active, true))
          : and(eq(users.role, "admin"), eq(users.active, true)),
      )
      .orderBy(asc(users.id))
      .limit(1);
    if (!user) {
      throw new Error(
        asEmail
          ? `No active user ${asEmail}`
          : "No admin exists yet: create one with `ladder user add --role admin`",
      );
    }
    return work(context, { ...toActor(user, "cli") });
  });
}
