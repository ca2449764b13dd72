/**
 * The proposal engine (SPEC §2): scans every customer, judges its evidence with the pure rules
 * and keeps one open proposal per customer in step with them. It never changes a stage.
 *
 * Customers are taken in keyset batches by id (each batch then read as an id range); per batch,
 * one aggregate query gathers the evidence and three set-based statements bring the proposals
 * up to date, in one transaction:
 * open proposals the rules no longer support turn stale, those still supported get fresh
 * evidence, and new ones are inserted — unless the customer's stage moved meanwhile, or a person
 * rejected the same proposal in this stage within the last 90 days (a rejection is an answer;
 * the engine does not ask again every night).
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import { decideProposal } from "../../shared/ladder/proposalRules.js";
import type { ProposalRun } from "../../shared/schemas/ladder.js";
import { batchEnd, loadEvidence } from "../ladder/evidence.repository.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/recordAudit.js";

export const ENGINE_BATCH_SIZE = 5000;
/** How long a rejection keeps the same proposal from coming back while the stage is unchanged. */
export const REJECTION_QUIET_DAYS = 90;

interface Desired {
  cid: number;
  f: string;
  t: string;
  r: string;
  ev: unknown;
}

const affected = (result: { rowCount?: number | null; rows: unknown[] }) =>
  result.rowCount ?? result.rows.length;

/** Brings the open proposals of customers in (afterId, hi] in line with `desired`. */
async function syncBatch(
  tx: Tx,
  afterId: number,
  hi: number | null,
  desired: Desired[],
  asOf: Date,
) {
  const json = JSON.stringify(desired);
  const range =
    hi === null
      ? sql`p.customer_id > ${afterId}`
      : sql`p.customer_id > ${afterId} and p.customer_id <= ${hi}`;
  const staled = await tx.execute(sql`
    update proposals p set status = 'stale', decided_at = now()
    where p.status = 'open' and ${range}
      and not exists (
        select 1 from jsonb_to_recordset(${json}::jsonb) as d(cid bigint, f text, t text, r text)
        where d.cid = p.customer_id and d.f = p.from_stage and d.t = p.to_stage and d.r = p.rule)
    returning 1`);
  if (desired.length === 0) return { staled: affected(staled), refreshed: 0, created: 0 };
  const refreshed = await tx.execute(sql`
    update proposals p set evidence = d.ev
    from jsonb_to_recordset(${json}::jsonb) as d(cid bigint, f text, t text, r text, ev jsonb)
    where p.status = 'open' and p.customer_id = d.cid and p.from_stage = d.f
      and p.to_stage = d.t and p.rule = d.r and p.evidence is distinct from d.ev
    returning 1`);
  const quietSince = new Date(asOf.getTime() - REJECTION_QUIET_DAYS * 86_400_000);
  const created = await tx.execute(sql`
    insert into proposals (customer_id, from_stage, to_stage, rule, evidence)
    select d.cid, d.f, d.t, d.r, d.ev
    from jsonb_to_recordset(${json}::jsonb) as d(cid bigint, f text, t text, r text, ev jsonb)
    join customers c on c.id = d.cid and c.stage = d.f and c.archived_at is null
    where not exists (select 1 from proposals p where p.customer_id = d.cid and p.status = 'open')
      and not exists (
        select 1 from proposals p
        where p.customer_id = d.cid and p.status = 'rejected' and p.from_stage = d.f
          and p.to_stage = d.t and p.rule = d.r
          and p.decided_at >= c.stage_since and p.decided_at > ${quietSince})
    on conflict (customer_id) where status = 'open' do nothing
    returning 1`);
  return { staled: affected(staled), refreshed: affected(refreshed), created: affected(created) };
}

/** Runs the rules over every (unarchived) customer as of `asOf`; returns what changed. */
export async function runProposalEngine({
  db,
  asOf = new Date(),
  batchSize = ENGINE_BATCH_SIZE,
  concurrency = 1,
  actor = null,
  requestId,
}: {
  db: Db;
  asOf?: Date;
  batchSize?: number;
  /**
   * Batches in flight at once. Batches cover disjoint customers, so on a PostgreSQL pool two
   * or more can run side by side; the embedded database has one connection: keep 1 there.
   */
  concurrency?: number;
  /** Who started the run (null for a scheduled run); the run's totals are audited. */
  actor?: Actor | null;
  requestId?: string | undefined;
}): Promise<ProposalRun> {
  const started = performance.now();
  const run = { scanned: 0, created: 0, refreshed: 0, staled: 0, heldBack: 0 };

  /** One batch — or, with `upToId` null, the final pass that stales what lies past the last. */
  const processBatch = (afterId: number, upToId: number | null) =>
    db.transaction(async (tx) => {
      // A batch's aggregate joins look huge to the planner (it multiplies the per-table
      // estimates), which on PostgreSQL triggers JIT compilation costing far more than the query.
      await tx.execute(sql`set local jit = off`);
      const evidence =
        upToId === null ? [] : await loadEvidence(tx, { kind: "range", afterId, upToId }, asOf);
      const desired: Desired[] = [];
      for (const e of evidence) {
        const { proposal, heldBack } = decideProposal(e, asOf);
        if (heldBack) run.heldBack++;
        if (proposal)
          desired.push({
            cid: e.customerId,
            f: proposal.from,
            t: proposal.to,
            r: proposal.rule,
            ev: proposal.evidence,
          });
      }
      const counts = await syncBatch(tx, afterId, upToId, desired, asOf);
      run.scanned += evidence.length;
      run.created += counts.created;
      run.refreshed += counts.refreshed;
      run.staled += counts.staled;
    });

  // Keyset steps are taken one at a time (each batch's end id, cheap, on the primary key);
  // the batches themselves run `concurrency` at a time.
  let afterId = 0;
  let done = false;
  let step: Promise<unknown> = Promise.resolve();
  const nextBatch = () => {
    const next = step.then(async () => {
      if (done) return null;
      const upToId = await batchEnd(db, afterId, batchSize);
      if (upToId === null) {
        done = true;
        return null;
      }
      const batch = { afterId, upToId };
      afterId = upToId;
      return batch;
    });
    step = next;
    return next;
  };
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      try {
        for (let batch = await nextBatch(); batch; batch = await nextBatch()) {
          await processBatch(batch.afterId, batch.upToId);
        }
      } catch (error) {
        done = true; // the other workers stop after their current batch
        throw error;
      }
    }),
  );
  await processBatch(afterId, null);

  const result = { asOf: asOf.toISOString(), ...run, ms: Math.round(performance.now() - started) };
  await recordAudit(db, {
    actor,
    action: "run_proposal_engine",
    entity: "proposal",
    after: result,
    requestId: requestId ?? null,
  });
  return result;
}
