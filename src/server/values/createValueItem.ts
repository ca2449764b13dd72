import type { Db } from "../db/client.js";
import { valueItems } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { requireCatalogueWriter } from "../http/crud/access.js";
import type { CreateValueItemInput } from "../../shared/schemas/values.js";
import { valueItemColumns } from "./values.presenter.js";

/** Adds an item to the value catalogue (admins and marketing managers keep it). */
export async function createValueItem({
  db,
  actor,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  input: CreateValueItemInput;
  requestId?: string;
}) {
  requireCatalogueWriter(actor);
  return db.transaction(async (tx) => {
    const { title, scope, kind, statement, ...rest } = input;
    const [row] = await tx
      .insert(valueItems)
      .values({ ...valueItemColumns(rest), title, scope, kind, statement })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "value_item",
      entityId: row!.id,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}
