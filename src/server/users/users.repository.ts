import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { teams, users } from "../db/schema.js";

export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
  locale: users.locale,
  active: users.active,
  version: users.version,
};

export async function listUsers(db: Queryable) {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .orderBy(users.id);
}

export async function findUser(db: Queryable, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** The team's id, creating the team when it is new. */
export async function teamIdFor(tx: Queryable, name: string): Promise<number> {
  const [row] = await tx
    .insert(teams)
    .values({ name })
    .onConflictDoUpdate({ target: teams.name, set: { name: sql`excluded.name` } })
    .returning({ id: teams.id });
  return row!.id;
}
