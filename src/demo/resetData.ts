/**
 * Empties the database for a fresh demo: every table of the application schema except the
 * field sensitivity grades (configuration, not data). The migrations bookkeeping lives in its
 * own schema and is untouched. One transaction: either all data goes or none does.
 */
import type pg from "pg";

/** Tables a reset keeps. */
export const KEPT_TABLES = ["field_grades", "__drizzle_migrations"] as const;

/** Truncates all data tables and restarts their identity sequences. */
export async function resetDemoData(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
       WHERE schemaname = current_schema() AND tablename <> ALL($1::text[]) ORDER BY tablename`,
      [KEPT_TABLES],
    );
    const tables = rows.map((row) => row.name);
    if (tables.length > 0) {
      // The audit log refuses TRUNCATE by trigger (it is append-only for every application path);
      // a demo reset is the one deliberate exception, so the trigger is off only inside this
      // transaction and comes back before it commits.
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
      // One statement for all tables, so foreign keys between them need no CASCADE: a table this
      // list missed would make TRUNCATE fail rather than be emptied unseen.
      await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY`);
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    }
    await client.query("COMMIT");
    return tables;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
