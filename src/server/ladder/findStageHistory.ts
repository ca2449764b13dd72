/** A customer's stage history: every move with who made it and why, and the time in each stage. */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { NotFound } from "../http/errors.js";
import { listStageEvents } from "./ladder.repository.js";
import { presentStageHistory } from "./ladder.presenter.js";

export async function findStageHistory({
  db,
  actor,
  customerId,
  asOf,
}: {
  db: Queryable;
  actor: Actor;
  customerId: number;
  asOf: Date;
}) {
  const [customer] = await db
    .select({ id: customers.id, stage: customers.stage, stageSince: customers.stageSince })
    .from(customers)
    .where(and(eq(customers.id, customerId), readableCustomers(actor)));
  if (!customer) throw NotFound("Customer", customerId);
  return presentStageHistory(customer, await listStageEvents(db, customerId), asOf);
}
