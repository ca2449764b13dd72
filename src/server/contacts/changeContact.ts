/** Adding, changing and removing a customer's contacts, each audited with the change. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { contacts } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import type { CreateContactInput, UpdateContactInput } from "../../shared/schemas/contacts.js";
import { diff, recordAudit } from "../audit/recordAudit.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { NotFound, StaleWrite } from "../http/errors.js";
import { findContact } from "./contacts.repository.js";

interface Props {
  db: Db;
  actor: Actor;
  customerId: number;
  requestId?: string;
}

export async function createContact({
  db,
  actor,
  customerId,
  input,
  requestId,
}: Props & { input: CreateContactInput }) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, customerId })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "contact",
      entityId: row!.id,
      customerId,
      after: input,
      requestId: requestId ?? null,
    });
    return row!;
  });
}

export async function updateContact({
  db,
  actor,
  customerId,
  id,
  input,
  requestId,
}: Props & { id: number; input: UpdateContactInput }) {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const before = await findContact(tx, customerId, id);
    if (!before) throw NotFound("Contact", id);
    const [row] = await tx
      .update(contacts)
      .set({ ...fields, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!row) throw StaleWrite("contact", before.version);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "contact",
      entityId: id,
      customerId,
      ...diff(before as Record<string, unknown>, fields),
      requestId: requestId ?? null,
    });
    return row;
  });
}

export async function deleteContact({
  db,
  actor,
  customerId,
  id,
  requestId,
}: Props & { id: number }) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .delete(contacts)
      .where(and(eq(contacts.customerId, customerId), eq(contacts.id, id)))
      .returning();
    if (!row) throw NotFound("Contact", id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "contact",
      entityId: id,
      customerId,
      before: row,
      requestId: requestId ?? null,
    });
  });
}
