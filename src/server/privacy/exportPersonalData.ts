/**
 * Subject access (PIPL art. 45, GDPR art. 15): everything held about one customer as one
 * document, read in one snapshot and audited as an export.
 */
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import {
  auditLog,
  bonds,
  complaints,
  contacts,
  customerScores,
  deliveries,
  infoSources,
  interactionPlans,
  interactions,
  needs,
  proposals,
  purchaseSummaries,
  researchNotes,
  scoreRuns,
  stageEvents,
  transactions,
  users,
} from "../db/schema.js";
import { ROLE_GRADE, type Actor } from "../auth/actor.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import { recordAudit } from "../audit/recordAudit.js";
import { lockCustomerForChange } from "../customers/customerAccess.js";
import { findCustomer } from "../customers/customers.repository.js";
import { presentCustomer } from "../customers/customers.presenter.js";
import { presentContact } from "../contacts/contacts.presenter.js";
import { NotFound } from "../http/errors.js";
import type { PersonalData } from "../../shared/schemas/privacy.js";
import type { AuditEntry } from "../../shared/schemas/audit.js";
import { listConsents, presentConsent } from "./consents.repository.js";
import { redactAuditPayload } from "./redactAuditPayload.js";

/** A row as plain JSON data: times as ISO 8601 strings. */
const plain = (row: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );

/**
 * The document for a customer the actor may change (admins, marketing managers, the owning
 * account manager and team). Customer and contact fields follow the actor's grade; below the
 * confidential grade the document says it is incomplete and audit payloads are redacted.
 */
export async function exportPersonalData({
  db,
  actor,
  grades,
  customerId,
  requestId,
}: {
  db: Db;
  actor: Actor;
  grades: FieldGrades;
  customerId: number;
  requestId?: string;
}): Promise<PersonalData> {
  return db.transaction(
    async (tx) => {
      await lockCustomerForChange(tx, actor, customerId);
      const row = await findCustomer(tx, actor, customerId);
      if (!row) throw NotFound("Customer", customerId);
      const complete = ROLE_GRADE[actor.role] === "confidential";
      const document: PersonalData = {
        exportedAt: new Date().toISOString(),
        complete,
        customer: presentCustomer(row, actor, grades).customer,
        contacts: (
          await tx
            .select()
            .from(contacts)
            .where(eq(contacts.customerId, customerId))
            .orderBy(asc(contacts.id))
        ).map((c) => presentContact(c, actor, grades).contact),
        consents: (await listConsents(tx, customerId)).map(presentConsent),
        ...(await ownedRows(tx, customerId)),
        audit: await auditEntries(tx, customerId, complete ? null : grades),
      };
      await recordAudit(tx, {
        actor,
        action: "export",
        entity: "customer",
        entityId: customerId,
        customerId,
        after: { document: "personal_data", complete },
        requestId: requestId ?? null,
      });
      return document;
    },
    { isolationLevel: "repeatable read" },
  );
}

/** Every other row the customer owns, oldest first. */
async function ownedRows(tx: Tx, customerId: number) {
  const [summary] = await tx
    .select()
    .from(purchaseSummaries)
    .where(eq(purchaseSummaries.customerId, customerId));
  const scores = await tx
    .select({
      ...getTableColumns(customerScores),
      asOf: scoreRuns.asOf,
      runStatus: scoreRuns.status,
    })
    .from(customerScores)
    .innerJoin(scoreRuns, eq(scoreRuns.id, customerScores.runId))
    .where(eq(customerScores.customerId, customerId))
    .orderBy(asc(scoreRuns.asOf), asc(customerScores.runId));
  return {
    infoSources: (
      await tx
        .select()
        .from(infoSources)
        .where(eq(infoSources.customerId, customerId))
        .orderBy(asc(infoSources.id))
    ).map(plain),
    needs: (
      await tx.select().from(needs).where(eq(needs.customerId, customerId)).orderBy(asc(needs.id))
    ).map(plain),
    deliveries: (
      await tx
        .select()
        .from(deliveries)
        .where(eq(deliveries.customerId, customerId))
        .orderBy(asc(deliveries.id))
    ).map(plain),
    interactionPlans: (
      await tx
        .select()
        .from(interactionPlans)
        .where(eq(interactionPlans.customerId, customerId))
        .orderBy(asc(interactionPlans.id))
    ).map(plain),
    interactions: (
      await tx
        .select()
        .from(interactions)
        .where(eq(interactions.customerId, customerId))
        .orderBy(asc(interactions.occurredAt), asc(interactions.id))
    ).map(plain),
    complaints: (
      await tx
        .select()
        .from(complaints)
        .where(eq(complaints.customerId, customerId))
        .orderBy(asc(complaints.id))
    ).map(plain),
    bonds: (
      await tx.select().from(bonds).where(eq(bonds.customerId, customerId)).orderBy(asc(bonds.id))
    ).map(plain),
    transactions: (
      await tx
        .select()
        .from(transactions)
        .where(eq(transactions.customerId, customerId))
        .orderBy(asc(transactions.occurredAt), asc(transactions.id))
    ).map(plain),
    purchaseSummary: summary ? plain(summary) : null,
    researchNotes: (
      await tx
        .select()
        .from(researchNotes)
        .where(eq(researchNotes.customerId, customerId))
        .orderBy(asc(researchNotes.id))
    ).map(plain),
    stageHistory: (
      await tx
        .select()
        .from(stageEvents)
        .where(eq(stageEvents.customerId, customerId))
        .orderBy(asc(stageEvents.at), asc(stageEvents.id))
    ).map(plain),
    proposals: (
      await tx
        .select()
        .from(proposals)
        .where(eq(proposals.customerId, customerId))
        .orderBy(asc(proposals.id))
    ).map(plain),
    scores: scores.map(plain),
  };
}

/** The audit entries concerning the customer, oldest first; redacted when `grades` is given. */
async function auditEntries(
  tx: Tx,
  customerId: number,
  grades: FieldGrades | null,
): Promise<AuditEntry[]> {
  const rows = await tx
    .select({ ...getTableColumns(auditLog), actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.customerId, customerId))
    .orderBy(asc(auditLog.id));
  return rows.map((row) => ({
    ...row,
    at: row.at.toISOString(),
    before: grades ? redactAuditPayload(row.entity, row.before, grades) : row.before,
    after: grades ? redactAuditPayload(row.entity, row.after, grades) : row.after,
  }));
}
