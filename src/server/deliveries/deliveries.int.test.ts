import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";

type Who = Parameters<TestApp["as"]>[0];
type Json = { [k: string]: unknown };

describe("value delivery API", () => {
  let t: TestApp;
  let me: Session;
  const item: Record<"product" | "service" | "brand" | "retired", number> = {
    product: 0,
    service: 0,
    brand: 0,
    retired: 0,
  };

  beforeAll(async () => {
    t = await startTestApp();
    me = await t.as("manager");
    const marketing = await t.as("marketing");
    const add = async (body: Json) =>
      (
        await marketing.request("POST", "/api/values", { scope: "core", statement: "s", ...body })
      ).json().id as number;
    item.product = await add({ title: "高精度轴承", kind: "product" });
    item.service = await add({ title: "驻厂质检", kind: "historical", needKinds: ["quality"] });
    item.brand = await add({ title: "行业领先品牌", kind: "brand" });
    item.retired = await add({ title: "旧版服务", kind: "product", active: false });
  });
  afterAll(() => t.close());

  async function newCustomer(stage = "new", as: Who = "manager") {
    const response = await (
      await t.as(as)
    ).request("POST", "/api/customers", {
      kind: "organization",
      name: `交付客户 ${Math.random()}`,
      stage,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }
  async function plan(body: Json, as: Session = me) {
    const response = await as.request("POST", "/api/deliveries", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; round: number; version: number; [k: string]: unknown };
  }

  it("plans deliveries in rounds: a new round unless an open one is continued", async () => {
    const c = await newCustomer("new");
    const first = await plan({
      customerId: c,
      valueItemId: item.product,
      plannedFor: "2025-04-01T09:00:00Z",
      medium: "face_to_face",
    });
    expect(first).toMatchObject({
      round: 1,
      stageAtPlan: "new",
      status: "planned",
      valueItemTitle: "高精度轴承",
      plannedFor: "2025-04-01T09:00:00.000Z",
      version: 1,
    });
    expect((await plan({ customerId: c, content: "工厂参观", round: 1 })).round).toBe(1);
    expect((await plan({ customerId: c, valueItemId: item.brand })).round).toBe(2);
    const unknown = await me.request("POST", "/api/deliveries", {
      customerId: c,
      content: "x",
      round: 9,
    });
    expect(unknown.json().error).toMatchObject({ id: "validation_error", field: "round" });
  });

  it("checks the content: something to deliver, an active item, and the customer's own need", async () => {
    const c = await newCustomer();
    const other = await newCustomer();
    const need = (
      await me.request("POST", "/api/needs", {
        customerId: other,
        level: "core",
        kind: "quality",
        title: "q",
      })
    ).json().id;
    const cases: [Json, string][] = [
      [{ customerId: c }, "valueItemId"],
      [{ customerId: c, valueItemId: item.retired }, "valueItemId"],
      [{ customerId: c, valueItemId: 999999 }, "valueItemId"],
      [{ customerId: c, content: "x", needId: need }, "needId"],
      [{ customerId: c, content: "x", medium: "pigeon" }, "medium"],
      [{ customerId: c, content: "x", plannedFor: "tomorrow" }, "plannedFor"],
      [{ customerId: 999999, content: "x" }, "customerId"],
    ];
    for (const [body, field] of cases) {
      const response = await me.request("POST", "/api/deliveries", body);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
    expect(
      (
        await t.database.pool.query(
          "select count(*)::int as n from deliveries where customer_id = $1",
          [c],
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it("delivers, then evaluates with evidence; refuses steps out of order and stale versions", async () => {
    const c = await newCustomer();
    const d = await plan({ customerId: c, valueItemId: item.product });
    const early = await me.request("POST", `/api/deliveries/${d.id}/evaluate`, {
      version: 1,
      outcome: "accepted",
      evidence: "下了试单",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      id: "invalid_transition",
      from: "planned",
      to: "evaluated",
    });
    const edited = await me.request("PATCH", `/api/deliveries/${d.id}`, {
      version: 1,
      medium: "email",
      content: "附说明书",
    });
    expect(edited.json()).toMatchObject({ medium: "email", content: "附说明书", version: 2 });
    const delivered = await me.request("POST", `/api/deliveries/${d.id}/deliver`, {
      version: 2,
      deliveredAt: "2025-04-02T10:00:00Z",
    });
    expect(delivered.json()).toMatchObject({
      status: "delivered",
      deliveredAt: "2025-04-02T10:00:00.000Z",
      version: 3,
    });
    expect(
      (
        await me.request("POST", `/api/deliveries/${d.id}/evaluate`, {
          version: 3,
          outcome: "accepted",
        })
      ).json().error,
    ).toMatchObject({ field: "evidence" });
    expect(
      (
        await me.request("POST", `/api/deliveries/${d.id}/evaluate`, {
          version: 2,
          outcome: "accepted",
          evidence: "e",
        })
      ).json().error.id,
    ).toBe("stale_write");
    const evaluated = await me.request("POST", `/api/deliveries/${d.id}/evaluate`, {
      version: 3,
      outcome: "accepted",
      evidence: "下了试单",
    });
    expect(evaluated.json()).toMatchObject({
      status: "evaluated",
      outcome: "accepted",
      outcomeEvidence: "下了试单",
      version: 4,
    });
    expect(
      (await me.request("PATCH", `/api/deliveries/${d.id}`, { version: 4, content: "x" })).json()
        .error.id,
    ).toBe("invalid_transition");
    expect(
      (await me.request("POST", `/api/deliveries/${d.id}/cancel`, { version: 4 })).statusCode,
    ).toBe(409);
    const audit = await t.database.pool.query(
      "select action from audit_log where entity = 'delivery' and entity_id = $1 order by id",
      [String(d.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "deliver", "evaluate"]);
  });

  it("shows the spiral by round with outcomes, paged", async () => {
    const c = await newCustomer();
    const a = await plan({ customerId: c, valueItemId: item.product });
    await plan({ customerId: c, content: "技术交流", round: 1 });
    await me.request("POST", `/api/deliveries/${a.id}/deliver`, { version: 1 });
    await me.request("POST", `/api/deliveries/${a.id}/evaluate`, {
      version: 2,
      outcome: "partly",
      evidence: "部分采纳",
    });
    const b = await plan({ customerId: c, valueItemId: item.brand });
    await me.request("POST", `/api/deliveries/${b.id}/cancel`, {
      version: 1,
      reason: "客户暂停采购",
    });
    await plan({ customerId: c, content: "第三轮" });
    const first = (await me.request("GET", `/api/customers/${c}/deliveries?limit=2`)).json();
    expect(first.items.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    expect(first.items[0]).toMatchObject({
      round: 1,
      stages: ["new"],
      planned: 1,
      partly: 1,
      open: true,
      acceptance: 0.5,
    });
    expect(first.items[0].deliveries).toHaveLength(2);
    expect(first.items[1]).toMatchObject({ round: 2, cancelled: 1, open: false, acceptance: null });
    const second = (
      await me.request("GET", `/api/customers/${c}/deliveries?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((r: { round: number }) => r.round)).toEqual([3]);
    expect(second.nextCursor).toBeNull();
    const newestFirst = (
      await me.request("GET", `/api/customers/${c}/deliveries?order=desc&limit=1`)
    ).json();
    expect(newestFirst.items[0].round).toBe(3);
    const cancelled = await t.database.pool.query(
      "select after from audit_log where entity = 'delivery' and entity_id = $1 and action = 'cancel'",
      [String(b.id)],
    );
    expect(cancelled.rows[0].after).toMatchObject({ status: "cancelled", reason: "客户暂停采购" });
    const listed = (
      await me.request("GET", `/api/deliveries?customerId=${c}&status=planned&order=asc`)
    ).json();
    expect(listed.items.map((d: { content: string | null }) => d.content)).toEqual([
      "技术交流",
      "第三轮",
    ]);
  });

  it("suggests content from the stage playbook and the open needs, core needs first, leaving out what was accepted", async () => {
    const c = await newCustomer("new");
    const suggestions = async () =>
      (await me.request("GET", `/api/customers/${c}/delivery-suggestions`)).json();
    const before = await suggestions();
    expect(before.stage).toBe("new");
    expect(before.items.map((s: { valueItem: { id: number } }) => s.valueItem.id)).toEqual([
      item.product,
    ]);
    const need = (
      await me.request("POST", "/api/needs", {
        customerId: c,
        level: "core",
        kind: "quality",
        title: "质量稳定",
      })
    ).json().id;
    const withNeed = await suggestions();
    expect(withNeed.items.map((s: { valueItem: { id: number } }) => s.valueItem.id)).toEqual([
      item.service,
      item.product,
    ]);
    expect(withNeed.items[0]).toMatchObject({ needId: need, needLevel: "core" });
    expect(withNeed.items[0].reasons.map((r: { code: string }) => r.code)).toEqual([
      "core_need",
      "scope_fit",
    ]);
    expect(withNeed.items[0].valueItem).toMatchObject({
      title: "驻厂质检",
      fabe: { feature: null },
    });
    const d = await plan({ customerId: c, valueItemId: item.product });
    expect(
      (await suggestions()).items.map((s: { valueItem: { id: number } }) => s.valueItem.id),
    ).toEqual([item.service]);
    await me.request("POST", `/api/deliveries/${d.id}/deliver`, { version: 1 });
    await me.request("POST", `/api/deliveries/${d.id}/evaluate`, {
      version: 2,
      outcome: "accepted",
      evidence: "复购",
    });
    expect(
      (await suggestions()).items.map((s: { valueItem: { id: number } }) => s.valueItem.id),
    ).toEqual([item.service]);
  });

  it("reaches deliveries only through readable customers; analysts only read", async () => {
    const theirs = await newCustomer("target", "outsider");
    const outsider = await t.as("outsider");
    const hidden = await plan({ customerId: theirs, valueItemId: item.brand }, outsider);
    expect((await me.request("GET", `/api/deliveries/${hidden.id}`)).statusCode).toBe(404);
    expect(
      (await me.request("POST", `/api/deliveries/${hidden.id}/deliver`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await me.request("GET", `/api/customers/${theirs}/delivery-suggestions`)).statusCode,
    ).toBe(404);
    expect((await me.request("GET", `/api/deliveries?customerId=${theirs}`)).json().items).toEqual(
      [],
    );
    const analyst = await t.as("analyst");
    expect((await analyst.request("GET", `/api/customers/${theirs}/deliveries`)).statusCode).toBe(
      200,
    );
    expect(
      (await analyst.request("POST", `/api/deliveries/${hidden.id}/deliver`, { version: 1 }))
        .statusCode,
    ).toBe(403);
  });
});
