import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";

describe("loyalty bonds API", () => {
  let t: TestApp;
  let me: Session;
  let customerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    me = await t.as("manager");
    customerId = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "忠诚客户" })
    ).json().id;
  });
  afterAll(() => t.close());

  async function addBond(body: Record<string, unknown>, customer = customerId, as: Session = me) {
    const response = await as.request("POST", `/api/customers/${customer}/bonds`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }

  it("records financial, social and structural bonds and shows which are in force", async () => {
    const points = await addBond({
      level: "financial",
      kind: "points",
      description: "积分 2 倍",
      startedOn: "2024-01-01",
    });
    expect(points).toMatchObject({
      customerId,
      level: "financial",
      kind: "points",
      active: true,
      endedOn: null,
      version: 1,
    });
    await addBond({ level: "social", kind: "vip", startedOn: "2023-01-01", endedOn: "2024-01-01" });
    await addBond({
      level: "structural",
      kind: "dedicated_technical_service",
      description: "驻厂工程师",
    });
    const all = (await me.request("GET", `/api/customers/${customerId}/bonds`)).json();
    expect(all.items.map((b: { kind: string; active: boolean }) => [b.kind, b.active])).toEqual([
      ["points", true],
      ["vip", false],
      ["dedicated_technical_service", true],
    ]);
    const inForce = (
      await me.request("GET", `/api/customers/${customerId}/bonds?active=true&level=structural`)
    ).json();
    expect(inForce.items.map((b: { kind: string }) => b.kind)).toEqual([
      "dedicated_technical_service",
    ]);
    const across = (
      await (
        await t.as("analyst")
      ).request("GET", `/api/bonds?level=social&customerId=${customerId}`)
    ).json();
    expect(across.items).toHaveLength(1);
  });

  it("changes and ends a bond at the version read, and deletes one recorded by mistake", async () => {
    const club = await addBond({ level: "social", kind: "club" });
    const ended = await me.request("PATCH", `/api/customers/${customerId}/bonds/${club.id}`, {
      version: 1,
      endedOn: "2020-06-30",
    });
    expect(ended.json()).toMatchObject({ endedOn: "2020-06-30", active: false, version: 2 });
    expect(
      (
        await me.request("PATCH", `/api/customers/${customerId}/bonds/${club.id}`, {
          version: 1,
          kind: "x",
        })
      ).json().error.id,
    ).toBe("stale_write");
    expect(
      (
        await me.request("PATCH", `/api/customers/${customerId}/bonds/${club.id}`, {
          version: 2,
          startedOn: "2021-01-01",
        })
      ).json().error,
    ).toMatchObject({ field: "endedOn" });
    expect(
      (await me.request("DELETE", `/api/customers/${customerId}/bonds/${club.id}?version=1`)).json()
        .error.id,
    ).toBe("stale_write");
    expect(
      (await me.request("DELETE", `/api/customers/${customerId}/bonds/${club.id}?version=2`))
        .statusCode,
    ).toBe(204);
    expect(
      (await me.request("GET", `/api/customers/${customerId}/bonds/${club.id}`)).statusCode,
    ).toBe(404);
    const audit = await t.database.pool.query(
      "select action from audit_log where entity = 'bond' and entity_id = $1 order by id",
      [String(club.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("names bad fields and keeps bonds to their customer", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ level: "emotional", kind: "x" }, "level"],
      [{ level: "social" }, "kind"],
      [{ level: "social", kind: "vip", endedOn: "2020-01-01", startedOn: "2021-01-01" }, "endedOn"],
      [{ level: "social", kind: "vip", points: 3 }, "points"],
    ];
    for (const [body, field] of cases) {
      expect(
        (await me.request("POST", `/api/customers/${customerId}/bonds`, body)).json().error,
        JSON.stringify(body),
      ).toMatchObject({ id: "validation_error", field });
    }
    const other = (
      await me.request("POST", "/api/customers", { kind: "individual", name: "王先生" })
    ).json().id;
    const bond = await addBond({ level: "financial", kind: "points" }, other);
    expect(
      (
        await me.request("PATCH", `/api/customers/${customerId}/bonds/${bond.id}`, {
          version: 1,
          kind: "x",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await me.request("GET", `/api/customers/${customerId}/bonds/${bond.id}`)).statusCode,
    ).toBe(404);
  });

  it("limits bonds to readers of the customer and writes to its writers", async () => {
    const outsider = await t.as("outsider");
    expect((await outsider.request("GET", `/api/customers/${customerId}/bonds`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await outsider.request("POST", `/api/customers/${customerId}/bonds`, {
          level: "social",
          kind: "vip",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await outsider.request("GET", `/api/bonds?customerId=${customerId}`)).json().items,
    ).toEqual([]);
    const analyst = await t.as("analyst");
    expect((await analyst.request("GET", `/api/customers/${customerId}/bonds`)).statusCode).toBe(
      200,
    );
    expect(
      (
        await analyst.request("POST", `/api/customers/${customerId}/bonds`, {
          level: "social",
          kind: "vip",
        })
      ).statusCode,
    ).toBe(403);
  });
});
