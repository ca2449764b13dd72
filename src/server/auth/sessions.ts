/** Cookie sessions and API tokens: random secrets whose SHA-256 alone is stored. */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { apiTokens, sessions, users } from "../db/schema.js";
import { SCOPES, type Actor, type Scope } from "./actor.js";
import type { Role } from "../../shared/enums.js";

export const SESSION_COOKIE = "ladder_session";
export const SESSION_DAYS = 14;
const TOKEN_PREFIX = "ldr_";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const secret = () => randomBytes(32).toString("base64url");

type UserRow = typeof users.$inferSelect;

const toActor = (user: UserRow, via: Actor["via"], scopes: readonly Scope[] = SCOPES): Actor => ({
  id: user.id,
  name: user.name,
  role: user.role as Role,
  teamId: user.teamId,
  scopes,
  via,
});

export async function createSession(db: Queryable, userId: number) {
  const token = secret();
  const csrfToken = secret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** The actor behind a session cookie, with the session's CSRF token, or null. */
export async function actorFromSession(db: Queryable, token: string) {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row ? { actor: toActor(row.user, "session"), csrfToken: row.csrfToken } : null;
}

export async function createApiToken(
  db: Queryable,
  userId: number,
  name: string,
  scopes: Scope[],
  expiresAt: Date | null,
) {
  const token = TOKEN_PREFIX + secret();
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, scopes, expiresAt, tokenHash: sha256(token) })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

/** The actor behind a bearer token, limited to the token's scopes, or null. */
export async function actorFromApiToken(db: Queryable, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ user: users, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row ? toActor(row.user, "token", row.scopes as Scope[]) : null;
}

export { toActor };
