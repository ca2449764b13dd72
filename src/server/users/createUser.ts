import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import type { CreateUserInput } from "../../shared/schemas/auth.js";
import { hashPassword } from "../auth/password.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { Actor } from "../auth/actor.js";
import { findUser, teamIdFor } from "./users.repository.js";

/** Creates a user (the CLI's `user add` and the admin API both come here). */
export async function createUser({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor | null;
  input: CreateUserInput;
}) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const teamId = input.team ? await teamIdFor(tx, input.team) : null;
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        teamId,
        passwordHash,
        locale: input.locale ?? "zh-CN",
      })
      .returning({ id: users.id });
    const user = (await findUser(tx, row!.id))!;
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "user",
      entityId: user.id,
      after: user,
    });
    return user;
  });
}
