/**
 * A customer base whose purchases follow the BG/NBD process with CDNOW-like parameters (per
 * day): `buyers` customers who bought, plus 20 who never did, all owned by `ownerId`. Repeat
 * purchases are spread evenly up to each buyer's last one; amounts vary deterministically.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.js";
import { simulateBgNbd } from "../../src/analytics/clv/simulate.js";
import { refreshPurchaseSummaries } from "../../src/server/transactions/purchaseSummaries.js";

export async function seedSimulatedBase(
  db: Db,
  { ownerId, buyers, asOf }: { ownerId: number; buyers: number; asOf: Date },
) {
  const asOfDay = Math.floor(asOf.getTime() / 86_400_000);
  const histories = simulateBgNbd(
    { r: 0.24, alpha: 31, a: 0.79, b: 2.4 },
    { customers: buyers, minT: 60, maxT: 700, seed: 42, grid: 1 },
  );
  const [first] = (
    await db.execute<{ id: number }>(sql`
    insert into customers (kind, name, owner_id) select 'organization', '模拟客户' || g, ${ownerId} from generate_series(1, ${buyers + 20}) g returning id`)
  ).rows;
  const base = Number(first!.id) - 1;
  const ids: number[] = [];
  const days: number[] = [];
  histories.forEach((h, i) => {
    const firstDay = asOfDay - h.T;
    const gap = h.x > 0 ? Math.floor(h.tx / h.x) : 0;
    for (let k = 0; k <= h.x; k++) {
      ids.push(base + i + 1);
      days.push(k === 0 ? firstDay : firstDay + h.tx - (h.x - k) * gap);
    }
  });
  await db.execute(sql`
    insert into transactions (customer_id, occurred_at, amount_cents, cost_cents)
    select id, timestamptz '1970-01-01 10:00Z' + day * interval '1 day', 1000 + (id * 37 + day * 11) % 5000, 200
    from unnest(${sql.param(ids)}::bigint[], ${sql.param(days)}::int[]) as t(id, day)`);
  await refreshPurchaseSummaries(db, "all");
  return { repeatBuyers: histories.filter((h) => h.x > 0).length };
}
