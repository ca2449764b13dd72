/**
 * Erasure on request (PIPL art. 47, GDPR art. 17), done as anonymisation in place: the person's
 * values go, the customer's ids, stages, transactions and scores stay, so every count, total and
 * rate computed before is computed the same after.
 */
import { and, eq, getTableColumns, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../db/client.js";
import { consents, contacts, customers } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/access.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import type { ErasureResult } from "../../shared/schemas/privacy.js";
import {
  CONTACT_PERSONAL_FIELDS,
  CUSTOMER_PERSONAL_FIELDS,
  ERASED_TEXT,
  FREE_TEXT,
  ERASED_CONTACT_PREFIX,
  erasedCustomerName,
  type Blank,
} from "./personalFields.js";

/** Erases a customer's personal data (admins), version-checked, in one transaction. */
export async function eraseCustomer({
  db,
  actor,
  customerId,
  version,
  reason,
  requestId,
}: {
  db: Db;
  actor: Actor;
  customerId: number;
  version: number;
  reason: string;
  requestId?: string;
}): Promise<ErasureResult> {
  requireRole(actor, "admin");
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId, version);
    return anonymiseCustomer(tx, { customerId, actor, reason, via: "request", requestId });
  });
}

const blankValue = (blank: Blank): SQL | string | null =>
  blank === "text"
    ? ERASED_TEXT
    : blank === "list"
      ? sql`'{}'::text[]`
      : blank === "json_list"
        ? sql`'[]'::jsonb`
        : null;

/** Personal customer fields as they read once erased: null, empty, or the placeholder name. */
function erasedCustomerValues(customerId: number): Record<string, unknown> {
  const columns = getTableColumns(customers) as Record<string, PgColumn>;
  return Object.fromEntries(
    CUSTOMER_PERSONAL_FIELDS.map((field) => {
      if (field === "name") return [field, erasedCustomerName(customerId)];
      const column = columns[field];
      if (!column) throw new Error(`customers has no column for the field ${field}`);
      return [field, column.columnType === "PgArray" ? [] : null];
    }),
  );
}

/**
 * The erasure itself, inside the caller's transaction with the customer already locked: the
 * customer's and its contacts' personal fields, the free text of every row it owns, its
 * consents (withdrawn), tags (cleared) and `archived_at` (set). The audit entry says who,
 * why and which fields, never the values.
 */
export async function anonymiseCustomer(
  tx: Tx,
  {
    customerId,
    actor,
    reason,
    via,
    requestId,
  }: {
    customerId: number;
    actor: Actor | null;
    reason: string;
    via: "request" | "retention";
    requestId?: string | undefined;
  },
): Promise<ErasureResult> {
  await tx
    .update(customers)
    .set({
      ...(erasedCustomerValues(customerId) as Partial<typeof customers.$inferInsert>),
      archivedAt: sql`coalesce(${customers.archivedAt}, now())`,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor?.id ?? null,
    })
    .where(eq(customers.id, customerId));

  const contactValues = Object.fromEntries(
    CONTACT_PERSONAL_FIELDS.map((field) => [
      field,
      field === "name" ? sql`${ERASED_CONTACT_PREFIX} || ${contacts.id}::text` : null,
    ]),
  );
  const erasedContacts = await tx
    .update(contacts)
    .set({
      ...(contactValues as Partial<typeof contacts.$inferInsert>),
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(contacts.customerId, customerId))
    .returning({ id: contacts.id });

  const cleared: Record<string, number> = {};
  for (const rule of FREE_TEXT) {
    const columns = getTableColumns(rule.table) as Record<string, PgColumn>;
    const assignments = Object.entries(rule.fields).map(([field, blank]) => {
      const column = columns[field]!;
      const keep = rule.keep?.[field];
      const value = blankValue(blank);
      return keep
        ? sql`${sql.identifier(column.name)} = case when ${column} in (${sql.join(
            keep.map((k) => sql`${k}`),
            sql`, `,
          )}) then ${column} else ${value} end`
        : sql`${sql.identifier(column.name)} = ${value}`;
    });
    const result = await tx.execute(
      sql`update ${rule.table} set ${sql.join(assignments, sql`, `)} where ${rule.customerId} = ${customerId}`,
    );
    cleared[rule.name] = result.rowCount ?? 0;
  }

  const withdrawn = await tx
    .update(consents)
    .set({ withdrawnAt: sql`now()` })
    .where(and(eq(consents.customerId, customerId), isNull(consents.withdrawnAt)))
    .returning({ id: consents.id });

  const result: ErasureResult = {
    customerId,
    customerFields: [...CUSTOMER_PERSONAL_FIELDS],
    contacts: erasedContacts.length,
    cleared,
    consentsWithdrawn: withdrawn.length,
  };
  await recordAudit(tx, {
    actor,
    action: "erase",
    entity: "customer",
    entityId: customerId,
    customerId,
    // Not `reason`: that key holds stage-change reasons, which audit payloads redact.
    after: { erasureReason: reason, via, contactIds: erasedContacts.map((c) => c.id), ...result },
    requestId: requestId ?? null,
  });
  return result;
}
