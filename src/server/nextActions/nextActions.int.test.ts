import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

describe("next best actions API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
  const one = async (text: string, values: unknown[] = []) => (await sql(text, values)).rows[0];
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it("ranks complaints, core needs, the proposal, the overdue stage, interactions and deliveries", async () => {
    const id = (
      await (
        await t.as("manager")
      ).request("POST", "/api/customers", { kind: "organization", name: "行动客户" })
    ).json().id;
    await sql(
      "update customers set stage = 'old', stage_since = now() - interval '400 days' where id = $1",
      [id],
    );
    const need = await one(
      "insert into needs (customer_id, level, kind, title, status) values ($1, 'core', 'quality', '批次一致', 'open') returning id",
      [id],
    );
    await sql(
      "insert into needs (customer_id, level, kind, title, status) values ($1, 'core', 'service', '已满足', 'met')",
      [id],
    );
    const late = await one(
      "insert into complaints (customer_id, title, step, step_due_at) values ($1, '质量投诉', 'record', now() - interval '1 day') returning id",
      [id],
    );
    await sql(
      "insert into complaints (customer_id, title, step, closed_at) values ($1, '旧投诉', 'closed', now())",
      [id],
    );
    const value = await one(
      `insert into value_items (title, scope, kind, statement, stages, need_kinds, competitors_lacking)
       values ('质量追溯系统', 'core', 'technology', '全程可追溯', '{old,core}', '{quality}', '{对手甲}') returning id`,
    );
    await sql(
      "insert into value_items (title, scope, kind, statement, stages, need_kinds, active) values ('停用项', 'core', 'technology', 'x', '{old}', '{quality}', false)",
    );
    const plan = await one(
      `insert into interaction_plans (name, customer_id, goals, frequency_days, starts_on)
       values ('季度回访', $1, $2, 30, $3) returning id`,
      [
        id,
        JSON.stringify([
          { text: "确认续约", due: day(-2), met: false },
          { text: "已完成", due: day(-5), met: true },
          { text: "年底总结", due: day(90), met: false },
        ]),
        day(-60),
      ],
    );
    const proposal = await one(
      "insert into proposals (customer_id, from_stage, to_stage, rule, evidence) values ($1, 'old', 'problem', 'complaints_to_problem', '[]') returning id",
      [id],
    );

    const response = await (
      await t.as("analyst")
    ).request("GET", `/api/customers/${id}/next-actions`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(
      items.map((a: { kind: string; target: { type: string; id: number } }) => [
        a.kind,
        a.target.type,
        a.target.id,
      ]),
    ).toEqual([
      ["complaint", "complaint", late.id],
      ["core_need", "need", need.id],
      ["proposal", "proposal", proposal.id],
      ["overdue_stage", "customer", id],
      ["interaction", "interaction_plan", plan.id],
      ["delivery", "value_item", value.id],
      ["interaction", "interaction_plan", plan.id],
    ]);
    const delivery = items.find((a: { kind: string }) => a.kind === "delivery");
    expect(delivery.title).toBe("质量追溯系统");
    expect(delivery.reason).toMatch(/批次一致/);
    expect(items.find((a: { kind: string }) => a.kind === "overdue_stage").reason).toMatch(
      /Expect competitors/,
    );
    for (const item of items) expect(item.priority).toBeGreaterThan(0);

    expect(
      (await (await t.as("outsider")).request("GET", `/api/customers/${id}/next-actions`))
        .statusCode,
    ).toBe(404);
  });

  it("is empty for a new record with nothing to do", async () => {
    const id = (
      await (
        await t.as("manager")
      ).request("POST", "/api/customers", { kind: "individual", name: "空白" })
    ).json().id;
    await sql("delete from value_items");
    const body = (
      await (await t.as("manager")).request("GET", `/api/customers/${id}/next-actions`)
    ).json();
    expect(body).toMatchObject({ customerId: id, items: [] });
  });
});
