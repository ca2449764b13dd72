/**
 * Retention (PIPL art. 19, GDPR art. 5(1)(e)): personal data is kept no longer than needed.
 * Customers exited longer than the set period are erased the same way as on request; the free
 * text of old interactions is cleared while the rows stay, so interaction counts still add up.
 * Work goes in short transactions, each audited, so a stop halfway loses nothing and a rerun
 * carries on.
 */
import { and, asc, eq, gt, inArray, lte, lt, ne, or, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditLog, customers, interactions } from "../db/schema.js";
import { recordAudit } from "../audit/recordAudit.js";
import { readRetention } from "../settings/retentionSettings.js";
import type { Retention } from "../../shared/schemas/settings.js";
import { anonymiseCustomer } from "./eraseCustomer.js";
import { ERASED_TEXT } from "./personalFields.js";

export interface RetentionReport {
  asOf: string;
  retention: Retention;
  dryRun: boolean;
  /** Customers erased (or, in a dry run, that would be). */
  erasedCustomerIds: number[];
  /** Interactions whose free text was cleared by the interaction period (a dry run also counts those erasure would clear). */
  interactionsCleared: number;
}

/** The same instant `years` calendar years earlier (UTC). */
export function yearsBefore(asOf: Date, years: number): Date {
  const date = new Date(asOf);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date;
}

/** Exited before the cutoff and not erased yet: the audit log remembers every erasure. */
const dueForErasure = (cutoff: Date) =>
  and(
    eq(customers.stage, "exited"),
    lte(customers.stageSince, cutoff),
    sql`not exists (select 1 from ${auditLog} where ${auditLog.entity} = 'customer'
      and ${auditLog.action} = 'erase' and ${auditLog.entityId} = ${customers.id}::text)`,
  );

const interactionDue = (cutoff: Date) =>
  and(
    lt(interactions.occurredAt, cutoff),
    or(ne(interactions.summary, ERASED_TEXT), isNotNull(interactions.outcome)),
  );

/**
 * Applies the stored retention periods as of `asOf`. With `dryRun` it only reports what it
 * would do. Run by an operator (the CLI) or a scheduler, never by a request.
 */
export async function applyRetention({
  db,
  asOf,
  dryRun = false,
  batchSize = 200,
}: {
  db: Db;
  asOf: Date;
  dryRun?: boolean;
  batchSize?: number;
}): Promise<RetentionReport> {
  const retention = await readRetention(db);
  const report: RetentionReport = {
    asOf: asOf.toISOString(),
    retention,
    dryRun,
    erasedCustomerIds: [],
    interactionsCleared: 0,
  };

  if (retention.exitedCustomerYears !== null) {
    const years = retention.exitedCustomerYears;
    const cutoff = yearsBefore(asOf, years);
    for (let after = 0; ;) {
      const batch = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(dueForErasure(cutoff), gt(customers.id, after)))
        .orderBy(asc(customers.id))
        .limit(batchSize);
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      for (const { id } of batch) {
        if (dryRun) {
          report.erasedCustomerIds.push(id);
          continue;
        }
        const erased = await db.transaction(async (tx) => {
          // Still due once locked: someone may have moved the customer back meanwhile.
          const [due] = await tx
            .select({ id: customers.id })
            .from(customers)
            .where(and(eq(customers.id, id), dueForErasure(cutoff)))
            .for("update");
          if (!due) return false;
          await anonymiseCustomer(tx, {
            customerId: id,
            actor: null,
            reason: `retention: exited more than ${years} years before ${report.asOf}`,
            via: "retention",
          });
          return true;
        });
        if (erased) report.erasedCustomerIds.push(id);
      }
    }
  }

  if (retention.interactionYears !== null) {
    const cutoff = yearsBefore(asOf, retention.interactionYears);
    if (dryRun) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(interactions)
        .where(interactionDue(cutoff));
      report.interactionsCleared = row?.n ?? 0;
    } else {
      for (;;) {
        const cleared = await db.transaction(async (tx) => {
          const ids = tx
            .select({ id: interactions.id })
            .from(interactions)
            .where(interactionDue(cutoff))
            .orderBy(asc(interactions.id))
            .limit(batchSize);
          const rows = await tx
            .update(interactions)
            .set({ summary: ERASED_TEXT, outcome: null })
            .where(inArray(interactions.id, ids))
            .returning({ id: interactions.id });
          if (rows.length > 0) {
            await recordAudit(tx, {
              actor: null,
              action: "retention",
              entity: "interaction",
              after: {
                cleared: rows.length,
                fields: ["summary", "outcome"],
                occurredBefore: cutoff.toISOString(),
                asOf: report.asOf,
              },
            });
          }
          return rows.length;
        });
        report.interactionsCleared += cleared;
        if (cleared < batchSize) break;
      }
    }
  }
  return report;
}
