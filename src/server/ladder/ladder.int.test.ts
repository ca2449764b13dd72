import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { createUser } from "../users/createUser.js";

describe("ladder API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);

  const create = async (
    body: Record<string, unknown> = {},
    as: Parameters<TestApp["as"]>[0] = "manager",
  ) => {
    const response = await (
      await t.as(as)
    ).request("POST", "/api/customers", { kind: "organization", name: "阶梯客户", ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number };
  };

  const move = async (
    id: number,
    to: string,
    reason = "test",
    as: Parameters<TestApp["as"]>[0] = "manager",
    extra: Record<string, unknown> = {},
  ) => (await t.as(as)).request("POST", `/api/customers/${id}/stage`, { to, reason, ...extra });

  /** Puts a customer straight into a stage since a given time (test setup, not the API). */
  const place = (id: number, stage: string, since: string) =>
    sql("update customers set stage = $2, stage_since = $3 where id = $1", [id, stage, since]);

  it("moves a customer one step up, recording who, when and why, with an audit row", async () => {
    const c = await create({ name: "升级测试" });
    const response = await move(c.id, "target", "首次拜访，双方有合作意向");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      customerId: c.id,
      from: "potential",
      to: "target",
      reason: "首次拜访，双方有合作意向",
      version: 2,
    });

    const [customer] = (
      await sql("select stage, version, stage_since from customers where id = $1", [c.id])
    ).rows;
    expect(customer).toMatchObject({ stage: "target", version: 2 });
    const events = (
      await sql(
        "select from_stage, to_stage, reason, actor_id, at from stage_events where customer_id = $1 order by id",
        [c.id],
      )
    ).rows;
    expect(events.map((e) => [e.from_stage, e.to_stage, e.actor_id])).toEqual([
      [null, "potential", t.users.manager],
      ["potential", "target", t.users.manager],
    ]);
    expect(events[1].at.getTime()).toBe(customer.stage_since.getTime());
    const audit = (
      await sql(
        "select action, before, after from audit_log where customer_id = $1 and action = 'change_stage'",
        [c.id],
      )
    ).rows;
    // The reason is free text: the audit row records that it was given, not what it says.
    expect(audit).toEqual([
      {
        action: "change_stage",
        before: { stage: "potential" },
        after: { stage: "target", reason: expect.any(String) },
      },
    ]);
  });

  it("refuses a move the ladder forbids with 409 naming from and to, and changes nothing", async () => {
    const c = await create();
    const response = await move(c.id, "core");
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      id: "invalid_stage_transition",
      from: "potential",
      to: "core",
    });
    expect((await move(c.id, "potential")).json().error).toMatchObject({
      id: "invalid_stage_transition",
      from: "potential",
      to: "potential",
    });
    expect(
      (await sql("select stage, version from customers where id = $1", [c.id])).rows[0],
    ).toEqual({ stage: "potential", version: 1 });
    expect(
      (await sql("select count(*)::int as n from stage_events where customer_id = $1", [c.id]))
        .rows[0].n,
    ).toBe(1);
  });

  it("recovers a problem customer only up to the stage it fell from", async () => {
    const c = await create();
    for (const to of ["target", "new", "old", "problem"])
      expect((await move(c.id, to)).statusCode).toBe(200);
    expect((await move(c.id, "core")).json().error).toMatchObject({
      id: "invalid_stage_transition",
      from: "problem",
      to: "core",
    });
    expect((await move(c.id, "old", "投诉已解决")).statusCode).toBe(200);
    for (const to of ["exited", "target"]) expect((await move(c.id, to)).statusCode).toBe(200);
    expect((await move(c.id, "new")).statusCode).toBe(200);
  });

  it("checks the version when given, and refuses readers, analysts and archived customers", async () => {
    const c = await create();
    const stale = await move(c.id, "target", "x", "manager", { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ id: "stale_write", currentVersion: 1 });
    expect((await move(c.id, "target", "x", "manager", { version: 1 })).statusCode).toBe(200);
    expect((await move(c.id, "new", "x", "analyst")).statusCode).toBe(403);
    expect((await move(c.id, "new", "x", "outsider")).statusCode).toBe(404);
    expect((await move(c.id, "new", "")).json().error).toMatchObject({
      id: "validation_error",
      field: "reason",
    });
    expect((await move(c.id, "vip")).json().error).toMatchObject({
      id: "validation_error",
      field: "to",
    });
    const { version } = (await sql("select version from customers where id = $1", [c.id])).rows[0];
    expect(
      (await (await t.as("manager")).request("POST", `/api/customers/${c.id}/archive`, { version }))
        .statusCode,
    ).toBe(200);
    expect((await move(c.id, "new")).json().error.id).toBe("conflict");
  });

  it("shows the stage history with actor names and the time spent in each stage", async () => {
    const c = await create();
    await move(c.id, "target", "拜访");
    await move(c.id, "new", "首单", "teammate");
    // Backdate the events so the durations are known: registered 100 days ago, target 60, new 20.
    const events = (
      await sql("select id from stage_events where customer_id = $1 order by id", [c.id])
    ).rows.map((r) => r.id);
    for (const [i, days] of [100, 60, 20].entries())
      await sql(`update stage_events set at = now() - interval '${days} days' where id = $1`, [
        events[i],
      ]);
    await sql("update customers set stage_since = now() - interval '130 days' where id = $1", [
      c.id,
    ]);

    const response = await (
      await t.as("analyst")
    ).request("GET", `/api/customers/${c.id}/stage-history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json();
    expect(
      history.events.map(
        (e: { from: string | null; to: string; actorName: string; days: number }) => [
          e.from,
          e.to,
          e.actorName,
          e.days,
        ],
      ),
    ).toEqual([
      [null, "potential", "manager", 40],
      ["potential", "target", "manager", 40],
      ["target", "new", "teammate", 20],
    ]);
    expect(history.daysByStage).toEqual({ potential: 40, target: 40, new: 20 });
    expect(history).toMatchObject({ stage: "new", overdue: true, timeInStage: { days: 130 } });
    expect(history.dueAt).not.toBeNull();
    expect(
      (await (await t.as("outsider")).request("GET", `/api/customers/${c.id}/stage-history`))
        .statusCode,
    ).toBe(404);
  });

  it("shows the six upgrade conditions with their evidence and what is missing", async () => {
    const c = await create({
      name: "条件测试",
      phone: "021-1",
      email: "a@b.cn",
      address: "上海",
      industry: "制造",
      region: "上海",
      scale: "large",
      closeness: 4,
      willingness: 4,
    });
    await place(c.id, "new", new Date(Date.now() - 100 * 86_400_000).toISOString());
    await sql("insert into contacts (customer_id, name, phone) values ($1, '张经理', '138')", [
      c.id,
    ]);
    await sql(
      `insert into transactions (customer_id, occurred_at, amount_cents) values ($1, now() - interval '90 days', 100000), ($1, now() - interval '10 days', 200000)`,
      [c.id],
    );
    await sql(
      `insert into purchase_summaries (customer_id, first_purchase_at, last_purchase_at, purchase_days, transaction_count, revenue_cents, cost_cents, repeat_revenue_cents)
       values ($1, now() - interval '90 days', now() - interval '10 days', 2, 2, 300000, 0, 200000)`,
      [c.id],
    );
    await sql(
      "insert into needs (customer_id, level, kind, title, status) values ($1, 'core', 'quality', '稳定供货', 'met'), ($1, 'core', 'service', '24小时响应', 'open')",
      [c.id],
    );
    await sql(
      "insert into deliveries (customer_id, round, stage_at_plan, status, outcome) values ($1, 1, 'new', 'evaluated', 'accepted')",
      [c.id],
    );
    await sql(
      `insert into interactions (customer_id, channel, content_type, direction, occurred_at, summary)
       values ($1, 'phone', 'information', 'inbound', now() - interval '5 days', '来电咨询'), ($1, 'email', 'information', 'outbound', now() - interval '3 days', '回复')`,
      [c.id],
    );

    const get = async (as: Parameters<TestApp["as"]>[0]) =>
      (await (await t.as(as)).request("GET", `/api/customers/${c.id}/upgrade-conditions`)).json();
    const result = await get("manager");
    expect(result).toMatchObject({
      customerId: c.id,
      stage: "new",
      nextStage: "old",
      allHold: false,
      heldBack: { rule: "repeat_to_old", to: "old" },
    });
    const byKey = Object.fromEntries(result.conditions.map((k: { key: string }) => [k.key, k]));
    expect(Object.keys(byKey)).toEqual([
      "objective_needs",
      "mutual_wishes",
      "overall_interest",
      "two_way",
      "timing",
      "information",
    ]);
    expect(byKey.objective_needs).toMatchObject({
      holds: false,
      missing: ["1 core needs still open: meet them in full first"],
    });
    for (const key of ["mutual_wishes", "overall_interest", "two_way", "timing", "information"])
      expect(byKey[key].holds, key).toBe(true);
    expect(byKey.mutual_wishes.found.map((f: { key: string }) => f.key)).toEqual([
      "purchase_days",
      "willingness",
      "inbound_interactions",
    ]);

    // Meeting the open core need lets every condition hold.
    await sql("update needs set status = 'met' where customer_id = $1", [c.id]);
    expect((await get("manager")).allHold).toBe(true);
    // Analysts may not see willingness (internal): the evidence leaves it out.
    const analyst = await get("analyst");
    const wishes = analyst.conditions.find((k: { key: string }) => k.key === "mutual_wishes");
    expect(wishes.found.map((f: { key: string }) => f.key)).toEqual([
      "purchase_days",
      "inbound_interactions",
    ]);
  });

  it("computes the problem share per owner and overall, alerting above 3 %", async () => {
    const owner = await createUser({
      db: t.database.db,
      actor: null,
      input: {
        email: "share@test.local",
        name: "份额经理",
        password: "correct horse battery staple",
        role: "account_manager",
      },
    });
    const ids: number[] = [];
    for (let i = 0; i < 33; i++)
      ids.push((await create({ name: `份额${i}`, ownerId: owner.id }, "admin")).id);
    await place(ids[0]!, "problem", new Date().toISOString());
    await place(ids[1]!, "exited", new Date().toISOString());
    const line = async () => {
      const body = (await (await t.as("admin")).request("GET", "/api/ladder/problem-share")).json();
      expect(body.limit).toBe(0.03);
      return body.byOwner.find((o: { ownerId: number }) => o.ownerId === owner.id);
    };
    // 1 problem among 32 active (the exited one does not count): 3.125 % > 3 %.
    expect(await line()).toMatchObject({
      ownerName: "份额经理",
      active: 32,
      problem: 1,
      alert: true,
    });
    // Archived customers leave the count: 1 of 31.
    await sql("update customers set archived_at = now() where id = $1", [ids[2]]);
    expect(await line()).toMatchObject({ active: 31, problem: 1, alert: true });
    // 1 of 35: 2.9 %.
    for (let i = 33; i < 37; i++) await create({ name: `份额${i}`, ownerId: owner.id }, "admin");
    expect(await line()).toMatchObject({ active: 35, problem: 1, alert: false });
    // Account managers see their own reach only.
    const mine = (
      await (await t.as("outsider")).request("GET", "/api/ladder/problem-share")
    ).json();
    expect(mine.byOwner.map((o: { ownerId: number }) => o.ownerId)).not.toContain(owner.id);
  });

  it("shows the board per stage, longest in stage first, with overdue flags and keyset paging", async () => {
    const owner = await createUser({
      db: t.database.db,
      actor: null,
      input: {
        email: "board@test.local",
        name: "看板经理",
        password: "correct horse battery staple",
        role: "account_manager",
      },
    });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = (await create({ name: `看板${i}`, ownerId: owner.id }, "admin")).id;
      await place(id, "new", new Date(Date.now() - (i * 50 + 1) * 86_400_000).toISOString());
      ids.push(id);
    }
    const me = await t.as("admin");
    const board = (await me.request("GET", `/api/ladder/board?ownerId=${owner.id}&limit=2`)).json();
    expect(board.counts).toMatchObject({ new: 5, potential: 0, core: 0 });
    expect(board.columns.map((c: { stage: string }) => c.stage)).toEqual([
      "potential",
      "target",
      "new",
      "old",
      "core",
      "strategic",
      "problem",
      "exited",
    ]);
    const column = board.columns.find((c: { stage: string }) => c.stage === "new");
    // 201 and 151 days in new: both past the 4 months (at most 123 days).
    expect(column.items.map((i: { id: number; overdue: boolean }) => [i.id, i.overdue])).toEqual([
      [ids[4], true],
      [ids[3], true],
    ]);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/ladder/board?stage=new&ownerId=${owner.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await me.request("GET", url)).json();
      expect(page.columns).toHaveLength(1);
      seen.push(...page.columns[0].items.map((i: { id: number }) => i.id));
      cursor = page.columns[0].nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(
      (await me.request("GET", `/api/ladder/board?cursor=${encodeURIComponent("abc")}`)).json()
        .error,
    ).toMatchObject({ id: "validation_error", field: "cursor" });
  });

  it("counts the flows between stages in a period", async () => {
    const before = new Date().toISOString();
    const a = await create();
    const b = await create();
    await move(a.id, "target");
    await move(b.id, "target");
    await move(b.id, "problem");
    const flows = (
      await (
        await t.as("admin")
      ).request("GET", `/api/ladder/flows?from=${encodeURIComponent(before)}`)
    ).json();
    const count = (from: string | null, to: string) =>
      flows.flows.find((f: { from: string | null; to: string }) => f.from === from && f.to === to)
        ?.count ?? 0;
    expect(count(null, "potential")).toBe(2);
    expect(count("potential", "target")).toBe(2);
    expect(count("target", "problem")).toBe(1);
    expect(flows.total).toBe(5);
    const bad = await (
      await t.as("admin")
    ).request(
      "GET",
      `/api/ladder/flows?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(before)}`,
    );
    expect(bad.json().error).toMatchObject({ id: "validation_error", field: "from" });
  });
});
