import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

type Who = Parameters<TestApp["as"]>[0];

describe("needs API", () => {
  let t: TestApp;
  let customerId: number;
  beforeAll(async () => {
    t = await startTestApp();
    customerId = await newCustomer("华东精密机械");
  });
  afterAll(() => t.close());

  async function newCustomer(name: string, as: Who = "manager") {
    const response = await (
      await t.as(as)
    ).request("POST", "/api/customers", { kind: "organization", name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }
  async function createNeed(body: Record<string, unknown>, as: Who = "manager") {
    const response = await (await t.as(as)).request("POST", "/api/needs", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }

  it("records a need with its eight characteristics and audits it", async () => {
    const need = await createNeed({
      customerId,
      level: "core",
      kind: "quality",
      humanLevel: "safety",
      title: "零件公差稳定",
      what: "公差 ±0.01mm",
      whenNeeded: "每批交货",
      whereNeeded: "苏州工厂",
      why: "装配线停线损失大",
      howMany: "每月 2 万件",
      price: "不高于现价",
      payment: "月结 60 天",
      frequency: "每月",
      source: "research",
      evidence: "三次来访记录",
    });
    expect(need).toMatchObject({
      customerId,
      segmentId: null,
      status: "open",
      metAt: null,
      version: 1,
      why: "装配线停线损失大",
    });
    const audit = await t.database.pool.query(
      "select action, entity, customer_id from audit_log where entity = 'need' and entity_id = $1",
      [String(need.id)],
    );
    expect(audit.rows).toEqual([{ action: "create", entity: "need", customer_id: customerId }]);
  });

  it("answers bad input with a 400 naming the field, and stores nothing", async () => {
    const me = await t.as("manager");
    const before = (await t.database.pool.query("select count(*)::int as n from needs")).rows[0].n;
    const cases: [unknown, string][] = [
      [{ level: "core", kind: "quality", title: "x" }, "customerId"],
      [{ customerId, segmentId: 1, level: "core", kind: "quality", title: "x" }, "segmentId"],
      [{ customerId, level: "vital", kind: "quality", title: "x" }, "level"],
      [{ customerId, level: "core", kind: "quality" }, "title"],
      [{ customerId, level: "core", kind: "quality", title: "x", colour: "red" }, "colour"],
      [{ customerId: 999999, level: "core", kind: "quality", title: "x" }, "customerId"],
      [{ segmentId: 999999, level: "core", kind: "quality", title: "x" }, "segmentId"],
    ];
    for (const [body, field] of cases) {
      const response = await me.request("POST", "/api/needs", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
    expect((await t.database.pool.query("select count(*)::int as n from needs")).rows[0].n).toBe(
      before,
    );
  });

  it("stamps metAt when a need is met, clears it when reopened, and refuses a stale version", async () => {
    const need = await createNeed({
      customerId,
      level: "additional",
      kind: "service",
      title: "夜间技术支持",
    });
    const me = await t.as("manager");
    const met = await me.request("PATCH", `/api/needs/${need.id}`, { version: 1, status: "met" });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toMatchObject({ status: "met", version: 2 });
    expect(Date.parse(met.json().metAt)).toBeGreaterThan(Date.now() - 60_000);
    const stale = await me.request("PATCH", `/api/needs/${need.id}`, {
      version: 1,
      status: "open",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ id: "stale_write", currentVersion: 2 });
    const reopened = await me.request("PATCH", `/api/needs/${need.id}`, {
      version: 2,
      status: "being_met",
    });
    expect(reopened.json()).toMatchObject({ status: "being_met", metAt: null, version: 3 });
    const audit = await t.database.pool.query(
      "select action, before, after from audit_log where entity = 'need' and entity_id = $1 order by id",
      [String(need.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "update"]);
    expect(audit.rows[2].before).toMatchObject({ status: "met" });
    expect(audit.rows[2].after).toMatchObject({ status: "being_met", metAt: null });
  });

  it("reaches needs only through customers the actor may read, and lets analysts only read", async () => {
    const theirs = await newCustomer("西区客户", "outsider");
    const hidden = await createNeed(
      { customerId: theirs, level: "core", kind: "benefit", title: "价格更低" },
      "outsider",
    );
    const me = await t.as("manager");
    expect((await me.request("GET", `/api/needs/${hidden.id}`)).statusCode).toBe(404);
    expect(
      (await me.request("PATCH", `/api/needs/${hidden.id}`, { version: 1, title: "mine" }))
        .statusCode,
    ).toBe(404);
    expect((await me.request("GET", `/api/customers/${theirs}/needs`)).statusCode).toBe(404);
    const foreign = await me.request("POST", "/api/needs", {
      customerId: theirs,
      level: "core",
      kind: "brand",
      title: "x",
    });
    expect(foreign.json().error).toMatchObject({ id: "validation_error", field: "customerId" });
    const mine = (await me.request("GET", "/api/needs?limit=200"))
      .json()
      .items.map((n: { id: number }) => n.id);
    expect(mine).not.toContain(hidden.id);
    const analyst = await t.as("analyst");
    expect((await analyst.request("GET", `/api/needs/${hidden.id}`)).statusCode).toBe(200);
    expect(
      (
        await analyst.request("POST", "/api/needs", {
          customerId,
          level: "core",
          kind: "brand",
          title: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await analyst.request("PATCH", `/api/needs/${hidden.id}`, { version: 1, title: "x" }))
        .statusCode,
    ).toBe(403);
    const teammate = await t.as("teammate");
    expect(
      (
        await teammate.request(
          "PATCH",
          `/api/needs/${(await createNeed({ customerId, level: "potential", kind: "information", title: "行业报告" })).id}`,
          { version: 1, status: "deferred" },
        )
      ).statusCode,
    ).toBe(200);
  });

  it("filters and pages a customer's needs, visiting each once", async () => {
    const c = await newCustomer("分页测试客户");
    const made = [];
    for (const [i, kind] of (
      ["quality", "service", "quality", "brand", "quality"] as const
    ).entries()) {
      made.push(
        (
          await createNeed({
            customerId: c,
            level: i % 2 ? "additional" : "core",
            kind,
            title: `需求 ${i}`,
          })
        ).id,
      );
    }
    const me = await t.as("marketing");
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await me.request(
          "GET",
          `/api/customers/${c}/needs?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    const quality = (
      await me.request("GET", `/api/needs?customerId=${c}&kind=quality&level=core&order=asc`)
    ).json();
    expect(quality.items.map((n: { title: string }) => n.title)).toEqual([
      "需求 0",
      "需求 2",
      "需求 4",
    ]);
    const bad = await me.request("GET", `/api/needs?status=lost`);
    expect(bad.json().error).toMatchObject({ id: "validation_error", field: "status.0" });
  });

  it("flags customers with an unmet core need until it is met", async () => {
    const c = await newCustomer("核心需求未满足公司");
    const me = await t.as("manager");
    const flagged = async () =>
      (await me.request("GET", "/api/needs/unmet-core?limit=200"))
        .json()
        .items.find((i: { customerId: number }) => i.customerId === c);
    expect(await flagged()).toBeUndefined();
    const core = await createNeed({
      customerId: c,
      level: "core",
      kind: "quality",
      title: "按时交货",
    });
    await createNeed({ customerId: c, level: "additional", kind: "service", title: "上门培训" });
    await createNeed({
      customerId: c,
      level: "core",
      kind: "benefit",
      title: "账期",
      status: "deferred",
    });
    expect(await flagged()).toMatchObject({
      customerId: c,
      name: "核心需求未满足公司",
      stage: "potential",
      unmetCoreNeeds: 2,
      titles: ["按时交货", "账期"],
    });
    await me.request("PATCH", `/api/needs/${core.id}`, { version: 1, status: "met" });
    expect((await flagged()).unmetCoreNeeds).toBe(1);
    expect(
      (await (await t.as("outsider")).request("GET", "/api/needs/unmet-core?limit=200"))
        .json()
        .items.map((i: { customerId: number }) => i.customerId),
    ).not.toContain(c);
  });
});
