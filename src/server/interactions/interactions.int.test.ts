import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";

type Who = Parameters<TestApp["as"]>[0];
type Json = { [k: string]: unknown };

describe("interactions and interaction plans API", () => {
  let t: TestApp;
  let me: Session;
  let customerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    me = await t.as("manager");
    customerId = await newCustomer();
  });
  afterAll(() => t.close());

  async function newCustomer(as: Who = "manager") {
    const response = await (
      await t.as(as)
    ).request("POST", "/api/customers", {
      kind: "organization",
      name: `互动客户 ${Math.random()}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }
  async function post(url: string, body: Json, as: Session = me) {
    const response = await as.request("POST", url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; [k: string]: unknown };
  }
  const interaction = (more: Json = {}) => ({
    customerId,
    channel: "phone",
    contentType: "opinion",
    direction: "inbound",
    occurredAt: "2025-03-01T09:30:00Z",
    summary: "客户建议缩短交期",
    ...more,
  });

  it("records an interaction with its channel, content type and direction, and audits it", async () => {
    const contact = (
      await me.request("POST", `/api/customers/${customerId}/contacts`, { name: "张经理" })
    ).json().id;
    const row = await post(
      "/api/interactions",
      interaction({ contactId: contact, outcome: "转交生产部" }),
    );
    expect(row).toMatchObject({
      customerId,
      contactId: contact,
      channel: "phone",
      personal: true,
      contentType: "opinion",
      occurredAt: "2025-03-01T09:30:00.000Z",
      outcome: "转交生产部",
      actorId: t.users.manager,
    });
    expect(
      (await post("/api/interactions", interaction({ channel: "event", contentType: "emotion" })))
        .personal,
    ).toBe(false);
    const audit = await t.database.pool.query(
      "select action from audit_log where entity = 'interaction' and entity_id = $1",
      [String(row.id)],
    );
    expect(audit.rows).toEqual([{ action: "create" }]);
  });

  it("names bad fields: unknown contact, someone else's plan, bad channel", async () => {
    const other = await newCustomer();
    const otherContact = (
      await me.request("POST", `/api/customers/${other}/contacts`, { name: "李" })
    ).json().id;
    const otherPlan = (
      await post("/api/interaction-plans", { name: "别人的计划", customerId: other })
    ).id;
    const cases: [Json, string][] = [
      [interaction({ contactId: otherContact }), "contactId"],
      [interaction({ planId: otherPlan }), "planId"],
      [interaction({ channel: "telepathy" }), "channel"],
      [interaction({ summary: "" }), "summary"],
      [interaction({ occurredAt: "yesterday" }), "occurredAt"],
      [interaction({ mood: "good" }), "mood"],
    ];
    for (const [body, field] of cases) {
      const response = await me.request("POST", "/api/interactions", body);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
  });

  it("lists newest first by occurrence with keyset paging and filters", async () => {
    const c = await newCustomer();
    const times = [
      "2025-01-05T08:00:00Z",
      "2025-01-03T08:00:00Z",
      "2025-01-04T08:00:00Z",
      "2025-01-04T08:00:00Z",
      "2025-01-01T08:00:00Z",
    ];
    const ids = [];
    for (const [i, occurredAt] of times.entries())
      ids.push(
        (
          await post(
            "/api/interactions",
            interaction({ customerId: c, occurredAt, direction: i % 2 ? "outbound" : "inbound" }),
          )
        ).id,
      );
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await me.request(
          "GET",
          `/api/interactions?customerId=${c}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[0], ids[3], ids[2], ids[1], ids[4]]);
    const outbound = (
      await me.request("GET", `/api/interactions?customerId=${c}&direction=outbound&order=asc`)
    ).json();
    expect(outbound.items.map((i: { id: number }) => i.id)).toEqual([ids[1], ids[3]]);
    const window = (
      await me.request(
        "GET",
        `/api/interactions?customerId=${c}&from=2025-01-03T00:00:00Z&to=2025-01-05T00:00:00Z`,
      )
    ).json();
    expect(window.items).toHaveLength(3);
  });

  it("removes a wrongly recorded interaction, audited; others cannot reach it", async () => {
    const row = await post("/api/interactions", interaction());
    expect(
      (await (await t.as("outsider")).request("DELETE", `/api/interactions/${row.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await (await t.as("analyst")).request("DELETE", `/api/interactions/${row.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as("outsider")).request("GET", `/api/interactions/${row.id}`)).statusCode,
    ).toBe(404);
    expect((await me.request("DELETE", `/api/interactions/${row.id}`)).statusCode).toBe(204);
    expect((await me.request("GET", `/api/interactions/${row.id}`)).statusCode).toBe(404);
    const audit = await t.database.pool.query(
      "select action, before from audit_log where entity = 'interaction' and entity_id = $1 order by id",
      [String(row.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "delete"]);
    // What was removed is kept, without the personal text (see redactAuditPayload).
    expect(audit.rows[1].before).toMatchObject({
      channel: "phone",
      contentType: "opinion",
      customerId,
    });
  });

  it("keeps plans with goals and deadlines, evaluates them, and refuses stale versions", async () => {
    const plan = await post("/api/interaction-plans", {
      name: "新客户季度回访",
      customerId,
      object: "新客户：试用期内",
      goals: [
        { text: "了解试用反馈", due: "2025-03-15" },
        { text: "促成第二单", due: "2025-04-30", met: false },
      ],
      content: "试用情况、改进建议",
      channel: "face_to_face",
      frequencyDays: 30,
      startsOn: "2025-03-01",
      endsOn: "2025-06-30",
    });
    expect(plan).toMatchObject({
      status: "active",
      goals: [{ text: "了解试用反馈", due: "2025-03-15", met: false }, { met: false }],
      frequencyDays: 30,
      ownerId: t.users.manager,
      version: 1,
    });
    const evaluated = await me.request("PATCH", `/api/interaction-plans/${plan.id}`, {
      version: 1,
      goals: [
        { text: "了解试用反馈", due: "2025-03-15", met: true },
        { text: "促成第二单", due: "2025-04-30" },
      ],
      evaluation: "反馈已收集；发现新需求：夜间支持",
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(evaluated.json()).toMatchObject({ version: 2, goals: [{ met: true }, { met: false }] });
    expect(
      (
        await me.request("PATCH", `/api/interaction-plans/${plan.id}`, {
          version: 1,
          status: "completed",
        })
      ).json().error.id,
    ).toBe("stale_write");
    expect(
      (
        await me.request("PATCH", `/api/interaction-plans/${plan.id}`, {
          version: 2,
          endsOn: "2025-01-01",
        })
      ).json().error,
    ).toMatchObject({ field: "endsOn" });
    expect(
      (
        await me.request("POST", "/api/interaction-plans", {
          name: "x",
          goals: [{ text: "g", due: "2025-02-30" }],
        })
      ).json().error,
    ).toMatchObject({ field: "goals.0.due" });
  });

  it("lets only admins and marketing managers keep general and segment plans", async () => {
    expect(
      (await me.request("POST", "/api/interaction-plans", { name: "全体客户新年问候" })).statusCode,
    ).toBe(403);
    const general = await post(
      "/api/interaction-plans",
      { name: "全体客户新年问候", channel: "messaging" },
      await t.as("marketing"),
    );
    expect(
      (await me.request("PATCH", `/api/interaction-plans/${general.id}`, { version: 1, name: "x" }))
        .statusCode,
    ).toBe(403);
    expect((await me.request("GET", `/api/interaction-plans/${general.id}`)).statusCode).toBe(200);
    const theirs = await newCustomer("outsider");
    const hidden = await post(
      "/api/interaction-plans",
      { name: "西区计划", customerId: theirs },
      await t.as("outsider"),
    );
    expect((await me.request("GET", `/api/interaction-plans/${hidden.id}`)).statusCode).toBe(404);
    expect(
      (await me.request("GET", "/api/interaction-plans?limit=200"))
        .json()
        .items.map((p: { id: number }) => p.id),
    ).not.toContain(hidden.id);
  });

  it("lists goals due within N days, overdue first, paged by plan", async () => {
    const c = await newCustomer();
    const goal = (text: string, due: string, met = false) => ({ text, due, met });
    const a = await post("/api/interaction-plans", {
      name: "A",
      customerId: c,
      goals: [goal("a1", "2025-05-20"), goal("a2", "2025-05-02")],
    });
    const b = await post("/api/interaction-plans", {
      name: "B",
      customerId: c,
      goals: [goal("b1", "2025-04-25"), goal("b2", "2025-04-20", true)],
    });
    await post("/api/interaction-plans", {
      name: "C",
      customerId: c,
      goals: [goal("c1", "2025-09-01")],
    });
    await post("/api/interaction-plans", {
      name: "D",
      customerId: c,
      status: "draft",
      goals: [goal("d1", "2025-05-01")],
    });
    const first = (
      await me.request(
        "GET",
        `/api/interaction-plans/due?customerId=${c}&asOf=2025-05-01&days=7&limit=1`,
      )
    ).json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      plan: { id: b.id },
      firstDue: "2025-04-25",
      dueGoals: [{ index: 0, text: "b1", daysLeft: -6, overdue: true }],
    });
    const second = (
      await me.request(
        "GET",
        `/api/interaction-plans/due?customerId=${c}&asOf=2025-05-01&days=7&limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items[0]).toMatchObject({
      plan: { id: a.id },
      firstDue: "2025-05-02",
      dueGoals: [{ index: 1, text: "a2", daysLeft: 1, overdue: false }],
    });
    expect(second.nextCursor).toBeNull();
    const wide = (
      await me.request("GET", `/api/interaction-plans/due?customerId=${c}&asOf=2025-05-01&days=30`)
    ).json();
    expect(wide.items.map((i: { plan: { name: string } }) => i.plan.name)).toEqual(["B", "A"]);
    expect(wide.items[1].dueGoals.map((g: { text: string }) => g.text)).toEqual(["a2", "a1"]);
  });
});
