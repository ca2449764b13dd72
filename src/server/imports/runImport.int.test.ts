import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { users } from "../db/schema.js";
import { toActor } from "../auth/sessions.js";
import type { Actor } from "../auth/actor.js";
import { runImport } from "./runImport.js";
import { previewImport } from "./previewImport.js";
import type { ImportKind } from "./imports.schema.js";

const csv = (text: string, fileName = "file.csv") => ({
  stream: Readable.from([Buffer.from(text)]),
  fileName,
});

describe("import", () => {
  let t: TestApp;
  let admin: Actor;
  let manager: Actor;
  let outsider: Actor;
  const count = async (table: string) =>
    Number((await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  const actorOf = async (id: number) => {
    const [user] = await t.database.db.select().from(users).where(eq(users.id, id));
    return toActor(user!, "cli");
  };
  const run = (
    actor: Actor,
    kind: ImportKind,
    text: string,
    more: { idempotencyKey?: string } = {},
  ) => runImport({ database: t.database, actor, kind, source: csv(text), ...more });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actorOf(t.users.admin);
    manager = await actorOf(t.users.manager);
    outsider = await actorOf(t.users.outsider);
  });
  afterAll(() => t.close());

  it("imports customers with Chinese headers and values, each with a first stage event", async () => {
    const file =
      "客户编号,客户名称,客户类别,行业,地区,规模,客户阶段,标签,客户经理,成立日期,品类年支出\n" +
      `ZH-1,上海星河科技有限公司,企业,制造业,上海,大型,核心客户,重点、VIP,manager@test.local,2001/5/8,"¥1,200,000.50"\n` +
      "ZH-2,王芳,个人,,北京,,,,,,\n";
    const result = await run(admin, "customers", file);
    expect(result).toMatchObject({ status: "succeeded", rowCount: 2, kind: "customers" });
    const { rows } = await t.database.pool.query(
      "select name, kind, industry, region, scale, stage, tags, owner_id, founded_on::text, category_spend_cents, created_by from customers where external_ref like 'ZH-%' order by external_ref",
    );
    expect(rows[0]).toMatchObject({
      name: "上海星河科技有限公司",
      kind: "organization",
      industry: "制造业",
      region: "上海",
      scale: "large",
      stage: "core",
      tags: ["重点", "VIP"],
      owner_id: t.users.manager,
      founded_on: "2001-05-08",
      category_spend_cents: 120000050,
      created_by: t.users.admin,
    });
    expect(rows[1]).toMatchObject({
      name: "王芳",
      kind: "individual",
      stage: "potential",
      owner_id: t.users.admin,
    });
    const events = await t.database.pool.query(
      "select e.to_stage, e.reason from stage_events e join customers c on c.id = e.customer_id where c.external_ref like 'ZH-%' order by c.external_ref",
    );
    expect(events.rows).toEqual([
      { to_stage: "core", reason: "imported" },
      { to_stage: "potential", reason: "imported" },
    ]);
    const audit = await t.database.pool.query(
      "select action, entity, after from audit_log where entity = 'import' and entity_id = $1",
      [String(result.id)],
    );
    expect(audit.rows).toEqual([
      {
        action: "import",
        entity: "import",
        after: { kind: "customers", fileName: "file.csv", rowCount: 2 },
      },
    ]);
  });

  it("imports nothing when one row in the middle is bad, and names its line and reason", async () => {
    const customersBefore = await count("customers");
    const lines = ["externalRef,name,kind,email"];
    for (let i = 0; i < 5000; i++)
      lines.push(
        `BAD-${i},客户${i},organization,${i === 2500 ? "not-an-email" : `c${i}@example.cn`}`,
      );
    await expect(run(admin, "customers", lines.join("\n"))).rejects.toMatchObject({
      id: "import_failed",
      status: 422,
      details: { line: 2502, field: "email" },
      message: expect.stringMatching(/^Line 2502, email: /),
    });
    expect(await count("customers")).toBe(customersBefore);

    const txBefore = await count("transactions");
    const tx = ["customer_ref,occurred_at,amount,cost,quantity,product,channel,external_ref"];
    for (let i = 0; i < 6000; i++)
      tx.push(
        `ZH-1,2024-01-${String(1 + (i % 28)).padStart(2, "0")},${i}.50,1.00,1,传感器,直销,MID-${i}`,
      );
    tx[3001] = "ZH-1,2024-01-05,12.345,1.00,1,传感器,直销,MID-3000";
    await expect(run(admin, "transactions", tx.join("\n"))).rejects.toMatchObject({
      details: { line: 3002, field: "amount", column: "amount" },
      message: 'Line 3002, amount: "12.345" has more than 2 decimal places',
    });
    tx[3001] = "ZH-404,2024-01-05,12.34,1.00,1,传感器,直销,MID-3000";
    await expect(run(admin, "transactions", tx.join("\n"))).rejects.toMatchObject({
      details: { line: 3002, field: "customerRef" },
      message: 'Line 3002, column "customer_ref" (customerRef): no customer with reference ZH-404',
    });
    tx[3001] = "ZH-1,2024-01-05,12.34,1.00,1,传感器,直销,MID-17";
    await expect(run(admin, "transactions", tx.join("\n"))).rejects.toMatchObject({
      details: { line: 3002, field: "externalRef" },
    });
    expect(await count("transactions")).toBe(txBefore);
    const failed = await t.database.pool.query(
      "select status, error from imports where status = 'failed' order by id desc limit 1",
    );
    expect(JSON.parse(failed.rows[0].error)).toMatchObject({ line: 3002, field: "externalRef" });
  });

  it("stores amounts as exact cents and keeps purchase summaries current", async () => {
    const file =
      '客户编号,交易时间,金额,成本,数量,产品,渠道\nZH-2,2024-03-01T10:00:00+08:00,0.29,0.10,2,茶叶,门店\nZH-2,2024-03-09,"1,000.07",,,茶叶,\n';
    await run(admin, "transactions", file);
    const { rows } = await t.database.pool.query(
      "select t.amount_cents, t.cost_cents, t.quantity, t.occurred_at, t.import_id is not null as tagged from transactions t join customers c on c.id = t.customer_id where c.external_ref = 'ZH-2' order by t.occurred_at",
    );
    expect(rows).toEqual([
      {
        amount_cents: 29,
        cost_cents: 10,
        quantity: 2,
        occurred_at: new Date("2024-03-01T02:00:00Z"),
        tagged: true,
      },
      {
        amount_cents: 100007,
        cost_cents: null,
        quantity: 1,
        occurred_at: new Date("2024-03-09T00:00:00Z"),
        tagged: true,
      },
    ]);
    const summary = await t.database.pool.query(
      "select s.transaction_count, s.revenue_cents, s.purchase_days from purchase_summaries s join customers c on c.id = s.customer_id where c.external_ref = 'ZH-2'",
    );
    expect(summary.rows).toEqual([
      { transaction_count: 2, revenue_cents: 100036, purchase_days: 2 },
    ]);
  });

  it("imports contacts by their customer's reference, within what the actor may change", async () => {
    await run(manager, "customers", "externalRef,name,kind\nEAST-1,东区客户,organization\n");
    await run(outsider, "customers", "externalRef,name,kind\nWEST-1,西区客户,organization\n");
    const file =
      "客户编号,联系人,职务,采购角色,关键人,电话\nEAST-1,张伟,采购经理,采购者,是,13800000000\nWEST-1,李雷,总经理,决策者,否,\n";
    await expect(run(manager, "contacts", file)).rejects.toMatchObject({
      details: { line: 3, field: "customerRef" },
      message: expect.stringContaining("among the customers you may change"),
    });
    await run(manager, "contacts", file.split("\n").slice(0, 2).join("\n"));
    const { rows } = await t.database.pool.query(
      "select k.name, k.title, k.buying_role, k.is_key, k.phone from contacts k join customers c on c.id = k.customer_id where c.external_ref = 'EAST-1'",
    );
    expect(rows).toEqual([
      {
        name: "张伟",
        title: "采购经理",
        buying_role: "purchaser",
        is_key: true,
        phone: "13800000000",
      },
    ]);
    await expect(
      run(manager, "customers", "name,kind,ownerEmail\n越权,organization,outsider@test.local\n"),
    ).rejects.toMatchObject({
      details: { line: 2, field: "ownerEmail" },
    });
  });

  it("replays a succeeded import under the same idempotency key, and retries a failed one", async () => {
    const file = "customer_ref,occurred_at,amount\nZH-1,2024-05-01,10.00\n";
    const first = await run(admin, "transactions", file, { idempotencyKey: "batch-42" });
    const again = await run(admin, "transactions", file, { idempotencyKey: "batch-42" });
    expect(again).toMatchObject({ id: first.id, status: "succeeded", replayed: true, rowCount: 1 });
    expect(
      Number(
        (
          await t.database.pool.query("select count(*) from transactions where import_id = $1", [
            first.id,
          ])
        ).rows[0].count,
      ),
    ).toBe(1);
    await expect(
      run(manager, "transactions", file, { idempotencyKey: "batch-42" }),
    ).rejects.toMatchObject({ id: "conflict" });

    await expect(
      run(admin, "transactions", "customer_ref,occurred_at,amount\nZH-1,soon,1\n", {
        idempotencyKey: "batch-43",
      }),
    ).rejects.toMatchObject({ id: "import_failed" });
    const retried = await run(admin, "transactions", file, { idempotencyKey: "batch-43" });
    expect(retried).toMatchObject({ status: "succeeded", rowCount: 1, replayed: false });
  });

  it("resolves thousands of customer references at once, still within the actor's customers", async () => {
    const customers = ["externalRef,name,kind"];
    for (let i = 0; i < 1500; i++) customers.push(`MANY-${i},批量客户${i},organization`);
    await run(manager, "customers", customers.join("\n"));
    const tx = ["customer_ref,occurred_at,amount"];
    for (let i = 0; i < 3000; i++) tx.push(`MANY-${i % 1500},2024-07-01,${i}.00`);
    await expect(run(outsider, "transactions", tx.join("\n"))).rejects.toMatchObject({
      details: { line: 2, field: "customerRef" },
    });
    tx[2500] = "WEST-1,2024-07-01,1.00";
    await expect(run(manager, "transactions", tx.join("\n"))).rejects.toMatchObject({
      details: { line: 2501, field: "customerRef" },
    });
    tx[2500] = "MANY-7,2024-07-01,1.00";
    expect(await run(manager, "transactions", tx.join("\n"))).toMatchObject({
      status: "succeeded",
      rowCount: 3000,
    });
  });

  it("imports an xlsx workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("客户");
    sheet.addRow(["客户编号", "客户名称", "客户类别", "员工人数", "成立日期"]);
    sheet.addRow(["XL-1", "深圳云帆物流", "企业", 320, new Date(Date.UTC(2010, 6, 1))]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await runImport({
      database: t.database,
      actor: admin,
      kind: "customers",
      source: { stream: Readable.from([buffer]), fileName: "客户.xlsx" },
    });
    const { rows } = await t.database.pool.query(
      "select name, employees, founded_on::text from customers where external_ref = 'XL-1'",
    );
    expect(rows).toEqual([{ name: "深圳云帆物流", employees: 320, founded_on: "2010-07-01" }]);
  });

  it("previews a file without writing: every error (first N), a sample and the column mapping", async () => {
    const before = await count("customers");
    const file =
      "客户编号,客户名称,类型,星座\nPV-1,甲公司,企业,白羊\nPV-2,,企业,\nPV-3,丙公司,火星,\nPV-1,丁公司,个人,\nZH-1,戊公司,企业,\n";
    const preview = await previewImport({
      database: t.database,
      actor: admin,
      kind: "customers",
      source: csv(file),
    });
    expect(preview).toMatchObject({
      valid: false,
      rowCount: 5,
      errorCount: 4,
      ignoredColumns: ["星座"],
      columns: [
        { header: "客户编号", field: "externalRef" },
        { header: "客户名称", field: "name" },
        { header: "类型", field: "kind" },
      ],
    });
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "name"],
      [4, "kind"],
      [5, "externalRef"],
      [6, "externalRef"],
    ]);
    expect(preview.sample).toEqual([
      expect.objectContaining({ externalRef: "PV-1", name: "甲公司", kind: "organization" }),
    ]);
    expect(await count("customers")).toBe(before);
    const staging = await t.database.pool.query(
      "select count(*)::int as n from pg_tables where tablename like 'import\\_%'",
    );
    expect(staging.rows[0].n).toBe(0);
  });

  it("explains an unusable file", async () => {
    await expect(run(admin, "transactions", "")).rejects.toMatchObject({
      message: expect.stringMatching(/empty/),
    });
    await expect(run(admin, "transactions", "customer,when,how much\n")).rejects.toMatchObject({
      details: { line: 1 },
      message: expect.stringMatching(/missing required columns customerRef/),
    });
    await expect(
      run(admin, "transactions", 'customer_ref,occurred_at,amount\nZH-1,2024-01-01,"1\n'),
    ).rejects.toMatchObject({ details: { line: 2 } });
    await expect(
      run(admin, "customers", "name,kind\nx,organization,extra\n"),
    ).rejects.toMatchObject({ message: expect.stringMatching(/has 3 values/) });
  });
});
