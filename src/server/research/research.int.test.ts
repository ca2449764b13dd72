import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";

type Json = { [k: string]: unknown };

describe("research notes API", () => {
  let t: TestApp;
  let me: Session;
  let marketing: Session;
  let customerId: number;
  let segmentId: number;

  beforeAll(async () => {
    t = await startTestApp();
    me = await t.as("manager");
    marketing = await t.as("marketing");
    customerId = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "调研客户" })
    ).json().id;
    segmentId = (
      await marketing.request("POST", "/api/segments", {
        name: "华东制造业",
        definition: { region: ["浙江"] },
      })
    ).json().id;
  });
  afterAll(() => t.close());

  async function note(body: Json, as: Session = me) {
    const response = await as.request("POST", "/api/research-notes", {
      title: "访谈",
      body: "记录",
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }

  it("records a means-end chain tied to a need, taking the customer from the need", async () => {
    const need = (
      await me.request("POST", "/api/needs", {
        customerId,
        level: "core",
        kind: "quality",
        title: "更耐用的轴承",
      })
    ).json().id;
    const row = await note({
      needId: need,
      title: "为什么要更耐用？",
      body: "采购经理访谈",
      method: "means_end",
      channel: "conversation",
      infoType: "need",
      whyChain: ["轴承要更耐用", "停机检修太频繁", "交期被客户罚款", "保住大客户订单"],
    });
    expect(row).toMatchObject({
      customerId,
      needId: need,
      segmentId: null,
      method: "means_end",
      whyChain: ["轴承要更耐用", "停机检修太频繁", "交期被客户罚款", "保住大客户订单"],
      authorId: t.users.manager,
      version: 1,
    });
    const audit = await t.database.pool.query(
      "select action, customer_id from audit_log where entity = 'research_note' and entity_id = $1",
      [String(row.id)],
    );
    expect(audit.rows).toEqual([{ action: "create", customer_id: customerId }]);
    const other = (
      await me.request("POST", "/api/customers", { kind: "individual", name: "张女士" })
    ).json().id;
    expect(
      (
        await me.request("POST", "/api/research-notes", {
          title: "x",
          body: "y",
          needId: need,
          customerId: other,
        })
      ).json().error,
    ).toMatchObject({ field: "customerId" });
    expect(
      (
        await me.request("PATCH", `/api/research-notes/${row.id}`, {
          version: 1,
          whyChain: ["更耐用", "少停机"],
        })
      ).json(),
    ).toMatchObject({ whyChain: ["更耐用", "少停机"], version: 2 });
    expect(
      (
        await me.request("PATCH", `/api/research-notes/${row.id}`, { version: 1, title: "x" })
      ).json().error.id,
    ).toBe("stale_write");
  });

  it("keeps segment and market notes: any writer records them, only their author or a catalogue keeper edits", async () => {
    const market = await note({
      segmentId,
      title: "行业走势",
      body: "华东制造业向自动化升级",
      method: "desk_research",
      channel: "publication",
      infoType: "market",
    });
    expect(market).toMatchObject({ segmentId, customerId: null });
    expect(
      (
        await marketing.request("PATCH", `/api/research-notes/${market.id}`, {
          version: 1,
          infoType: "competitor",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await (
          await t.as("teammate")
        ).request("PATCH", `/api/research-notes/${market.id}`, { version: 2, title: "x" })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await me.request("PATCH", `/api/research-notes/${market.id}`, {
          version: 2,
          title: "行业走势（更新）",
        })
      ).json(),
    ).toMatchObject({ title: "行业走势（更新）", version: 3 });
    expect(
      (
        await (
          await t.as("analyst")
        ).request("POST", "/api/research-notes", { title: "x", body: "y" })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await me.request("POST", "/api/research-notes", {
          title: "x",
          body: "y",
          segmentId: 999999,
        })
      ).json().error,
    ).toMatchObject({ field: "segmentId" });
  });

  it("keeps customer notes within the customer's access", async () => {
    const row = await note({ customerId, infoType: "profile" });
    const outsider = await t.as("outsider");
    expect((await outsider.request("GET", `/api/research-notes/${row.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.request("GET", `/api/research-notes?customerId=${customerId}`)).json().items,
    ).toEqual([]);
    expect(
      (
        await outsider.request("POST", "/api/research-notes", { title: "x", body: "y", customerId })
      ).json().error,
    ).toMatchObject({ field: "customerId" });
    expect(
      (await (await t.as("analyst")).request("GET", `/api/research-notes/${row.id}`)).statusCode,
    ).toBe(200);
  });

  it("lists with filters and paging, and counts findings by information type, method and customer", async () => {
    const c = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "计数客户" })
    ).json().id;
    for (const infoType of ["satisfaction", "satisfaction", "competitor"])
      await note({ customerId: c, infoType, method: "questionnaire" });
    const first = (await me.request("GET", `/api/research-notes?customerId=${c}&limit=2`)).json();
    const second = (
      await me.request(
        "GET",
        `/api/research-notes?customerId=${c}&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect([...first.items, ...second.items].map((n: { infoType: string }) => n.infoType)).toEqual([
      "competitor",
      "satisfaction",
      "satisfaction",
    ]);
    expect(
      (await me.request("GET", `/api/research-notes?infoType=competitor&customerId=${c}`)).json()
        .items,
    ).toHaveLength(1);
    const summary = (await me.request("GET", `/api/research-notes/summary?customerId=${c}`)).json();
    expect(summary).toEqual({
      total: 3,
      byInfoType: [
        { infoType: "satisfaction", count: 2 },
        { infoType: "competitor", count: 1 },
      ],
      byMethod: [{ method: "questionnaire", count: 3 }],
      byCustomer: [
        {
          customerId: c,
          name: "计数客户",
          count: 3,
          byInfoType: [
            { infoType: "satisfaction", count: 2 },
            { infoType: "competitor", count: 1 },
          ],
        },
      ],
    });
    const whole = (await marketing.request("GET", "/api/research-notes/summary")).json();
    expect(whole.total).toBeGreaterThanOrEqual(5);
    expect(whole.byCustomer[0]).toMatchObject({ customerId: c, count: 3 });
    expect(
      (await (await t.as("outsider")).request("GET", "/api/research-notes/summary")).json()
        .byCustomer,
    ).toEqual([]);
  });
});
