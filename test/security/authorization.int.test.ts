/**
 * The authorisation matrix: every API route × every role × own/other customer, generated from
 * the server's route table. A route that declares no access rule fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../../src/server/http/access.plugin.js";
import type { RouteInfo } from "../../src/server/http/app.js";
import { startTestApp, type Session, type TestApp } from "../support/testApp.js";

type Person = "admin" | "marketing" | "analyst" | "manager" | "outsider";
const PEOPLE: Person[] = ["admin", "marketing", "analyst", "manager", "outsider"];
const ROLE_OF: Record<Person, string> = {
  admin: "admin",
  marketing: "marketing_manager",
  analyst: "analyst",
  manager: "account_manager",
  outsider: "account_manager",
};

/** Whether `person` may call a route with this access on a customer owned by "manager" (team East). */
function allowed(access: Access, person: Person): boolean {
  if (access === "public" || access === "user") return true;
  if (typeof access === "object") return access.roles.includes(ROLE_OF[person] as never);
  if (person === "outsider") return false;
  return access === "customer:read" || person !== "analyst";
}

/** Routes that end the caller's own session cannot be probed with a shared session. */
const SELF_ENDING = new Set(["POST /api/auth/logout"]);

describe("authorisation matrix", () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let customerId: number;
  const sessions = {} as Record<Person, Session>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const person of PEOPLE) sessions[person] = await t.as(person);
    customerId = (
      await sessions.manager.request("POST", "/api/customers", {
        kind: "organization",
        name: "矩阵测试公司",
      })
    ).json().id;
    routes = t.app.routeTable.filter(
      (r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"),
    );
  });
  afterAll(() => t.close());

  const urlFor = (route: RouteInfo) =>
    route.url.replace(/:id\b/, String(customerId)).replace(/:(\w+)/g, "999999");

  it("has an access rule on every API route", () => {
    const missing = routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(10);
  });

  it("refuses every non-public route without a login", async () => {
    for (const route of routes.filter((r) => r.access !== "public")) {
      const response = await t.app.inject({
        method: route.method as never,
        url: urlFor(route),
        payload: route.method === "GET" ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("allows and denies each role exactly as declared", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (route.access === undefined || SELF_ENDING.has(`${route.method} ${route.url}`)) continue;
      for (const person of PEOPLE) {
        const response = await sessions[person].request(
          route.method,
          urlFor(route),
          route.method === "GET" || route.method === "DELETE" ? undefined : {},
        );
        const body = response.json() as { error?: { id: string; message: string } };
        const deniedAccess =
          response.statusCode === 401 ||
          response.statusCode === 403 ||
          (response.statusCode === 404 &&
            body.error?.message === `Customer ${customerId} not found`);
        const expectAllowed = allowed(route.access, person);
        if (expectAllowed === deniedAccess) {
          failures.push(
            `${route.method} ${route.url} as ${person}: expected ${expectAllowed ? "allowed" : "denied"}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        }
        if (response.statusCode >= 500)
          failures.push(`${route.method} ${route.url} as ${person}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("limits API tokens to their scopes", async () => {
    const created = await sessions.manager.request("POST", "/api/auth/tokens", {
      name: "readonly",
      scopes: ["read"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const headers = { authorization: `Bearer ${created.json().token}` };
    expect((await t.app.inject({ url: `/api/customers/${customerId}`, headers })).statusCode).toBe(
      200,
    );
    const write = await t.app.inject({
      method: "PATCH",
      url: `/api/customers/${customerId}`,
      headers,
      payload: { version: 1, region: "x" },
    });
    expect(write.statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          url: "/api/customers",
          headers: { authorization: "Bearer ldr_forged" },
        })
      ).statusCode,
    ).toBe(401);
  });
});
