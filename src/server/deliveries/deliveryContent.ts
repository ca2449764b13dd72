/** Checks the content of a planned delivery: an active catalogue item, and a need of this customer. */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { needs, valueItems } from "../db/schema.js";
import { ValidationError } from "../http/errors.js";

export async function checkDeliveryContent(
  tx: Tx,
  customerId: number,
  {
    valueItemId,
    needId,
  }: { valueItemId?: number | null | undefined; needId?: number | null | undefined },
): Promise<void> {
  if (valueItemId !== undefined && valueItemId !== null) {
    const [item] = await tx
      .select({ active: valueItems.active })
      .from(valueItems)
      .where(eq(valueItems.id, valueItemId));
    if (!item) throw ValidationError("valueItemId", `valueItemId: no value item ${valueItemId}`);
    if (!item.active)
      throw ValidationError("valueItemId", `valueItemId: value item ${valueItemId} is retired`);
  }
  if (needId !== undefined && needId !== null) {
    const [need] = await tx
      .select({ id: needs.id })
      .from(needs)
      .where(and(eq(needs.id, needId), eq(needs.customerId, customerId)));
    if (!need)
      throw ValidationError("needId", `needId: customer ${customerId} has no need ${needId}`);
  }
}
