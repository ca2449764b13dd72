import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

describe("value catalogue API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function addValue(body: Record<string, unknown>) {
    const response = await (await t.as("marketing")).request("POST", "/api/values", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }

  it("adds an item with FABE, dimensions and competitors, and computes whether it is unique", async () => {
    const item = await addValue({
      title: "24 小时备件到场",
      scope: "core",
      kind: "service",
      statement: "华东地区任何故障 24 小时内备件到场",
      lifecycle: "mature",
      competitorsLacking: ["甲公司", "乙公司", "甲公司"],
      fabe: {
        feature: "区域备件库",
        advantage: "比行业快两天",
        benefit: "停线时间减半",
        evidence: "2024 年服务报告",
      },
      dimensions: ["limited_to_crisis_help", "hidden_to_visible"],
      stages: ["old", "core"],
      needKinds: ["service", "quality"],
    });
    expect(item).toMatchObject({
      kind: "service",
      unique: true,
      competitorsLacking: ["甲公司", "乙公司"],
      competitorsHaving: [],
      fabe: {
        feature: "区域备件库",
        advantage: "比行业快两天",
        benefit: "停线时间减半",
        evidence: "2024 年服务报告",
      },
      active: true,
      version: 1,
    });
    const me = await t.as("marketing");
    const parity = await me.request("PATCH", `/api/values/${item.id}`, {
      version: 1,
      competitorsHaving: ["丙公司"],
      fabe: { benefit: "停线时间减少 60%" },
    });
    expect(parity.statusCode, parity.body).toBe(200);
    expect(parity.json()).toMatchObject({
      unique: false,
      version: 2,
      fabe: { feature: "区域备件库", benefit: "停线时间减少 60%" },
    });
    const stale = await me.request("PATCH", `/api/values/${item.id}`, { version: 1, title: "x" });
    expect(stale.json().error).toMatchObject({ id: "stale_write", currentVersion: 2 });
    const audit = await t.database.pool.query(
      "select action from audit_log where entity = 'value_item' and entity_id = $1 order by id",
      [String(item.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("accepts kinds beyond the nine defaults", async () => {
    const item = await addValue({
      title: "清晰的发展目标",
      scope: "potential",
      kind: "clear_goals",
      statement: "三年规划公开透明",
    });
    expect(item.kind).toBe("clear_goals");
  });

  it("lets only admins and marketing managers keep the catalogue, and names bad fields", async () => {
    const body = { title: "x", scope: "core", kind: "product", statement: "y" };
    expect((await (await t.as("manager")).request("POST", "/api/values", body)).statusCode).toBe(
      403,
    );
    expect((await (await t.as("analyst")).request("POST", "/api/values", body)).statusCode).toBe(
      403,
    );
    expect((await (await t.as("admin")).request("POST", "/api/values", body)).statusCode).toBe(201);
    const me = await t.as("marketing");
    const cases: [unknown, string][] = [
      [{ ...body, scope: "huge" }, "scope"],
      [{ ...body, dimensions: ["left_to_right"] }, "dimensions.0"],
      [{ ...body, fabe: { feature: "f", colour: "red" } }, "fabe.colour"],
      [{ ...body, statement: "" }, "statement"],
      [{ ...body, unique: true }, "unique"],
    ];
    for (const [payload, field] of cases) {
      const response = await me.request("POST", "/api/values", payload);
      expect(response.json().error, JSON.stringify(payload)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
    expect((await (await t.as("analyst")).request("GET", "/api/values")).statusCode).toBe(200);
  });

  it("browses by kind, scope, dimension, stage and uniqueness with keyset paging", async () => {
    const made: number[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        (
          await addValue({
            title: `品牌价值 ${i}`,
            scope: i < 3 ? "additional" : "core",
            kind: "brand",
            statement: "行业协会认证",
            dimensions: i % 2 ? ["public_to_private"] : ["everyday_to_varied"],
            stages: ["target"],
            competitorsLacking: i === 4 ? ["甲公司"] : [],
          })
        ).id,
      );
    }
    const me = await t.as("manager");
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await me.request(
          "GET",
          `/api/values?kind=brand&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const ids = async (query: string) =>
      (await me.request("GET", `/api/values?${query}`))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await ids("kind=brand&scope=core")).toEqual(made.slice(3));
    expect(await ids("kind=brand&dimension=public_to_private")).toEqual([made[1], made[3]]);
    expect(await ids("kind=brand&unique=true")).toEqual([made[4]]);
    expect(await ids(`q=${encodeURIComponent("品牌价值 2")}`)).toEqual([made[2]]);
    await (
      await t.as("marketing")
    ).request("PATCH", `/api/values/${made[0]}`, { version: 1, active: false });
    expect(await ids("kind=brand&stage=target")).toEqual(made.slice(1));
    expect(await ids("kind=brand&active=false")).toEqual([made[0]]);
  });

  it("shows coverage per kind × scope and per dimension, zeros included", async () => {
    const coverage = (await (await t.as("analyst")).request("GET", "/api/values/coverage")).json();
    const brand = coverage.byKindScope.filter((c: { kind: string }) => c.kind === "brand");
    expect(brand).toEqual([
      { kind: "brand", scope: "core", count: 2, unique: 1, thin: false },
      { kind: "brand", scope: "additional", count: 2, unique: 0, thin: false },
      { kind: "brand", scope: "potential", count: 0, unique: 0, thin: true },
    ]);
    expect(
      coverage.byDimension.find((d: { dimension: string }) => d.dimension === "public_to_private"),
    ).toMatchObject({ count: 2 });
    expect(
      coverage.byDimension.find((d: { dimension: string }) => d.dimension === "self_to_family"),
    ).toMatchObject({ count: 0, thin: true });
    expect(coverage.byKind.find((k: { kind: string }) => k.kind === "clear_goals")).toMatchObject({
      isDefault: false,
      count: 1,
    });
    expect(coverage.byDimension).toHaveLength(20);
  });
});
