import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

describe("contacts and transactions API", () => {
  let t: TestApp;
  let customerId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const created = await (
      await t.as("manager")
    ).request("POST", "/api/customers", { kind: "organization", name: "宁波海港物流有限公司" });
    customerId = created.json().id;
  });
  afterAll(() => t.close());

  it("keeps the purchase summary current as transactions come and go", async () => {
    const me = await t.as("manager");
    const add = (occurredAt: string, amountCents: number, costCents?: number) =>
      me.request("POST", `/api/customers/${customerId}/transactions`, {
        occurredAt,
        amountCents,
        ...(costCents === undefined ? {} : { costCents }),
      });
    expect((await add("2025-01-05T09:00:00Z", 10_000, 2_000)).statusCode).toBe(201);
    expect((await add("2025-01-05T15:00:00Z", 5_000)).statusCode).toBe(201);
    const third = await add("2025-03-01T10:00:00+08:00", 7_550, 1_000);
    expect(third.statusCode).toBe(201);
    // Two purchase days; repeat revenue is only the second day's.
    const summary = await t.database.pool.query(
      "select * from purchase_summaries where customer_id = $1",
      [customerId],
    );
    expect(summary.rows[0]).toMatchObject({
      purchase_days: 2,
      transaction_count: 3,
      revenue_cents: 22_550,
      cost_cents: 3_000,
      repeat_revenue_cents: 7_550,
    });

    const api = (await me.request("GET", `/api/customers/${customerId}/purchase-summary`)).json();
    expect(api).toMatchObject({
      purchaseDays: 2,
      revenueCents: 22_550,
      firstPurchaseAt: "2025-01-05T09:00:00.000Z",
      lastPurchaseAt: "2025-03-01T02:00:00.000Z",
    });

    expect(
      (await me.request("DELETE", `/api/customers/${customerId}/transactions/${third.json().id}`))
        .statusCode,
    ).toBe(204);
    const after = await t.database.pool.query(
      "select purchase_days, revenue_cents, repeat_revenue_cents from purchase_summaries where customer_id = $1",
      [customerId],
    );
    expect(after.rows[0]).toEqual({
      purchase_days: 1,
      revenue_cents: 15_000,
      repeat_revenue_cents: 0,
    });
  });

  it("pages transactions newest first", async () => {
    const me = await t.as("manager");
    const first = (
      await me.request("GET", `/api/customers/${customerId}/transactions?limit=1`)
    ).json();
    expect(first.items[0].occurredAt).toBe("2025-01-05T15:00:00.000Z");
    const second = (
      await me.request(
        "GET",
        `/api/customers/${customerId}/transactions?limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items[0].occurredAt).toBe("2025-01-05T09:00:00.000Z");
    expect(second.nextCursor).toBeNull();
  });

  it("rejects impossible transactions with the field named", async () => {
    const me = await t.as("manager");
    for (const [body, field] of [
      [{ occurredAt: "2025-13-01T00:00:00Z", amountCents: 1 }, "occurredAt"],
      [{ occurredAt: "2025-01-01T00:00:00Z", amountCents: 1.5 }, "amountCents"],
      [{ occurredAt: "2025-01-01T00:00:00Z", amountCents: 1, costCents: -5 }, "costCents"],
    ] as const) {
      const response = await me.request("POST", `/api/customers/${customerId}/transactions`, body);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
  });

  it("manages contacts with graded fields and version checks", async () => {
    const me = await t.as("manager");
    const created = await me.request("POST", `/api/customers/${customerId}/contacts`, {
      name: "陈经理",
      title: "采购经理",
      buyingRole: "purchaser",
      isKey: true,
      phone: "13900000000",
    });
    expect(created.statusCode, created.body).toBe(201);
    const contact = created.json();
    const analystView = (
      await (await t.as("analyst")).request("GET", `/api/customers/${customerId}/contacts`)
    ).json();
    expect(analystView.items[0]).toMatchObject({ name: "陈经理", title: "采购经理" });
    expect(analystView.items[0]).not.toHaveProperty("phone");
    const updated = await me.request(
      "PATCH",
      `/api/customers/${customerId}/contacts/${contact.id}`,
      { version: 1, interests: "茶道" },
    );
    expect(updated.json()).toMatchObject({ interests: "茶道", version: 2 });
    const stale = await me.request("PATCH", `/api/customers/${customerId}/contacts/${contact.id}`, {
      version: 1,
      interests: "高尔夫",
    });
    expect(stale.statusCode).toBe(409);
    const outsider = await (
      await t.as("outsider")
    ).request("GET", `/api/customers/${customerId}/contacts`);
    expect(outsider.statusCode).toBe(404);
    expect(
      (await me.request("DELETE", `/api/customers/${customerId}/contacts/${contact.id}`))
        .statusCode,
    ).toBe(204);
  });
});
