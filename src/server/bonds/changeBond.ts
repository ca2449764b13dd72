/** Adding, changing and ending a customer's loyalty bonds, each audited with the change. */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import { bonds } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockOwnedRow } from "../http/crud/access.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { saveVersioned } from "../http/crud/versioned.js";
import { NotFound, ValidationError } from "../http/errors.js";
import type { CreateBondInput, UpdateBondInput } from "../../shared/schemas/bonds.js";

interface Props {
  db: Db;
  actor: Actor;
  customerId: number;
  requestId?: string;
}

function checkDates({
  startedOn,
  endedOn,
}: {
  startedOn?: string | null | undefined;
  endedOn?: string | null | undefined;
}) {
  if (startedOn && endedOn && endedOn < startedOn)
    throw ValidationError("endedOn", `endedOn: ${endedOn} is before startedOn ${startedOn}`);
}

export async function createBond({
  db,
  actor,
  customerId,
  input,
  requestId,
}: Props & { input: CreateBondInput }) {
  checkDates(input);
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .insert(bonds)
      .values({ ...input, customerId })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "bond",
      entityId: row!.id,
      customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}

/** Locks a bond of this customer (a bond of another customer is not found here). */
async function lockBond(tx: Tx, actor: Actor, customerId: number, id: number, version?: number) {
  const row = await lockOwnedRow(tx, actor, { table: bonds, id, what: "Bond", version });
  if (row.customerId !== customerId) throw NotFound("Bond", id);
  return row;
}

export async function updateBond({
  db,
  actor,
  customerId,
  id,
  input,
  requestId,
}: Props & { id: number; input: UpdateBondInput }) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockBond(tx, actor, customerId, id, version);
    checkDates({
      startedOn: fields.startedOn === undefined ? before.startedOn : fields.startedOn,
      endedOn: fields.endedOn === undefined ? before.endedOn : fields.endedOn,
    });
    return saveVersioned(tx, actor, {
      table: bonds,
      entity: "bond",
      before,
      changes: fields,
      customerId,
      requestId,
    });
  });
}

/** Deletes a bond recorded by mistake; a bond that ended is better kept with its `endedOn`. */
export async function deleteBond({
  db,
  actor,
  customerId,
  id,
  version,
  requestId,
}: Props & { id: number; version?: number | undefined }) {
  return db.transaction(async (tx) => {
    const before = await lockBond(tx, actor, customerId, id, version);
    await tx.delete(bonds).where(eq(bonds.id, id));
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "bond",
      entityId: id,
      customerId,
      before,
      requestId: requestId ?? null,
    });
  });
}
