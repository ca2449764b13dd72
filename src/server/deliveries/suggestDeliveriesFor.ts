import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { customers, needs, valueItems } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { readableCustomers } from "../auth/access.js";
import { NotFound } from "../http/errors.js";
import { UNMET_NEED_STATUSES } from "../../shared/engine/needs.js";
import {
  suggestDeliveries,
  type SuggestionHistoryEntry,
} from "../../shared/engine/deliverySuggestions.js";
import type { NeedLevel, Stage } from "../../shared/enums.js";
import { presentValueItem } from "../values/values.presenter.js";
import { deliveryHistory } from "./deliveries.repository.js";

/**
 * What to deliver to this customer next (SPEC §5 step 2): its stage, its unmet needs, the active
 * catalogue and its delivery history, ranked by the pure `suggestDeliveries`.
 */
export async function suggestDeliveriesFor({
  db,
  actor,
  customerId,
  limit,
  asOf = new Date(),
}: {
  db: Queryable;
  actor: Actor;
  customerId: number;
  limit: number;
  asOf?: Date;
}) {
  const [customer] = await db
    .select({ stage: customers.stage })
    .from(customers)
    .where(and(eq(customers.id, customerId), readableCustomers(actor)));
  if (!customer) throw NotFound("Customer", customerId);
  const [openNeeds, items, history] = await Promise.all([
    db
      .select({ id: needs.id, level: needs.level, kind: needs.kind, title: needs.title })
      .from(needs)
      .where(
        and(eq(needs.customerId, customerId), inArray(needs.status, [...UNMET_NEED_STATUSES])),
      ),
    db.select().from(valueItems).where(eq(valueItems.active, true)),
    deliveryHistory(db, customerId),
  ]);
  const stage = customer.stage as Stage;
  const ranked = suggestDeliveries({
    stage,
    needs: openNeeds.map((n) => ({ ...n, level: n.level as NeedLevel })),
    items,
    history: history as SuggestionHistoryEntry[],
    asOf,
  }).slice(0, limit);
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    customerId,
    stage,
    items: ranked.map(({ valueItemId, ...suggestion }) => ({
      valueItem: presentValueItem(byId.get(valueItemId)!),
      ...suggestion,
    })),
  };
}
