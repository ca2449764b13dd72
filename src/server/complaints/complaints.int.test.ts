import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";

type Json = { [k: string]: unknown };
const DAY = 86_400_000;

describe("complaints API", () => {
  let t: TestApp;
  let me: Session;
  let customerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    me = await t.as("manager");
    customerId = (
      await me.request("POST", "/api/customers", { kind: "organization", name: "投诉测试客户" })
    ).json().id;
  });
  afterAll(() => t.close());

  async function receive(body: Json = {}, as: Session = me) {
    const response = await as.request("POST", "/api/complaints", {
      customerId,
      title: "交货晚了两周",
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }
  async function advance(id: number, body: Json) {
    return me.request("POST", `/api/complaints/${id}/advance`, body);
  }
  const dueAfter = (c: { stepEnteredAt: string; stepDueAt: string }) =>
    (Date.parse(c.stepDueAt) - Date.parse(c.stepEnteredAt)) / DAY;

  it("walks a valid complaint through listen → record → propose → follow up → closed, stamping each step's SLA", async () => {
    const c = await receive({ description: "客户很生气" });
    expect(c).toMatchObject({
      step: "listen",
      nextSteps: ["record"],
      overdue: false,
      closedAt: null,
      version: 1,
    });
    expect(dueAfter(c as never)).toBe(1);
    let r = await advance(c.id, { version: 1, to: "record" });
    expect(r.json()).toMatchObject({
      step: "record",
      nextSteps: ["propose", "closed"],
      version: 2,
    });
    expect(dueAfter(r.json())).toBe(2);
    r = await advance(c.id, {
      version: 2,
      to: "propose",
      keyPoints: "两批货各晚两周",
      valid: true,
      cause: "service",
    });
    expect(r.json()).toMatchObject({
      step: "propose",
      valid: true,
      cause: "service",
      causeSide: "company",
      keyPoints: "两批货各晚两周",
    });
    expect(dueAfter(r.json())).toBe(3);
    r = await advance(c.id, { version: 3, to: "follow_up", solution: "改用直发仓，补偿运费" });
    expect(dueAfter(r.json())).toBe(7);
    r = await advance(c.id, {
      version: 4,
      to: "closed",
      followUp: "两周后回访，交期正常",
      satisfaction: "delighted",
    });
    expect(r.json()).toMatchObject({
      step: "closed",
      nextSteps: [],
      satisfaction: "delighted",
      stepDueAt: null,
      overdue: false,
      version: 5,
    });
    expect(r.json().closedAt).not.toBeNull();
    const audit = await t.database.pool.query(
      "select action, after from audit_log where entity = 'complaint' and entity_id = $1 order by id",
      [String(c.id)],
    );
    expect(audit.rows.map((a) => a.action)).toEqual([
      "create",
      "advance",
      "advance",
      "advance",
      "advance",
    ]);
    expect(audit.rows[4].after).toMatchObject({ step: "closed", satisfaction: "delighted" });
  });

  it("closes a complaint judged invalid with an explanation", async () => {
    const c = await receive({ title: "设备坏了" });
    await advance(c.id, { version: 1, to: "record" });
    const refused = await advance(c.id, {
      version: 2,
      to: "propose",
      keyPoints: "超负荷使用",
      valid: false,
      cause: "misuse",
    });
    expect(refused.json().error).toMatchObject({ id: "validation_error", field: "valid" });
    const closed = await advance(c.id, {
      version: 2,
      to: "closed",
      keyPoints: "超负荷使用",
      valid: false,
      cause: "misuse",
      explanation: "超出保修范围，已提供操作培训",
    });
    expect(closed.json()).toMatchObject({
      step: "closed",
      valid: false,
      causeSide: "customer",
      solution: "超出保修范围，已提供操作培训",
    });
  });

  it("refuses illegal moves with 409 naming from/to, and misplaced or missing fields with 400 naming the field", async () => {
    const c = await receive();
    const skip = await advance(c.id, { version: 1, to: "propose" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({
      id: "invalid_transition",
      from: "listen",
      to: "propose",
    });
    expect(
      (await advance(c.id, { version: 1, to: "record", satisfaction: "satisfied" })).json().error,
    ).toMatchObject({ field: "satisfaction" });
    await advance(c.id, { version: 1, to: "record" });
    expect(
      (await advance(c.id, { version: 2, to: "propose", valid: true, cause: "staff" })).json()
        .error,
    ).toMatchObject({ field: "keyPoints" });
    expect(
      (await advance(c.id, { version: 2, to: "propose", keyPoints: "k", valid: true })).json()
        .error,
    ).toMatchObject({ field: "cause" });
    expect(
      (await advance(c.id, { version: 2, to: "closed", keyPoints: "k", valid: false })).json()
        .error,
    ).toMatchObject({ field: "explanation" });
    expect((await advance(c.id, { version: 2, to: "nowhere" })).json().error).toMatchObject({
      field: "to",
    });
    expect(
      (
        await advance(c.id, {
          version: 1,
          to: "propose",
          keyPoints: "k",
          valid: true,
          cause: "staff",
        })
      ).json().error.id,
    ).toBe("stale_write");
    await advance(c.id, { version: 2, to: "propose", keyPoints: "k", valid: true, cause: "staff" });
    await advance(c.id, { version: 3, to: "follow_up", solution: "换人对接" });
    const again = await advance(c.id, { version: 4, to: "propose", followUp: "客户仍不满意" });
    expect(again.json()).toMatchObject({ step: "propose", followUp: "客户仍不满意" });
    expect((await advance(c.id, { version: 5, to: "follow_up" })).json().error).toMatchObject({
      field: "solution",
    });
    const row = await t.database.pool.query("select step, version from complaints where id = $1", [
      c.id,
    ]);
    expect(row.rows[0]).toEqual({ step: "propose", version: 5 });
  });

  it("flags and filters overdue complaints by their step's SLA", async () => {
    const late = await receive({
      title: "两天前收到",
      receivedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    const fresh = await receive({ title: "刚收到" });
    expect(late).toMatchObject({ overdue: true });
    const overdue = (
      await me.request("GET", `/api/complaints?customerId=${customerId}&overdue=true&limit=200`)
    )
      .json()
      .items.map((c: { id: number }) => c.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(fresh.id);
    const onTime = (
      await me.request(
        "GET",
        `/api/complaints?customerId=${customerId}&overdue=false&step=listen&limit=200`,
      )
    )
      .json()
      .items.map((c: { id: number }) => c.id);
    expect(onTime).toContain(fresh.id);
    expect(onTime).not.toContain(late.id);
    // Moving on restarts the clock: the record step is not overdue.
    expect((await advance(late.id, { version: 1, to: "record" })).json()).toMatchObject({
      overdue: false,
    });
    expect(
      (
        await me.request("POST", "/api/complaints", {
          customerId,
          title: "x",
          receivedAt: new Date(Date.now() + 3 * DAY).toISOString(),
        })
      ).json().error,
    ).toMatchObject({ field: "receivedAt" });
  });

  it("pages complaints newest first and corrects a complaint's description", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await receive({ title: `分页 ${i}`, cause: "product" })).id);
    const first = (
      await me.request("GET", `/api/complaints?customerId=${customerId}&cause=product&limit=2`)
    ).json();
    const second = (
      await me.request(
        "GET",
        `/api/complaints?customerId=${customerId}&cause=product&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect([...first.items, ...second.items].map((c: { id: number }) => c.id)).toEqual(
      [...ids].reverse(),
    );
    const edited = await me.request("PATCH", `/api/complaints/${ids[0]}`, {
      version: 1,
      description: "补充：涉及三个批次",
      cause: "service",
    });
    expect(edited.json()).toMatchObject({
      description: "补充：涉及三个批次",
      cause: "service",
      version: 2,
      step: "listen",
    });
    expect(
      (
        await me.request("PATCH", `/api/complaints/${ids[0]}`, { version: 2, step: "closed" })
      ).json().error,
    ).toMatchObject({ field: "step" });
  });

  it("reaches complaints only through readable customers; analysts only read", async () => {
    const c = await receive();
    const outsider = await t.as("outsider");
    expect((await outsider.request("GET", `/api/complaints/${c.id}`)).statusCode).toBe(404);
    expect(
      (
        await outsider.request("POST", `/api/complaints/${c.id}/advance`, {
          version: 1,
          to: "record",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await outsider.request("POST", "/api/complaints", { customerId, title: "x" })).json().error,
    ).toMatchObject({ field: "customerId" });
    const analyst = await t.as("analyst");
    expect((await analyst.request("GET", `/api/complaints/${c.id}`)).statusCode).toBe(200);
    expect(
      (
        await analyst.request("POST", `/api/complaints/${c.id}/advance`, {
          version: 1,
          to: "record",
        })
      ).statusCode,
    ).toBe(403);
  });
});
