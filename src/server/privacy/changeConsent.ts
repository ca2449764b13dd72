/** Recording and withdrawing a customer's consents, each audited with the change. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { consents } from "../db/schema.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { NotFound, ValidationError } from "../http/errors.js";
import type { CreateConsentInput } from "../../shared/schemas/privacy.js";
import { findConsent, type ConsentRow } from "./consents.repository.js";

interface Props {
  db: Db;
  actor: Actor;
  customerId: number;
  requestId?: string;
}

/** Records that the customer consented (or another legal basis applies) to one purpose. */
export async function recordConsent({
  db,
  actor,
  customerId,
  input,
  requestId,
}: Props & { input: CreateConsentInput }) {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .insert(consents)
      .values({
        customerId,
        purpose: input.purpose,
        basis: input.basis,
        ...(input.grantedAt ? { grantedAt: new Date(input.grantedAt) } : {}),
        recordedBy: actor.id,
      })
      .returning();
    const consent = row!;
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "consent",
      entityId: consent.id,
      customerId,
      after: {
        purpose: consent.purpose,
        basis: consent.basis,
        grantedAt: consent.grantedAt.toISOString(),
      },
      requestId: requestId ?? null,
    });
    return consent;
  });
}

/**
 * Withdraws a consent at `at` (default now). Withdrawing again changes nothing and answers the
 * consent as it is, so a retried request is harmless.
 */
export async function withdrawConsent({
  db,
  actor,
  customerId,
  consentId,
  at,
  requestId,
}: Props & { consentId: number; at?: string | undefined }): Promise<ConsentRow> {
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const consent = await findConsent(tx, customerId, consentId, true);
    if (!consent) throw NotFound("Consent", consentId);
    if (consent.withdrawnAt) return consent;
    const withdrawnAt = at ? new Date(at) : new Date();
    if (withdrawnAt < consent.grantedAt) {
      throw ValidationError("at", "at: a consent cannot be withdrawn before it was granted");
    }
    const [row] = await tx
      .update(consents)
      .set({ withdrawnAt })
      .where(eq(consents.id, consentId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "withdraw",
      entity: "consent",
      entityId: consentId,
      customerId,
      before: { withdrawnAt: null },
      after: { withdrawnAt: withdrawnAt.toISOString() },
      requestId: requestId ?? null,
    });
    return row!;
  });
}
