/**
 * On a PostgreSQL server a running import holds a session advisory lock (directImport.ts):
 * recovery in another process must leave it alone while the lock is held.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "../../../test/support/testDatabase.js";
import type { Database } from "../db/client.js";
import { users } from "../db/schema.js";
import { createUser } from "../users/createUser.js";
import { toActor } from "../auth/sessions.js";
import type { Actor } from "../auth/actor.js";
import { beginImport } from "./runImport.js";
import { findImport } from "./imports.repository.js";
import { recoverInterruptedImports } from "./recoverInterruptedImports.js";
import { IMPORT_LOCK_CLASS } from "./directImport.js";

describe("recovering interrupted imports on a server", () => {
  let database: Database;
  let actor: Actor;

  beforeAll(async () => {
    database = await openTestDatabase();
    const user = await createUser({
      db: database.db,
      actor: null,
      input: {
        email: "alive@test.local",
        name: "alive",
        password: "correct horse battery",
        role: "admin",
      },
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    actor = toActor(row!, "cli");
  });
  afterAll(() => database.close());

  it("leaves an import alone while another session still holds its lock", async () => {
    const begun = await beginImport({
      database,
      actor,
      kind: "customers",
      fileName: "alive.csv",
    });
    const id = begun.importId!;
    const other = await database.pool.connect();
    try {
      await other.query("select pg_advisory_lock($1, $2)", [IMPORT_LOCK_CLASS, id]);
      expect(await recoverInterruptedImports(database)).toEqual([]);
      expect(await findImport(database.db, id)).toMatchObject({ status: "running" });
    } finally {
      other.release(true); // the owner's connection closes, as when its process dies
    }
    // The server frees the lock once it has seen the connection close.
    let recovered: number[] = [];
    for (let i = 0; i < 100 && recovered.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      recovered = await recoverInterruptedImports(database);
    }
    expect(recovered).toEqual([id]);
  });
});
