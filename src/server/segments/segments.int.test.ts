import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestApp,
  TEST_PASSWORD,
  type Session,
  type TestApp,
} from "../../../test/support/testApp.js";
import { createUser } from "../users/createUser.js";

type Who = Parameters<TestApp["as"]>[0];
type Json = { [k: string]: unknown };

describe("segments API", () => {
  let t: TestApp;
  let marketing: Session;
  let me: Session;
  /** Customers of this file all carry this tag, so counts ignore other files' data. */
  const tag = "seg-test";
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    marketing = await t.as("marketing");
    me = await t.as("manager");
    const people: [string, Json, Who][] = [
      ["杭州机械", { industry: "制造业", region: "浙江", scale: "large", stage: "old" }, "manager"],
      [
        "宁波模具",
        { industry: "制造业", region: "浙江", scale: "medium", stage: "new" },
        "manager",
      ],
      [
        "苏州电子",
        { industry: "制造业", region: "江苏", scale: "large", stage: "core" },
        "outsider",
      ],
      ["南京物流", { industry: "物流", region: "江苏", stage: "target" }, "manager"],
      ["无名客户", { stage: "potential" }, "outsider"],
    ];
    for (const [name, fields, who] of people) {
      const response = await (
        await t.as(who)
      ).request("POST", "/api/customers", { kind: "organization", name, tags: [tag], ...fields });
      expect(response.statusCode, response.body).toBe(201);
      ids[name] = response.json().id;
    }
  });
  afterAll(() => t.close());

  async function save(body: Json, as: Session = marketing) {
    const response = await as.request("POST", "/api/segments", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      id: number;
      version: number;
      customerCount: number;
      [k: string]: unknown;
    };
  }

  it("saves a filter with a decision and marketing mode, counted live within the reader's access", async () => {
    const segment = await save({
      name: "华东制造业大客户",
      definition: { tag: [tag], industry: ["制造业"], scale: "large" },
      decision: "pursue",
      decisionReason: "核心需求一致，我方技术优势明显，CLV 高",
      marketingMode: "customised",
    });
    expect(segment).toMatchObject({
      definition: { tag: [tag], industry: ["制造业"], scale: ["large"] },
      decision: "pursue",
      marketingMode: "customised",
      shared: true,
      customerCount: 2,
      version: 1,
    });
    expect((await me.request("GET", `/api/segments/${segment.id}`)).json().customerCount).toBe(1);
    const page = (await me.request("GET", `/api/segments/${segment.id}/customers`)).json();
    expect(page.items.map((c: { name: string }) => c.name)).toEqual(["杭州机械"]);
    expect(page.items[0]).not.toHaveProperty("phone");
    await me.request("PATCH", `/api/customers/${ids["宁波模具"]}`, { version: 1, scale: "large" });
    expect((await me.request("GET", `/api/segments/${segment.id}`)).json().customerCount).toBe(2);
  });

  it("pages a segment's customers like the customer list", async () => {
    const segment = await save({ name: "全部测试客户", definition: { tag: [tag] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await marketing.request(
          "GET",
          `/api/segments/${segment.id}/customers?limit=2&sort=name${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Object.keys(ids).sort());
  });

  it("requires reasoning with a decision, names bad definition fields, and refuses stale versions", async () => {
    const cases: [Json, string][] = [
      [{ name: "x", decision: "give_up" }, "decisionReason"],
      [{ name: "x", definition: { colour: ["red"] } }, "definition.colour"],
      [{ name: "x", definition: { stage: ["royal"] } }, "definition.stage.0"],
      [{ name: "x", marketingMode: "viral" }, "marketingMode"],
    ];
    for (const [body, field] of cases) {
      expect(
        (await marketing.request("POST", "/api/segments", body)).json().error,
        JSON.stringify(body),
      ).toMatchObject({ id: "validation_error", field });
    }
    const segment = await save({ name: "维持型", definition: { tag: [tag], stage: ["old"] } });
    expect(
      (
        await marketing.request("PATCH", `/api/segments/${segment.id}`, {
          version: 1,
          decision: "maintain",
        })
      ).json().error,
    ).toMatchObject({ field: "decisionReason" });
    const decided = await marketing.request("PATCH", `/api/segments/${segment.id}`, {
      version: 1,
      decision: "maintain",
      decisionReason: "价值中等，维持现有服务",
      marketingMode: "frequency",
    });
    expect(decided.json()).toMatchObject({
      decision: "maintain",
      marketingMode: "frequency",
      version: 2,
    });
    expect(
      (
        await marketing.request("PATCH", `/api/segments/${segment.id}`, { version: 1, name: "x" })
      ).json().error.id,
    ).toBe("stale_write");
    const audit = await t.database.pool.query(
      "select action from audit_log where entity = 'segment' and entity_id = $1 order by id",
      [String(segment.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("lets admins and marketing managers keep segments; private ones only their owner", async () => {
    expect((await me.request("POST", "/api/segments", { name: "x" })).statusCode).toBe(403);
    const mine = await save({ name: "私人草稿", shared: false, definition: { tag: [tag] } });
    await createUser({
      db: t.database.db,
      actor: null,
      input: {
        email: "marketing2@test.local",
        name: "m2",
        password: TEST_PASSWORD,
        role: "marketing_manager",
      },
    });
    const other = await t.login("marketing2@test.local");
    expect((await other.request("GET", `/api/segments/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await other.request("GET", "/api/segments?limit=200"))
        .json()
        .items.map((s: { id: number }) => s.id),
    ).not.toContain(mine.id);
    expect(
      (await other.request("PATCH", `/api/segments/${mine.id}`, { version: 1, name: "x" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await (await t.as("admin")).request("GET", `/api/segments/${mine.id}`)).statusCode,
    ).toBe(200);
    expect(
      (await marketing.request("DELETE", `/api/segments/${mine.id}?version=1`)).statusCode,
    ).toBe(204);
    expect((await marketing.request("GET", `/api/segments/${mine.id}`)).statusCode).toBe(404);
  });

  it("lists segments by decision, with live counts on request", async () => {
    const a = await save({
      name: "放弃：小散客户",
      definition: { tag: [tag], scale: ["micro"] },
      decision: "give_up",
      decisionReason: "服务成本高于利润",
    });
    const listed = (
      await marketing.request("GET", "/api/segments?decision=give_up&withCounts=true")
    ).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: a.id, customerCount: 0 })]);
    expect(
      (await marketing.request("GET", "/api/segments?decision=give_up")).json().items[0],
    ).not.toHaveProperty("customerCount");
  });

  it("drills down top-down: counts per dimension value within a filter and a saved segment", async () => {
    const byIndustry = (
      await marketing.request("GET", `/api/segments/drilldown?dimension=industry&tag=${tag}`)
    ).json();
    expect(byIndustry).toMatchObject({
      dimension: "industry",
      total: 5,
      buckets: [
        { value: "制造业", count: 3, share: 0.6 },
        { value: "物流", count: 1 },
        { value: null, count: 1 },
      ],
      otherCount: 0,
    });
    expect(byIndustry.nextDimensions).not.toContain("industry");
    const regions = (
      await marketing.request(
        "GET",
        `/api/segments/drilldown?dimension=region&tag=${tag}&industry=${encodeURIComponent("制造业")}`,
      )
    ).json();
    expect(regions.buckets).toEqual([
      { value: "浙江", count: 2, share: 2 / 3 },
      { value: "江苏", count: 1, share: 1 / 3 },
    ]);
    expect(regions.nextDimensions).not.toContain("industry");
    const segment = await save({ name: "江苏", definition: { tag: [tag], region: ["江苏"] } });
    const stages = (
      await me.request("GET", `/api/segments/drilldown?dimension=stage&segmentId=${segment.id}`)
    ).json();
    expect(stages).toMatchObject({ total: 1, buckets: [{ value: "target", count: 1 }] });
    const capped = (
      await marketing.request("GET", `/api/segments/drilldown?dimension=stage&tag=${tag}&limit=2`)
    ).json();
    expect(capped.buckets).toHaveLength(2);
    expect(capped.otherCount).toBe(3);
    expect(
      (await marketing.request("GET", "/api/segments/drilldown?dimension=shoeSize")).json().error,
    ).toMatchObject({ field: "dimension" });
  });

  it("keeps a segment's common needs: kept by catalogue roles, read by whoever sees the segment", async () => {
    const segment = await save({ name: "需求测试细分", definition: { tag: [tag] } });
    const need = await marketing.request("POST", "/api/needs", {
      segmentId: segment.id,
      level: "core",
      kind: "benefit",
      title: "账期 90 天",
    });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json()).toMatchObject({ segmentId: segment.id, customerId: null });
    expect(
      (
        await me.request("POST", "/api/needs", {
          segmentId: segment.id,
          level: "core",
          kind: "brand",
          title: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await me.request("PATCH", `/api/needs/${need.json().id}`, { version: 1, status: "met" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await me.request("GET", `/api/needs?segmentId=${segment.id}`))
        .json()
        .items.map((n: { title: string }) => n.title),
    ).toEqual(["账期 90 天"]);
    const updated = await marketing.request("PATCH", `/api/needs/${need.json().id}`, {
      version: 1,
      status: "being_met",
    });
    expect(updated.json()).toMatchObject({ status: "being_met", version: 2 });
    const hidden = await save({ name: "私有细分", shared: false });
    const privateNeed = (
      await marketing.request("POST", "/api/needs", {
        segmentId: hidden.id,
        level: "potential",
        kind: "information",
        title: "y",
      })
    ).json();
    expect((await me.request("GET", `/api/needs/${privateNeed.id}`)).statusCode).toBe(404);
  });

  it("filters customers and segments by unmet needs and bonds in force", async () => {
    const c = ids["杭州机械"]!;
    await me.request("POST", "/api/needs", {
      customerId: c,
      level: "core",
      kind: "service",
      title: "快速响应",
    });
    await me.request("POST", "/api/needs", {
      customerId: ids["南京物流"],
      level: "additional",
      kind: "service",
      title: "培训",
      status: "met",
    });
    await me.request("POST", `/api/customers/${c}/bonds`, {
      level: "structural",
      kind: "dedicated_technical_service",
    });
    await me.request("POST", `/api/customers/${ids["宁波模具"]}/bonds`, {
      level: "structural",
      kind: "joint_lab",
      endedOn: "2020-01-01",
    });
    const names = async (query: string) =>
      (await marketing.request("GET", `/api/customers?tag=${tag}&${query}`))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await names("needLevel=core")).toEqual(["杭州机械"]);
    expect(await names("needKind=service")).toEqual(["杭州机械"]);
    expect(await names("needLevel=core&needKind=quality")).toEqual([]);
    expect(await names("bondLevel=structural")).toEqual(["杭州机械"]);
    const segment = await save({
      name: "有结构性纽带",
      definition: { tag: [tag], bondLevel: ["structural"] },
    });
    expect(segment.customerCount).toBe(1);
  });
});
