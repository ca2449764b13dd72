import type { Db } from "../db/client.js";
import { valueItems } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockVersionedRow, requireCatalogueWriter } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import type { UpdateValueItemInput } from "../../shared/schemas/values.js";
import { valueItemColumns } from "./values.presenter.js";

/** Changes a catalogue item at the version the client read; FABE parts not sent stay as they are. */
export async function updateValueItem({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateValueItemInput;
  requestId?: string;
}) {
  requireCatalogueWriter(actor);
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockVersionedRow(tx, valueItems, id, "Value item", version);
    return saveVersioned(tx, actor, {
      table: valueItems,
      entity: "value_item",
      before,
      changes: valueItemColumns(fields),
      requestId,
    });
  });
}
