import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { runProposalEngine } from "./runProposalEngine.js";

describe("proposals API and engine", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  /** A customer in `stage` since `sinceDays` ago, with evidence written straight to the tables. */
  async function customer(
    stage: string,
    evidence: {
      purchases?: number;
      lastPurchaseDays?: number;
      openCoreNeed?: boolean;
      overdueComplaint?: boolean;
      accepted?: number;
      closeness?: number;
      sinceDays?: number;
    } = {},
    as: Parameters<TestApp["as"]>[0] = "manager",
  ) {
    const response = await (
      await t.as(as)
    ).request("POST", "/api/customers", {
      kind: "organization",
      name: `提案${stage}`,
      ...(evidence.closeness ? { closeness: evidence.closeness } : {}),
    });
    const id = response.json().id as number;
    await sql("update customers set stage = $2, stage_since = $3 where id = $1", [
      id,
      stage,
      ago(evidence.sinceDays ?? 30),
    ]);
    if (evidence.purchases) {
      await sql(
        `insert into purchase_summaries (customer_id, first_purchase_at, last_purchase_at, purchase_days, transaction_count, revenue_cents, cost_cents, repeat_revenue_cents)
         values ($1, $2, $3, $4, $4, 100000, 0, 0)`,
        [id, ago(200), ago(evidence.lastPurchaseDays ?? 5), evidence.purchases],
      );
    }
    if (evidence.openCoreNeed)
      await sql(
        "insert into needs (customer_id, level, kind, title, status) values ($1, 'core', 'quality', '质量稳定', 'open')",
        [id],
      );
    if (evidence.overdueComplaint) {
      await sql(
        "insert into complaints (customer_id, title, step, step_due_at) values ($1, '发货延迟', 'record', now() - interval '2 days')",
        [id],
      );
    }
    for (let i = 0; i < (evidence.accepted ?? 0); i++) {
      await sql(
        "insert into deliveries (customer_id, round, stage_at_plan, status, outcome) values ($1, $2, $3, 'evaluated', 'accepted')",
        [id, i + 1, stage],
      );
    }
    return id;
  }

  const openProposal = async (customerId: number) =>
    (
      await sql(
        "select id, from_stage, to_stage, rule, evidence from proposals where customer_id = $1 and status = 'open'",
        [customerId],
      )
    ).rows[0];
  const run = async (as: Parameters<TestApp["as"]>[0] = "marketing") => {
    const response = await (await t.as(as)).request("POST", "/api/proposals/run", {});
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  let firstBuyer: number;
  let heldBack: number;
  let complainer: number;
  let complainerWithNeed: number;
  let quiet: number;
  let endorsed: number;

  it("proposes from evidence, holds upgrades back while a core need is open, and moves no one", async () => {
    firstBuyer = await customer("target", { purchases: 1 });
    heldBack = await customer("target", { purchases: 1, openCoreNeed: true });
    complainer = await customer("old", { purchases: 4, overdueComplaint: true });
    complainerWithNeed = await customer("old", {
      purchases: 4,
      overdueComplaint: true,
      openCoreNeed: true,
    });
    quiet = await customer("potential");
    endorsed = await customer("old", { purchases: 6, accepted: 3, closeness: 5, sinceDays: 200 });
    const stagesBefore = (await sql("select id, stage, version from customers order by id")).rows;

    const result = await run();
    expect(result).toMatchObject({
      scanned: stagesBefore.length,
      created: 4,
      staled: 0,
      heldBack: 1,
    });
    expect(await openProposal(firstBuyer)).toMatchObject({
      from_stage: "target",
      to_stage: "new",
      rule: "first_purchase_to_new",
    });
    expect(await openProposal(heldBack)).toBeUndefined();
    expect(await openProposal(complainer)).toMatchObject({
      to_stage: "problem",
      rule: "complaints_to_problem",
    });
    expect(await openProposal(complainerWithNeed)).toMatchObject({
      to_stage: "problem",
      rule: "complaints_to_problem",
    });
    expect(await openProposal(quiet)).toBeUndefined();
    expect(await openProposal(endorsed)).toMatchObject({
      to_stage: "core",
      rule: "endorsed_to_core",
    });
    expect((await sql("select id, stage, version from customers order by id")).rows).toEqual(
      stagesBefore,
    );
    const audit = (
      await sql("select actor_id, after from audit_log where action = 'run_proposal_engine'")
    ).rows;
    expect(audit).toEqual([
      { actor_id: t.users.marketing, after: expect.objectContaining({ created: 4 }) },
    ]);
  });

  it("keeps one open proposal per customer: reruns change nothing, unsupported ones go stale, changed ones are replaced", async () => {
    expect(await run()).toMatchObject({ created: 0, refreshed: 0, staled: 0 });
    const before = await openProposal(firstBuyer);
    // An open core need now holds the upgrade back: the proposal goes stale.
    await sql(
      "insert into needs (customer_id, level, kind, title, status) values ($1, 'core', 'service', '上门服务', 'open')",
      [firstBuyer],
    );
    expect(await run()).toMatchObject({ created: 0, staled: 1 });
    expect(
      (await sql("select status from proposals where id = $1", [before.id])).rows[0].status,
    ).toBe("stale");
    await sql("update needs set status = 'met' where customer_id = $1", [firstBuyer]);
    expect(await run()).toMatchObject({ created: 1, staled: 0 });

    // The rule result changes (moved back to potential by hand): the open one is replaced.
    const replaced = await customer("target", { purchases: 1 });
    await run();
    const old = await openProposal(replaced);
    await sql("update customers set stage = 'potential' where id = $1", [replaced]);
    expect(await run()).toMatchObject({ created: 1, staled: 1 });
    expect(await openProposal(replaced)).toMatchObject({
      from_stage: "potential",
      to_stage: "target",
      rule: "engaged_to_target",
    });
    expect((await sql("select status from proposals where id = $1", [old.id])).rows[0].status).toBe(
      "stale",
    );
    expect(
      (
        await sql(
          "select count(*)::int as n from proposals where customer_id = $1 and status = 'open'",
          [replaced],
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it("lists proposals with filters and keyset paging, within the reader's reach", async () => {
    const me = await t.as("manager");
    const open = (await me.request("GET", "/api/proposals?status=open&limit=200")).json();
    expect(open.items.every((p: { status: string }) => p.status === "open")).toBe(true);
    const byRule = (
      await me.request("GET", "/api/proposals?rule=complaints_to_problem&stage=old")
    ).json();
    expect(byRule.items.map((p: { customerId: number }) => p.customerId).sort()).toEqual(
      [complainer, complainerWithNeed].sort(),
    );
    expect(byRule.items[0]).toMatchObject({
      from: "old",
      to: "problem",
      direction: "down",
      ownerName: "manager",
      customerName: "提案old",
    });
    expect(byRule.items[0].evidence.map((e: { key: string }) => e.key)).toEqual([
      "open_complaints",
      "overdue_complaints",
    ]);

    const all = (await me.request("GET", "/api/proposals?limit=200"))
      .json()
      .items.map((p: { id: number }) => p.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await me.request("GET", `/api/proposals?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect([...all].sort((a, b) => b - a)).toEqual(all);

    const outsider = await t.as("outsider");
    expect((await outsider.request("GET", "/api/proposals?limit=200")).json().items).toEqual([]);
    const oneId = (await openProposal(complainer)).id;
    expect((await outsider.request("GET", `/api/proposals/${oneId}`)).statusCode).toBe(404);
    expect(
      (await me.request("GET", `/api/proposals?ownerId=${t.users.outsider}`)).json().items,
    ).toEqual([]);
    // Closeness is graded internal: analysts do not see it among the evidence.
    const endorsedFor = async (as: Parameters<TestApp["as"]>[0]) =>
      (await (await t.as(as)).request("GET", `/api/proposals?customerId=${endorsed}&status=open`))
        .json()
        .items[0].evidence.map((e: { key: string }) => e.key);
    expect(await endorsedFor("manager")).toContain("closeness");
    expect(await endorsedFor("analyst")).not.toContain("closeness");
  });

  it("accepts a proposal: the customer moves with the evidence as the reason", async () => {
    const proposal = await openProposal(firstBuyer);
    expect(
      (await (await t.as("analyst")).request("POST", `/api/proposals/${proposal.id}/accept`, {}))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await t.as("outsider")).request("POST", `/api/proposals/${proposal.id}/accept`, {}))
        .statusCode,
    ).toBe(404);
    const response = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${proposal.id}/accept`, { note: "确认首单" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: "accepted",
      decidedBy: t.users.manager,
      decidedByName: "manager",
      decisionNote: "确认首单",
    });
    expect(
      (await sql("select stage from customers where id = $1", [firstBuyer])).rows[0].stage,
    ).toBe("new");
    const [event] = (
      await sql(
        "select from_stage, to_stage, reason, proposal_id, actor_id from stage_events where customer_id = $1 order by id desc limit 1",
        [firstBuyer],
      )
    ).rows;
    expect(event).toMatchObject({
      from_stage: "target",
      to_stage: "new",
      proposal_id: proposal.id,
      actor_id: t.users.manager,
    });
    expect(event.reason).toMatch(
      /^Accepted proposal #\d+ \(first_purchase_to_new\): first purchase on \d{4}-\d\d-\d\d — 确认首单$/,
    );
    const again = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${proposal.id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ id: "conflict", status: "accepted" });
    const actions = (
      await sql(
        "select action from audit_log where customer_id = $1 and action in ('change_stage', 'accept_proposal') order by id",
        [firstBuyer],
      )
    ).rows;
    expect(actions.map((a) => a.action)).toEqual(["change_stage", "accept_proposal"]);
  });

  it("keeps graded evidence out of the stage event's reason", async () => {
    const proposal = await openProposal(endorsed);
    expect(
      (await (await t.as("admin")).request("POST", `/api/proposals/${proposal.id}/accept`, {}))
        .statusCode,
    ).toBe(200);
    const [event] = (
      await sql("select reason from stage_events where customer_id = $1 order by id desc limit 1", [
        endorsed,
      ])
    ).rows;
    expect(event.reason).toMatch(/accepted/);
    expect(event.reason).not.toMatch(/closeness/);
  });

  it("rejects a proposal with a note, and the engine does not ask again in the same stage", async () => {
    const proposal = await openProposal(complainer);
    const noNote = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${proposal.id}/reject`, {});
    expect(noNote.json().error).toMatchObject({ id: "validation_error", field: "note" });
    const response = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${proposal.id}/reject`, { note: "客户已在电话中谅解" });
    expect(response.json()).toMatchObject({
      status: "rejected",
      decisionNote: "客户已在电话中谅解",
    });
    expect(
      (await sql("select stage from customers where id = $1", [complainer])).rows[0].stage,
    ).toBe("old");
    await run();
    expect(await openProposal(complainer)).toBeUndefined();
  });

  it("refuses to accept a proposal made for a stage the customer has left", async () => {
    const id = await customer("target", { purchases: 1 });
    await run();
    const byHand = await openProposal(id);
    // Moving by hand stales the open proposal at once.
    expect(
      (
        await (
          await t.as("manager")
        ).request("POST", `/api/customers/${id}/stage`, { to: "potential", reason: "重新评估" })
      ).statusCode,
    ).toBe(200);
    const stale = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${byHand.id}/accept`, {});
    expect(stale.json().error).toMatchObject({ id: "conflict", status: "stale" });

    // A stage written around the API (an import, say) is caught at accept time.
    const other = await customer("target", { purchases: 1 });
    await run();
    const proposal = await openProposal(other);
    await sql("update customers set stage = 'new' where id = $1", [other]);
    const response = await (
      await t.as("manager")
    ).request("POST", `/api/proposals/${proposal.id}/accept`, {});
    expect(response.statusCode).toBe(409);
    expect(
      (await sql("select status from proposals where id = $1", [proposal.id])).rows[0].status,
    ).toBe("stale");
    expect((await sql("select stage from customers where id = $1", [other])).rows[0].stage).toBe(
      "new",
    );
  });

  it("lets only admins and marketing managers run the engine, and pages through many customers", async () => {
    expect(
      (await (await t.as("manager")).request("POST", "/api/proposals/run", {})).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as("analyst")).request("POST", "/api/proposals/run", {})).statusCode,
    ).toBe(403);
    // Tiny batches, several at a time, give the same answer as one big one.
    const openBefore = (
      await sql(
        "select customer_id, rule from proposals where status = 'open' order by customer_id",
      )
    ).rows;
    const result = await runProposalEngine({ db: t.database.db, batchSize: 2, concurrency: 3 });
    expect(result).toMatchObject({ created: 0, staled: 0 });
    expect(
      (
        await sql(
          "select customer_id, rule from proposals where status = 'open' order by customer_id",
        )
      ).rows,
    ).toEqual(openBefore);
    // Archived customers lose their open proposals.
    const archived = openBefore.at(-1)!.customer_id;
    await sql("update customers set archived_at = now() where id = $1", [archived]);
    expect(await runProposalEngine({ db: t.database.db, batchSize: 2 })).toMatchObject({
      staled: 1,
    });
    expect(await openProposal(archived)).toBeUndefined();
  });
});
