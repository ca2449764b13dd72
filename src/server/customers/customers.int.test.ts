import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../../../test/support/testApp.js";
import { createUser } from "../users/createUser.js";

describe("customers API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = async (
    body: Record<string, unknown>,
    as: Parameters<TestApp["as"]>[0] = "manager",
  ) => {
    const response = await (await t.as(as)).request("POST", "/api/customers", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  };

  it("answers health without a login and refuses other routes without one", async () => {
    expect((await t.app.inject({ url: "/api/health" })).json()).toEqual({
      status: "ok",
      database: "ok",
    });
    const response = await t.app.inject({ url: "/api/customers" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.id).toBe("unauthorized");
  });

  it("refuses a wrong password and locks the account after five failures", async () => {
    await createUser({
      db: t.database.db,
      actor: null,
      input: {
        email: "lockme@test.local",
        name: "lockme",
        password: TEST_PASSWORD,
        role: "analyst",
      },
    });
    const wrong = () =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "LockMe@test.local", password: "nope" },
      });
    for (let i = 0; i < 4; i++) expect((await wrong()).json().error.id).toBe("invalid_credentials");
    const locked = await wrong();
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.id).toBe("account_locked");
    await expect(t.login("lockme@test.local")).rejects.toThrow(/423/);
  });

  it("creates, reads and updates a customer with a Chinese name, recording its first stage", async () => {
    const created = await create({
      kind: "organization",
      name: "上海星河科技有限公司",
      industry: "制造业",
      region: "上海",
      phone: "021-5555-0101",
      tags: ["重点"],
    });
    expect(created).toMatchObject({
      name: "上海星河科技有限公司",
      stage: "potential",
      version: 1,
      phone: "021-5555-0101",
    });
    const me = await t.as("manager");
    const updated = await me.request("PATCH", `/api/customers/${created.id}`, {
      version: 1,
      scale: "large",
      closeness: 4,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ scale: "large", closeness: 4, version: 2 });
    const events = await t.database.pool.query(
      "select from_stage, to_stage, reason from stage_events where customer_id = $1",
      [created.id],
    );
    expect(events.rows).toEqual([
      { from_stage: null, to_stage: "potential", reason: "registered" },
    ]);
  });

  it("refuses a stale version with 409 and keeps the first writer's change", async () => {
    const c = await create({ kind: "organization", name: "并发测试公司" });
    const me = await t.as("manager");
    expect(
      (await me.request("PATCH", `/api/customers/${c.id}`, { version: 1, region: "北京" }))
        .statusCode,
    ).toBe(200);
    const stale = await me.request("PATCH", `/api/customers/${c.id}`, {
      version: 1,
      region: "广州",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ id: "stale_write", currentVersion: 2 });
    expect((await me.request("GET", `/api/customers/${c.id}`)).json().region).toBe("北京");
  });

  it("answers bad input with a precise 400 naming the field, and stores nothing", async () => {
    const me = await t.as("manager");
    const before = (await t.database.pool.query("select count(*)::int as n from customers")).rows[0]
      .n;
    const cases: [unknown, string][] = [
      [{ kind: "organization" }, "name"],
      [{ kind: "planet", name: "x" }, "kind"],
      [{ kind: "organization", name: 42 }, "name"],
      [{ kind: "organization", name: "x", favouriteColour: "red" }, "favouriteColour"],
      [{ kind: "organization", name: "x".repeat(201) }, "name"],
      [{ kind: "individual", name: "王芳", birthDate: "2023-02-30" }, "birthDate"],
      [{ kind: "organization", name: "x", email: "not-an-email" }, "email"],
      [{ kind: "organization", name: "x", closeness: 9 }, "closeness"],
      [{ kind: "organization", name: "x", ownerId: 999999 }, "ownerId"],
    ];
    for (const [body, field] of cases) {
      const response = await me.request("POST", "/api/customers", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
    const malformed = await me.request(
      "POST",
      "/api/customers",
      '{"kind": "organization", "name": ',
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.id).toBe("invalid_body");
    expect(malformed.body).not.toMatch(/at .*\.js|stack/i);
    const badId = await me.request("GET", "/api/customers/abc");
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.field).toBe("id");
    const badCursor = await me.request(
      "GET",
      "/api/customers?cursor=%27%3B%20drop%20table%20customers%3B--",
    );
    expect(badCursor.json().error).toMatchObject({ id: "validation_error", field: "cursor" });
    expect(
      (await t.database.pool.query("select count(*)::int as n from customers")).rows[0].n,
    ).toBe(before);
  });

  it("stores SQL metacharacters as plain text and finds them again", async () => {
    const name = `Robert'); DROP TABLE customers;-- %_\\`;
    const c = await create({ kind: "organization", name });
    const me = await t.as("manager");
    const found = await me.request(
      "GET",
      `/api/customers?q=${encodeURIComponent("DROP TABLE customers;-- %_")}`,
    );
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    expect((await me.request("GET", `/api/customers/${c.id}`)).json().name).toBe(name);
  });

  it("requires the CSRF header for cookie-session writes", async () => {
    const me = await t.as("manager");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: me.cookie },
      payload: { kind: "organization", name: "x" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.id).toBe("csrf_failed");
  });

  it("lists with filters, Chinese substring search and keyset paging that visits every row once", async () => {
    const names = ["杭州云海电子", "杭州云帆物流", "苏州云海纺织", "南京江河建材", "杭州山水茶业"];
    for (const [i, name] of names.entries())
      await create({
        kind: "organization",
        name,
        region: i < 2 || i === 4 ? "浙江" : "江苏",
        industry: "批发零售",
        tags: i % 2 ? ["vip"] : [],
      });
    const me = await t.as("marketing");
    const search = await me.request("GET", `/api/customers?q=${encodeURIComponent("云海")}`);
    expect(
      search
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(["杭州云海电子", "苏州云海纺织"]);
    const filtered = await me.request(
      "GET",
      `/api/customers?region=${encodeURIComponent("浙江")}&tag=vip&industry=${encodeURIComponent("批发零售")}`,
    );
    expect(filtered.json().items.map((i: { name: string }) => i.name)).toEqual(["杭州云帆物流"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await me.request(
          "GET",
          `/api/customers?industry=${encodeURIComponent("批发零售")}&sort=name&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort().reverse());
  });

  it("limits account managers to their own and their team's customers", async () => {
    const mine = await create({ kind: "organization", name: "东区客户" }, "manager");
    const theirs = await create({ kind: "organization", name: "西区客户" }, "outsider");
    const teammate = await t.as("teammate");
    const outsider = await t.as("outsider");
    expect((await outsider.request("GET", `/api/customers/${mine.id}`)).statusCode).toBe(404);
    const list = (await outsider.request("GET", "/api/customers?limit=200"))
      .json()
      .items.map((i: { id: number }) => i.id);
    expect(list).toContain(theirs.id);
    expect(list).not.toContain(mine.id);
    expect((await teammate.request("GET", `/api/customers/${mine.id}`)).statusCode).toBe(200);
    const stolen = await outsider.request("PATCH", `/api/customers/${mine.id}`, {
      version: 1,
      name: "mine now",
    });
    expect(stolen.statusCode).toBe(404);
  });

  it("hides confidential fields from roles without the grade and audits confidential reads", async () => {
    const c = await create({
      kind: "individual",
      name: "李娜",
      phone: "13800000000",
      incomeBand: "20-50万",
      industry: "教育",
    });
    const analyst = await (await t.as("analyst")).request("GET", `/api/customers/${c.id}`);
    expect(analyst.statusCode).toBe(200);
    expect(analyst.json()).not.toHaveProperty("phone");
    expect(analyst.json()).not.toHaveProperty("incomeBand");
    expect(analyst.json()).toMatchObject({ name: "李娜", industry: "教育" });
    const writeAsAnalyst = await (
      await t.as("analyst")
    ).request("PATCH", `/api/customers/${c.id}`, { version: 1, name: "x" });
    expect(writeAsAnalyst.statusCode).toBe(403);

    const list = (
      await (await t.as("manager")).request("GET", `/api/customers?q=${encodeURIComponent("李娜")}`)
    ).json();
    expect(list.items[0]).not.toHaveProperty("phone");
    await (await t.as("manager")).request("GET", `/api/customers/${c.id}`);
    const audit = await t.database.pool.query(
      "select action from audit_log where customer_id = $1 order by id",
      [c.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "create",
      "read_confidential",
      "read_confidential",
    ]);
  });

  it("publishes the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/customers", "/api/customers/{id}", "/api/auth/login"]),
    );
  });
});

describe("operations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("exposes Prometheus metrics by route pattern, without ids", async () => {
    const me = await t.as("manager");
    const created = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "指标公司" })
    ).json();
    await me.request("GET", `/api/customers/${created.id}`);
    const metrics = (await t.app.inject({ url: "/metrics" })).body;
    expect(metrics).toMatch(
      /ladder_http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/:id",status="2xx"\} \d+/,
    );
    expect(metrics).not.toContain(`/api/customers/${created.id}`);
  });

  it("echoes a request id and uses it in the audit trail", async () => {
    const me = await t.as("manager");
    const response = await me.request(
      "POST",
      "/api/customers",
      { kind: "organization", name: "追踪公司" },
      { "x-request-id": "trace-123" },
    );
    const { rows } = await t.database.pool.query(
      "select request_id from audit_log where entity = 'customer' and entity_id = $1",
      [String(response.json().id)],
    );
    expect(rows[0].request_id).toBe("trace-123");
  });
});
