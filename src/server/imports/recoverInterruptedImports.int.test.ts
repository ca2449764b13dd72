import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "../../../test/support/testDatabase.js";
import type { Database } from "../db/client.js";
import { users } from "../db/schema.js";
import { createUser } from "../users/createUser.js";
import { toActor } from "../auth/sessions.js";
import type { Actor } from "../auth/actor.js";
import { refreshPurchaseSummaries } from "../transactions/purchaseSummaries.js";
import { beginImport, runImport } from "./runImport.js";
import { createStage, publishStage, stageRows, stageTableName } from "./stagedImport.js";
import { transactionValues } from "./importTargets.js";
import { setImportStatus, findImport } from "./imports.repository.js";
import { recoverInterruptedImports } from "./recoverInterruptedImports.js";

describe("recovering interrupted imports", () => {
  let database: Database;
  let actor: Actor;
  let customerIds: number[];
  const scalar = async (text: string, params: unknown[] = []) =>
    (await database.pool.query(text, params)).rows[0] as Record<string, unknown>;

  beforeAll(async () => {
    database = await openTestDatabase();
    const user = await createUser({
      db: database.db,
      actor: null,
      input: {
        email: "crash@test.local",
        name: "crash",
        password: "correct horse battery",
        role: "admin",
      },
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    actor = toActor(row!, "cli");
    const { rows } = await database.pool.query(
      "insert into customers (external_ref, kind, name, owner_id) select 'R' || g, 'organization', '客户' || g, $1 from generate_series(1, 50) g returning id",
      [actor.id],
    );
    customerIds = rows.map((r) => Number(r.id));
    await runImport({
      database,
      actor,
      kind: "transactions",
      source: {
        stream: Readable.from(["customer_ref,occurred_at,amount\nR1,2024-01-01,5.00\n"]),
        fileName: "first.csv",
      },
    });
  });
  afterAll(() => database.close());

  it("removes what a dead import had published, marks it failed, and lets it run again", async () => {
    const before = await scalar(
      "select count(*)::int as n, sum(amount_cents)::bigint as total from transactions",
    );
    const summaryBefore = await scalar(
      "select transaction_count, revenue_cents from purchase_summaries where customer_id = $1",
      [customerIds[0]],
    );

    // A process claimed the import, staged 5,000 rows and was publishing them when it died.
    const begun = await beginImport({
      database,
      actor,
      kind: "transactions",
      fileName: "big.csv",
      idempotencyKey: "nightly-1",
    });
    const id = begun.importId!;
    const name = stageTableName(id);
    await createStage(database.db, "transactions", name, { temporary: false, indexRefs: true });
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const customerId = customerIds[i % customerIds.length]!;
      const row = {
        customerRef: "",
        occurredAt: new Date(Date.UTC(2024, 1, 1 + (i % 28))),
        amountCents: 100 + i,
        costCents: null,
        quantity: 1,
        product: null,
        channel: null,
        externalRef: `N-${i}`,
      };
      return {
        line: i + 2,
        values: transactionValues(row, customerId, id),
        customerId,
        externalRef: row.externalRef,
        record: row,
      };
    });
    await stageRows(database.db, "transactions", name, rows);
    await setImportStatus(database.db, id, "publishing");
    await publishStage(database.db, { kind: "transactions", name, actorId: actor.id });
    await refreshPurchaseSummaries(database.db, customerIds);
    expect(
      Number((await scalar("select count(*) as n from transactions where import_id = $1", [id])).n),
    ).toBe(5000);

    expect(await recoverInterruptedImports(database)).toEqual([id]);

    expect(
      await scalar(
        "select count(*)::int as n, sum(amount_cents)::bigint as total from transactions",
      ),
    ).toEqual(before);
    expect(
      await scalar(
        "select transaction_count, revenue_cents from purchase_summaries where customer_id = $1",
        [customerIds[0]],
      ),
    ).toEqual(summaryBefore);
    expect(Number((await scalar("select count(*) as n from purchase_summaries")).n)).toBe(1);
    expect((await scalar("select to_regclass($1) is null as gone", [name])).gone).toBe(true);
    const failed = await findImport(database.db, id);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.error).toMatch(/interrupted/);
    expect(await recoverInterruptedImports(database)).toEqual([]);

    const file = [
      "customer_ref,occurred_at,amount,external_ref",
      ...rows.slice(0, 100).map((r, i) => `R${1 + (i % 50)},2024-02-01,1.00,${r.externalRef}`),
    ].join("\n");
    const retried = await runImport({
      database,
      actor,
      kind: "transactions",
      idempotencyKey: "nightly-1",
      source: { stream: Readable.from([file]), fileName: "big.csv" },
    });
    expect(retried).toMatchObject({ id, status: "succeeded", rowCount: 100 });
  });

  it("drops the staging of an import that died before publishing", async () => {
    const begun = await beginImport({ database, actor, kind: "customers", fileName: "c.csv" });
    await createStage(database.db, "customers", stageTableName(begun.importId!), {
      temporary: false,
      indexRefs: false,
    });
    expect(await recoverInterruptedImports(database)).toEqual([begun.importId]);
    expect(
      (await scalar("select to_regclass($1) is null as gone", [stageTableName(begun.importId!)]))
        .gone,
    ).toBe(true);
  });
});
