/**
 * Fuzzing every route with generated bad payloads, query strings, path values and headers:
 * the answer is never a 5xx, and a rejected request leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { RouteInfo } from "../../src/server/http/app.js";
import { startTestApp, type Session, type TestApp } from "../support/testApp.js";

const TABLES = [
  "customers",
  "contacts",
  "transactions",
  "needs",
  "value_items",
  "deliveries",
  "interactions",
  "interaction_plans",
  "complaints",
  "bonds",
  "segments",
  "research_notes",
  "proposals",
  "stage_events",
  "users",
  "api_tokens",
  "imports",
];

const nasty = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "null",
    "-1",
    "0",
    "1e309",
    "NaN",
    "9".repeat(40),
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "=cmd|' /C calc'!A0",
    "\u0000",
    "\ud800",
    "客户",
    "%",
    "_",
    "\\",
  ),
  fc.string({ maxLength: 30 }),
);
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
);
const FIELD_NAMES = [
  "id",
  "version",
  "name",
  "kind",
  "stage",
  "to",
  "reason",
  "email",
  "password",
  "role",
  "occurredAt",
  "amountCents",
  "customerId",
  "level",
  "status",
  "limit",
  "cursor",
  "q",
  "__proto__",
  "constructor",
];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50 }),
);
/** Percent-encodes, sending a raw invalid UTF-8 sequence for lone surrogates. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
};
const query = fc.dictionary(
  fc.constantFrom(...FIELD_NAMES, "sort", "order", "from", "to", "format"),
  nasty,
  { maxKeys: 4 },
);

describe("fuzzing every route", () => {
  let t: TestApp;
  let admin: Session;
  let routes: RouteInfo[];
  let customerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as("admin");
    customerId = (
      await admin.request("POST", "/api/customers", { kind: "organization", name: "模糊测试公司" })
    ).json().id;
    routes = t.app.routeTable.filter(
      (r) =>
        r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.url !== "/api/auth/logout",
    );
  });
  afterAll(() => t.close());

  const fingerprint = async () => {
    const parts = TABLES.map(
      (table) => `(select count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from ${table} t)`,
    );
    const { rows } = await t.database.pool.query(`select ${parts.join(" || '|' || ")} as f`);
    return rows[0].f as string;
  };

  it("never answers 5xx and never changes data on a rejected request", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [index, route] of routes.entries()) {
      const cases = fc.sample(
        fc.record({
          body,
          query,
          param: nasty,
          useRealId: fc.boolean(),
          contentType: fc.constantFrom(
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
          ),
        }),
        { numRuns: 25, seed: 1000 + index },
      );
      for (const c of cases) {
        const path = route.url
          .replace(/:id\b/, c.useRealId ? String(customerId) : encode(c.param))
          .replace(/:(\w+)/g, () => encode(c.param));
        const search = new URLSearchParams(c.query as Record<string, string>).toString();
        const before = route.method === "GET" ? "" : await fingerprint();
        const response = await t.app.inject({
          method: route.method as never,
          url: search ? `${path}?${search}` : path,
          headers: {
            cookie: admin.cookie,
            "x-csrf-token": admin.csrfToken,
            "content-type": c.contentType,
          },
          ...(route.method === "GET"
            ? {}
            : { payload: typeof c.body === "string" ? c.body : JSON.stringify(c.body) }),
        });
        requests++;
        const label = `${route.method} ${route.url} ${JSON.stringify(c).slice(0, 200)}`;
        if (response.statusCode >= 500)
          failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (/at \S+\.(js|ts):\d+|SELECT |INSERT |Failed query/i.test(response.body))
          failures.push(`${label} leaked internals: ${response.body.slice(0, 200)}`);
        if (
          response.statusCode >= 400 &&
          route.method !== "GET" &&
          (await fingerprint()) !== before
        )
          failures.push(`${label} → ${response.statusCode} but the data changed`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(requests).toBeGreaterThan(200);
  });

  it("survives hostile headers", async () => {
    const headerCases = fc.sample(
      fc.record({ cookie: nasty, csrf: nasty, auth: nasty, requestId: nasty, accept: nasty }),
      { numRuns: 100, seed: 7 },
    );
    for (const h of headerCases) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers",
        headers: {
          cookie: `ladder_session=${h.cookie}`,
          "x-csrf-token": h.csrf,
          authorization: `Bearer ${h.auth}`,
          "x-request-id": h.requestId,
          accept: h.accept,
        },
        payload: { kind: "organization", name: "x" },
      });
      expect(response.statusCode, JSON.stringify(h)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(h)).toBeLessThan(500);
    }
  });
});
