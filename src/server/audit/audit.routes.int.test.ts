import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

describe("audit log", () => {
  let t: TestApp;
  let customerId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const me = await t.as("manager");
    customerId = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "审计测试公司" })
    ).json().id;
    await me.request("PATCH", `/api/customers/${customerId}`, { version: 1, region: "苏州" });
    await me.request("PATCH", `/api/customers/${customerId}`, { version: 2, region: "无锡" });
    await me.request("POST", `/api/customers/${customerId}/contacts`, { name: "赵六" });
    await (
      await t.as("admin")
    ).request("POST", `/api/customers/${customerId}/consents`, {
      purpose: "行业简报",
      basis: "legitimate_interest",
    });
  });
  afterAll(() => t.close());

  type Entry = {
    id: number;
    at: string;
    actorId: number | null;
    actorName: string | null;
    action: string;
    entity: string;
    entityId: string | null;
    customerId: number | null;
    before: unknown;
    after: unknown;
  };
  const search = async (query: string) => {
    const response = await (await t.as("admin")).request("GET", `/api/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Entry[]; nextCursor: string | null };
  };

  it("finds a customer's entries newest first, with actor names and before/after", async () => {
    const { items } = await search(`customerId=${customerId}`);
    expect(items.map((e) => [e.entity, e.action, e.actorName])).toEqual([
      ["consent", "create", "admin"],
      ["contact", "create", "manager"],
      ["customer", "update", "manager"],
      ["customer", "update", "manager"],
      ["customer", "create", "manager"],
    ]);
    expect(items[2]).toMatchObject({
      actorId: t.users.manager,
      entityId: String(customerId),
      customerId,
      before: { region: "苏州" },
      after: { region: "无锡" },
    });
    expect(items[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it("filters by action, entity, record, actor and time", async () => {
    expect((await search(`customerId=${customerId}&action=update`)).items).toHaveLength(2);
    expect(
      (await search(`entity=contact&customerId=${customerId}`)).items.map((e) => e.action),
    ).toEqual(["create"]);
    expect(
      (await search(`entity=customer&entityId=${customerId}&actorId=${t.users.manager}`)).items.map(
        (e) => e.action,
      ),
    ).toEqual(["update", "update", "create"]);
    expect(
      (await search(`customerId=${customerId}&actorId=${t.users.admin}`)).items.map(
        (e) => e.entity,
      ),
    ).toEqual(["consent"]);
    const all = (await search(`customerId=${customerId}`)).items;
    const oldest = all.at(-1)!;
    expect(
      (await search(`customerId=${customerId}&to=${encodeURIComponent(oldest.at)}`)).items,
    ).toEqual([]);
    expect(
      (await search(`customerId=${customerId}&from=${encodeURIComponent(oldest.at)}`)).items,
    ).toHaveLength(all.length);
    expect((await search(`customerId=${customerId}&from=2999-01-01T00:00:00Z`)).items).toEqual([]);
  });

  it("pages by keyset through every entry exactly once", async () => {
    const everything = (await search("limit=200")).items.map((e) => e.id);
    expect(everything.length).toBeGreaterThan(5);
    expect([...everything].sort((a, b) => b - a)).toEqual(everything);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await search(
        `limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything);
  });

  it("is for admins only and answers bad queries with a 400 naming the field", async () => {
    for (const who of ["marketing", "manager", "analyst"] as const) {
      expect((await (await t.as(who)).request("GET", "/api/audit")).statusCode).toBe(403);
    }
    const admin = await t.as("admin");
    for (const [query, field] of [
      ["cursor=not-a-cursor", "cursor"],
      ["from=yesterday", "from"],
      ["actorId=-1", "actorId"],
      ["limit=1000", "limit"],
      ["colour=red", "colour"],
    ] as const) {
      const response = await admin.request("GET", `/api/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ id: "validation_error", field });
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const count = async () =>
      (await t.database.pool.query("select count(*)::int as n, max(id) as last from audit_log"))
        .rows[0];
    const before = await count();
    for (const statement of [
      "update audit_log set action = 'nothing happened'",
      "update audit_log set after = null where customer_id is not null",
      "delete from audit_log",
      "delete from audit_log where id = (select max(id) from audit_log)",
      "truncate audit_log",
    ]) {
      await expect(t.database.pool.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect(await count()).toEqual(before);
    expect(
      (
        await t.database.pool.query(
          "select count(*)::int as n from audit_log where action = 'nothing happened'",
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it("has no API route that changes or removes an entry: every route, called, only appends", async () => {
    const snapshot = async () =>
      new Map(
        (await t.database.pool.query("select id, md5(a::text) as hash from audit_log a")).rows.map(
          (r) => [r.id as number, r.hash as string],
        ),
      );
    const before = await snapshot();
    const admin = await t.as("admin");
    const routes = t.app.routeTable.filter(
      (r) =>
        r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.url !== "/api/auth/logout",
    );
    expect(routes.some((r) => r.url === "/api/audit")).toBe(true);
    const target = (await t.as("manager")).request;
    const spare = (
      await target("POST", "/api/customers", { kind: "organization", name: "备用公司" })
    ).json().id as number;
    for (const route of routes) {
      // The erase route is the one write that targets every row of a customer: aim it at a spare one.
      const id = route.url.endsWith("/erase") ? spare : customerId;
      const url = route.url.replace(/:id\b/, String(id)).replace(/:(\w+)/g, "1");
      const version = (await admin.request("GET", `/api/customers/${id}`)).json().version;
      for (const body of [{}, { version, reason: "sweep", name: "x", purpose: "x" }]) {
        const response = await admin.request(
          route.method,
          url,
          route.method === "GET" || route.method === "DELETE" ? undefined : body,
        );
        expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
      }
    }
    const after = await snapshot();
    for (const [id, hash] of before) expect(after.get(id), `audit entry ${id}`).toBe(hash);
    const appended = [...after.keys()].filter((id) => !before.has(id));
    expect(Math.min(...appended)).toBeGreaterThan(Math.max(...before.keys()));
  });

  it("has no server code that updates, deletes or truncates audit rows", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "migrations" ? [] : sources(path);
        return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
      });
    const files = sources(root);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((file) =>
      /\.(update|delete)\(\s*auditLog\b|\b(update|delete\s+from|truncate(\s+table)?)\s+"?audit_log\b/i.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offending).toEqual([]);
  });
});
