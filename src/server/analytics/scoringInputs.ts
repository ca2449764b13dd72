/**
 * Reads one row per buying customer for a refresh: the purchase summary plus spend in the two
 * life-cycle windows.
 * - PostgreSQL server: one statement (the windows summed in one pass over the transactions of
 *   the two windows, hash-joined to the summaries), read through a cursor in batches; the
 *   refresh holds one connection and the others serve requests.
 * - Embedded database: keyset batches by customer id, each a short statement, so the one
 *   connection keeps answering interactive requests between them.
 */
import type { Database } from "../db/client.js";
import type { BaseRow } from "../../analytics/scoreBase.js";
import type { Cents, Day } from "../../analytics/units.js";

const BATCH = 20_000;
const CURSOR_BATCH = 50_000;
const DAY_MS = 86_400_000;

interface InputRow {
  id: number;
  first_day: number;
  last_day: number;
  purchase_days: number;
  revenue_cents: number;
  cost_cents: number;
  repeat_revenue_cents: number;
  recent: number | null;
  previous: number | null;
}

const SELECT_ROW = `select b.customer_id as id,
    floor(extract(epoch from b.first_purchase_at) / 86400)::int as first_day,
    floor(extract(epoch from b.last_purchase_at) / 86400)::int as last_day,
    b.purchase_days, b.revenue_cents, b.cost_cents, b.repeat_revenue_cents, w.recent, w.previous`;

/**
 * Spend per customer in the recent window (windowStart $2, asOf $1] and the one before it
 * (previousStart $3, windowStart $2], in one pass over the transactions of the two windows.
 */
const WINDOWS = `select t.customer_id,
    sum(t.amount_cents) filter (where t.occurred_at > $2) as recent,
    sum(t.amount_cents) filter (where t.occurred_at <= $2) as previous
  from transactions t
  where t.occurred_at > $3 and t.occurred_at <= $1
  group by t.customer_id`;

/**
 * The same two windows for one customer of a keyset batch (asOf $2, windowStart $3,
 * previousStart $4): an index range per customer that
 * reads only its purchases in the windows (the embedded database's cache is small, and a scan
 * of whole customer ranges would read every purchase), and nothing at all for a customer whose
 * last purchase is older than both windows.
 */
const windowsOf = (batch: string) => `select
    sum(t.amount_cents) filter (where t.occurred_at > $3) as recent,
    sum(t.amount_cents) filter (where t.occurred_at <= $3) as previous
  from transactions t
  where ${batch}.last_purchase_at > $4
    and t.customer_id = ${batch}.customer_id and t.occurred_at > $4 and t.occurred_at <= $2`;

const toBaseRow = (r: InputRow): BaseRow => ({
  customerId: String(r.id),
  firstDay: r.first_day as Day,
  lastDay: r.last_day as Day,
  purchaseDays: r.purchase_days,
  revenue: r.revenue_cents as Cents,
  cost: r.cost_cents as Cents,
  repeatRevenue: r.repeat_revenue_cents as Cents,
  recentSpend: r.recent ?? 0,
  previousSpend: r.previous ?? 0,
});

export function readScoringInputs(
  database: Database,
  asOf: Date,
  windowDays: number,
): AsyncGenerator<BaseRow[]> {
  const windowStart = new Date(asOf.getTime() - windowDays * DAY_MS);
  const previousStart = new Date(asOf.getTime() - 2 * windowDays * DAY_MS);
  const params = [asOf, windowStart, previousStart];
  return database.kind === "postgres"
    ? readThroughCursor(database, params)
    : readInKeysetBatches(database, params);
}

async function* readThroughCursor(database: Database, params: unknown[]) {
  const client = await database.pool.connect();
  try {
    await client.query("begin read only");
    await client.query(
      `declare scoring_inputs no scroll cursor for
       with windows as (${WINDOWS})
       ${SELECT_ROW}
       from purchase_summaries b join customers c on c.id = b.customer_id
         left join windows w on w.customer_id = b.customer_id
       where c.archived_at is null`,
      params,
    );
    for (;;) {
      const { rows } = await client.query<InputRow>(`fetch ${CURSOR_BATCH} from scoring_inputs`);
      if (rows.length) yield rows.map(toBaseRow);
      if (rows.length < CURSOR_BATCH) break;
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function* readInKeysetBatches(database: Database, params: unknown[]) {
  let after = 0;
  for (;;) {
    const { rows } = await database.pool.query<InputRow>(
      `with batch as (
         select s.customer_id, s.first_purchase_at, s.last_purchase_at, s.purchase_days, s.revenue_cents, s.cost_cents, s.repeat_revenue_cents
         from purchase_summaries s join customers c on c.id = s.customer_id
         where s.customer_id > $1 and c.id > $1 and c.archived_at is null -- both sides start at the key
         order by s.customer_id limit ${BATCH}
       )
       ${SELECT_ROW}
       from batch b left join lateral (${windowsOf("b")}) w on true
       order by b.customer_id`,
      [after, ...params],
    );
    if (rows.length === 0) return;
    yield rows.map(toBaseRow);
    after = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}
