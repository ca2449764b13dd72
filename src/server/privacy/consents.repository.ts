/** Reads of a customer's consents and how the API shows them. */
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { consents } from "../db/schema.js";
import type { Consent, LegalBasis } from "../../shared/schemas/privacy.js";

export type ConsentRow = typeof consents.$inferSelect;

/** Every consent of a customer, withdrawn ones included, newest first. */
export async function listConsents(db: Queryable, customerId: number): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(eq(consents.customerId, customerId))
    .orderBy(desc(consents.grantedAt), desc(consents.id));
}

export async function findConsent(db: Queryable, customerId: number, id: number, lock = false) {
  const query = db
    .select()
    .from(consents)
    .where(and(eq(consents.customerId, customerId), eq(consents.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

export function presentConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    customerId: row.customerId,
    purpose: row.purpose,
    basis: row.basis as LegalBasis,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
    recordedBy: row.recordedBy,
  };
}
