import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { sessions, users } from "../db/schema.js";
import type { UpdateUserInput } from "../../shared/schemas/auth.js";
import { hashPassword } from "../auth/password.js";
import { diff, recordAudit } from "../audit/recordAudit.js";
import type { Actor } from "../auth/actor.js";
import { lockVersionedRow } from "../http/crud/access.js";
import { findUser, teamIdFor } from "./users.repository.js";

/** Changes a user (version-checked); deactivating a user or changing the password ends their sessions. */
export async function updateUser({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateUserInput;
}) {
  const { version, password, team, ...fields } = input;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db.transaction(async (tx) => {
    // Locked before reading, so a concurrent change cannot slip between the check and the
    // update, and a stale write reports the version that is really current.
    await lockVersionedRow(tx, users, id, "User", version);
    const before = (await findUser(tx, id))!;
    const teamId =
      team === undefined ? undefined : team === null ? null : await teamIdFor(tx, team);
    await tx
      .update(users)
      .set({
        ...fields,
        ...(teamId !== undefined ? { teamId } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, id));
    if (passwordHash || fields.active === false)
      await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = (await findUser(tx, id))!;
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "user",
      entityId: id,
      ...diff(before, after),
      ...(passwordHash ? { after: { ...diff(before, after).after, password: "changed" } } : {}),
    });
    return after;
  });
}
