import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { scorePartition } from "../analytics/scorePartitions.js";

describe("customer 360 API", () => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await startTestApp();
    const me = await t.as("manager");
    id = (
      await me.request("POST", "/api/customers", {
        kind: "organization",
        name: "全景客户",
        phone: "021-8888",
        industry: "制造",
        closeness: 4,
      })
    ).json().id;
    await me.request("POST", `/api/customers/${id}/stage`, { to: "target", reason: "拜访" });
    await me.request("POST", `/api/customers/${id}/stage`, { to: "new", reason: "首单" });
    const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
    await sql(
      "insert into contacts (customer_id, name, phone, is_key) values ($1, '王总', '139', true), ($1, '李工', null, false)",
      [id],
    );
    await sql(
      "insert into needs (customer_id, level, kind, title, status, met_at) values ($1, 'core', 'quality', '已满足需求', 'met', now()), ($1, 'additional', 'service', '培训', 'open', null)",
      [id],
    );
    const item = (
      await sql(
        "insert into value_items (title, scope, kind, statement, stages, need_kinds) values ('现场培训', 'additional', 'service', '到厂培训', '{new}', '{service}') returning id",
      )
    ).rows[0].id;
    await sql(
      `insert into deliveries (customer_id, round, stage_at_plan, value_item_id, status, outcome)
       values ($1, 1, 'target', $2, 'evaluated', 'accepted'), ($1, 2, 'new', $2, 'planned', null), ($1, 2, 'new', null, 'evaluated', 'partly')`,
      [id, item],
    );
    await sql(
      `insert into interactions (customer_id, channel, content_type, direction, occurred_at, summary, actor_id)
       select $1, 'phone', 'information', case when g % 2 = 0 then 'inbound' else 'outbound' end, now() - g * interval '1 day', '通话' || g, $2
       from generate_series(1, 60) g`,
      [id, t.users.manager],
    );
    await sql(
      "insert into complaints (customer_id, title, step, step_due_at) values ($1, '延迟', 'propose', now() - interval '1 day')",
      [id],
    );
    await sql(
      "insert into complaints (customer_id, title, step, closed_at, satisfaction) values ($1, '旧事', 'closed', now(), 'satisfied')",
      [id],
    );
    await sql(
      "insert into bonds (customer_id, level, kind, description) values ($1, 'structural', 'dedicated_support', '驻场工程师')",
      [id],
    );
    const run = (
      await sql(
        "insert into score_runs (as_of, status, published_at) values (now(), 'published', now()) returning id",
      )
    ).rows[0].id;
    await scorePartition(t.database.db, run);
    await sql(
      "insert into customer_scores (run_id, customer_id, abc_class, rfm_r, p_alive, clv_quadrant) values ($1, $2, 'A', 5, 0.9, 'vip')",
      [run, id],
    );
    await sql("insert into score_runs (as_of, status) values (now(), 'running')");
    await sql(
      "insert into proposals (customer_id, from_stage, to_stage, rule, evidence) values ($1, 'new', 'problem', 'complaints_to_problem', $2)",
      [
        id,
        JSON.stringify([{ key: "overdue_complaints", value: 1, text: "1 past their due time" }]),
      ],
    );
  });
  afterAll(() => t.close());

  it("returns everything about a customer in one request", async () => {
    const response = await (await t.as("manager")).request("GET", `/api/customers/${id}/360`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.customer).toMatchObject({
      id,
      name: "全景客户",
      phone: "021-8888",
      stage: "new",
      ownerName: "manager",
    });
    expect(view.contacts.map((c: { name: string }) => c.name)).toEqual(["王总", "李工"]);
    expect(view.stageHistory.events.map((e: { to: string }) => e.to)).toEqual([
      "potential",
      "target",
      "new",
    ]);
    expect(view.needs.map((n: { title: string }) => n.title)).toEqual(["培训", "已满足需求"]);
    expect(
      view.deliveryRounds.map((r: { round: number; deliveries: unknown[] }) => [
        r.round,
        r.deliveries.length,
      ]),
    ).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(view.deliveryRounds[1].deliveries[0]).toMatchObject({
      valueTitle: "现场培训",
      outcome: "accepted",
    });
    expect(view.interactions).toHaveLength(50);
    expect(view.interactions[0]).toMatchObject({ summary: "通话1", actorName: "manager" });
    expect(
      view.complaints.map((k: { title: string; overdue: boolean }) => [k.title, k.overdue]),
    ).toEqual([
      ["延迟", true],
      ["旧事", false],
    ]);
    expect(view.bonds).toEqual([
      expect.objectContaining({ level: "structural", description: "驻场工程师" }),
    ]);
    expect(view.scores).toMatchObject({ abcClass: "A", rfmR: 5, pAlive: 0.9, clvQuadrant: "vip" });
    expect(view.upgradeConditions).toMatchObject({
      customerId: id,
      stage: "new",
      nextStage: "old",
    });
    expect(view.upgradeConditions.conditions).toHaveLength(6);
    expect(view.nextActions.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(["complaint", "proposal"]),
    );
    expect(view.nextActions[0]).toMatchObject({ kind: "complaint", priority: 95 });
    expect(view.openProposal).toMatchObject({
      from: "new",
      to: "problem",
      rule: "complaints_to_problem",
      direction: "down",
    });
  });

  it("drops fields above the reader's grade and audits confidential reads", async () => {
    const before = (
      await t.database.pool.query(
        "select count(*)::int as n from audit_log where customer_id = $1 and action = 'read_confidential'",
        [id],
      )
    ).rows[0].n;
    const view = (await (await t.as("analyst")).request("GET", `/api/customers/${id}/360`)).json();
    expect(view.customer).not.toHaveProperty("phone");
    expect(view.customer).not.toHaveProperty("closeness");
    expect(view.contacts[0]).not.toHaveProperty("phone");
    const after = (
      await t.database.pool.query(
        "select entity from audit_log where customer_id = $1 and action = 'read_confidential' order by id",
        [id],
      )
    ).rows;
    expect(after).toHaveLength(before);

    await (await t.as("manager")).request("GET", `/api/customers/${id}/360`);
    const audited = (
      await t.database.pool.query(
        "select entity from audit_log where customer_id = $1 and action = 'read_confidential' order by id",
        [id],
      )
    ).rows;
    expect(audited.slice(before).map((r) => r.entity)).toEqual(["customer", "contact"]);
    expect(
      (await (await t.as("outsider")).request("GET", `/api/customers/${id}/360`)).statusCode,
    ).toBe(404);
  });

  it("answers for a bare customer with empty sections and no scores", async () => {
    const bare = (
      await (
        await t.as("manager")
      ).request("POST", "/api/customers", { kind: "individual", name: "新人" })
    ).json().id;
    const view = (
      await (await t.as("manager")).request("GET", `/api/customers/${bare}/360`)
    ).json();
    expect(view).toMatchObject({
      contacts: [],
      needs: [],
      deliveryRounds: [],
      interactions: [],
      complaints: [],
      bonds: [],
      scores: null,
      openProposal: null,
    });
    expect(view.stageHistory.events).toHaveLength(1);
  });
});
