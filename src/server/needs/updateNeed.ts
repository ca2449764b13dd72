import type { Db } from "../db/client.js";
import { needs } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { lockSegmentForChange } from "../segments/segmentAccess.js";
import { metAtAfter } from "../../shared/engine/needs.js";
import type { UpdateNeedInput } from "../../shared/schemas/needs.js";

/** Changes a need at the version the client read; becoming met stamps `metAt`, reopening clears it. */
export async function updateNeed({
  db,
  actor,
  id,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateNeedInput;
  requestId?: string;
}) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockOwnedRow(tx, actor, {
      table: needs,
      id,
      what: "Need",
      version,
      withoutCustomer: async (need) =>
        void (await lockSegmentForChange(tx, actor, need.segmentId!)),
    });
    const changes = {
      ...fields,
      ...(fields.status ? { metAt: metAtAfter(before, fields.status, new Date()) } : {}),
    };
    return saveVersioned(tx, actor, {
      table: needs,
      entity: "need",
      before,
      changes,
      customerId: before.customerId,
      requestId,
    });
  });
}
