import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { applyRetention, yearsBefore } from "./applyRetention.js";

describe("retention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sql = async (text: string, params: unknown[] = []) =>
    (await t.database.pool.query(text, params)).rows;
  const asOf = new Date("2030-06-30T00:00:00Z");

  /** A customer at `stage` since `since`, with a phone, one purchase and one interaction on `since`. */
  async function customer(name: string, stage: string, since: string): Promise<number> {
    const me = await t.as("manager");
    const created = await me.request("POST", "/api/customers", {
      kind: "individual",
      name,
      phone: `phone-${name}`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    await me.request("POST", `/api/customers/${id}/transactions`, {
      occurredAt: since,
      amountCents: 10_000,
    });
    await sql("update customers set stage = $2, stage_since = $3 where id = $1", [
      id,
      stage,
      since,
    ]);
    await sql(
      "insert into interactions (customer_id, channel, content_type, direction, occurred_at, summary, outcome) values ($1, 'phone', 'opinion', 'inbound', $2, $3, $3)",
      [id, since, `summary-${name}`],
    );
    return id;
  }

  it("counts years by the calendar", () => {
    expect(yearsBefore(asOf, 5).toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(yearsBefore(new Date("2028-02-29T12:00:00Z"), 1).toISOString()).toBe(
      "2027-03-01T12:00:00.000Z",
    );
  });

  it("erases customers exited longer than the period and clears old interactions' text, once", async () => {
    const admin = await t.as("admin");
    const read = await admin.request("GET", "/api/settings/retention");
    expect(read.json()).toMatchObject({ exitedCustomerYears: 5, interactionYears: 3 });
    const set = await admin.request("PUT", "/api/settings/retention", {
      version: read.json().version,
      exitedCustomerYears: 4,
      interactionYears: 3,
    });
    expect(set.statusCode, set.body).toBe(200);

    const longGone = await customer("久已退出", "exited", "2025-01-15T00:00:00Z");
    const recentlyGone = await customer("刚刚退出", "exited", "2028-01-15T00:00:00Z");
    const oldButActive = await customer("老客户", "core", "2020-01-15T00:00:00Z");
    const revenue = async () =>
      (
        await sql("select sum(amount_cents)::bigint as cents, count(*)::int as n from transactions")
      )[0];
    const revenueBefore = await revenue();
    const interactionsBefore = (await sql("select count(*)::int as n from interactions"))[0].n;

    const dry = await applyRetention({ db: t.database.db, asOf, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      erasedCustomerIds: [longGone],
      interactionsCleared: 2,
      retention: { exitedCustomerYears: 4, interactionYears: 3 },
    });
    expect((await sql("select name from customers where id = $1", [longGone]))[0].name).toBe(
      "久已退出",
    );

    const report = await applyRetention({ db: t.database.db, asOf, batchSize: 1 });
    // The erased customer's interaction was cleared by its erasure, before the interaction pass.
    expect(report).toMatchObject({
      asOf: asOf.toISOString(),
      dryRun: false,
      erasedCustomerIds: [longGone],
      interactionsCleared: 1,
    });

    expect(
      await sql("select id, name, phone, stage from customers where id = any($1) order by id", [
        [longGone, recentlyGone, oldButActive],
      ]),
    ).toEqual([
      { id: longGone, name: `已删除客户 #${longGone}`, phone: null, stage: "exited" },
      { id: recentlyGone, name: "刚刚退出", phone: "phone-刚刚退出", stage: "exited" },
      { id: oldButActive, name: "老客户", phone: "phone-老客户", stage: "core" },
    ]);
    // Interactions before 2027-06-30 lose their text but stay, for counts; newer ones keep it.
    expect(
      await sql(
        "select customer_id, summary, outcome from interactions where customer_id = any($1) order by customer_id",
        [[longGone, recentlyGone, oldButActive]],
      ),
    ).toEqual([
      { customer_id: longGone, summary: "[已删除]", outcome: null },
      { customer_id: recentlyGone, summary: "summary-刚刚退出", outcome: "summary-刚刚退出" },
      { customer_id: oldButActive, summary: "[已删除]", outcome: null },
    ]);
    expect(await revenue()).toEqual(revenueBefore);
    expect((await sql("select count(*)::int as n from interactions"))[0].n).toBe(
      interactionsBefore,
    );

    const erasures = await sql(
      "select actor_id, after from audit_log where action = 'erase' and customer_id = $1",
      [longGone],
    );
    expect(erasures).toEqual([
      {
        actor_id: null,
        after: expect.objectContaining({
          via: "retention",
          erasureReason: expect.stringMatching(/^retention: exited more than 4 years/),
        }),
      },
    ]);
    expect(
      (
        await sql(
          "select count(*)::int as n from audit_log where action = 'retention' and entity = 'interaction'",
        )
      )[0].n,
    ).toBe(1);

    // A second run finds nothing left to do.
    expect(await applyRetention({ db: t.database.db, asOf })).toMatchObject({
      erasedCustomerIds: [],
      interactionsCleared: 0,
    });
    expect(
      (
        await sql(
          "select count(*)::int as n from audit_log where action = 'erase' and customer_id = $1",
          [longGone],
        )
      )[0].n,
    ).toBe(1);
  });

  it("keeps everything when the periods are null", async () => {
    const admin = await t.as("admin");
    expect(
      (
        await admin.request("PUT", "/api/settings/retention", {
          version: (await admin.request("GET", "/api/settings/retention")).json().version,
          exitedCustomerYears: null,
          interactionYears: null,
        })
      ).statusCode,
    ).toBe(200);
    const ancient = await customer("远古客户", "exited", "2001-01-01T00:00:00Z");
    expect(await applyRetention({ db: t.database.db, asOf })).toMatchObject({
      erasedCustomerIds: [],
      interactionsCleared: 0,
    });
    expect((await sql("select name from customers where id = $1", [ancient]))[0].name).toBe(
      "远古客户",
    );
  });
});
