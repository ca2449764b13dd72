/** Password login with lockout: five failures in a row lock the account for 15 minutes. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import { AccountLocked, InvalidCredentials } from "../http/errors.js";
import { hashPassword, verifyPassword } from "./password.js";
import { createSession, toActor } from "./sessions.js";
import { recordAudit } from "../audit/recordAudit.js";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Compared against when the email is unknown, so both paths take the same time.
const decoyHash = hashPassword("decoy-password-for-timing");

export async function login({
  db,
  email,
  password,
  requestId,
}: {
  db: Db;
  email: string;
  password: string;
  requestId?: string;
}) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  if (!user || !user.active) {
    await verifyPassword(password, await decoyHash);
    throw InvalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw AccountLocked(user.lockedUntil);

  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lockedUntil =
      failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lockedUntil ? 0 : failures, lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, {
        actor: user,
        action: lockedUntil ? "login_locked" : "login_failed",
        entity: "user",
        entityId: user.id,
        requestId: requestId ?? null,
      });
    });
    if (lockedUntil) throw AccountLocked(lockedUntil);
    throw InvalidCredentials();
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id);
    await recordAudit(tx, {
      actor: user,
      action: "login",
      entity: "user",
      entityId: user.id,
      requestId: requestId ?? null,
    });
    return { session, user, actor: toActor(user, "session") };
  });
}
