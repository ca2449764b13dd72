import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { users } from "../db/schema.js";
import { toActor } from "../auth/sessions.js";
import type { Actor } from "../auth/actor.js";
import { runImport } from "../imports/runImport.js";
import { readTable } from "../imports/readTable.js";
import { exportTable } from "./exportTable.js";
import type { ExportKind, ExportQuery } from "./exports.schema.js";

const INJECTION = "=cmd|' /C calc'!A0";

describe("export", () => {
  let t: TestApp;
  const actors = {} as Record<"admin" | "marketing" | "analyst" | "manager" | "outsider", Actor>;

  /** Exports into memory and reads the file back as rows of cells. */
  async function exported(
    actor: Actor,
    kind: ExportKind,
    query: Partial<ExportQuery> & Pick<ExportQuery, "format">,
  ) {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const result = await exportTable({
      db: t.database.db,
      grades: t.context.grades,
      actor,
      kind,
      query,
      output,
    });
    const file = Buffer.concat(chunks);
    const rows: string[][] = [];
    for await (const batch of readTable(Readable.from([file]), { format: query.format }))
      rows.push(...batch.map((r) => r.cells));
    return { result, file, header: rows[0]!, rows: rows.slice(1) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const key of ["admin", "marketing", "analyst", "manager", "outsider"] as const) {
      const [user] = await t.database.db.select().from(users).where(eq(users.id, t.users[key]));
      actors[key] = toActor(user!, "cli");
    }
    const east = [
      "externalRef,name,kind,region,phone,incomeBand,notes,tags,closeness,family",
      `E-1,华东精密,organization,上海,021-5555-0101,,"重要客户",重点;VIP,4,`,
      `E-2,"${INJECTION.replace(/"/g, '""')}",individual,杭州,+86 138 0000 0000,20-50万,@mention,,,"{""spouse"":""王芳""}"`,
    ].join("\n");
    await runImport({
      database: t.database,
      actor: actors.manager,
      kind: "customers",
      source: { stream: Readable.from([east]), fileName: "east.csv" },
    });
    await runImport({
      database: t.database,
      actor: actors.outsider,
      kind: "customers",
      source: {
        stream: Readable.from(["externalRef,name,kind,region\nW-1,西部物流,organization,成都\n"]),
        fileName: "west.csv",
      },
    });
    const tx =
      'customer_ref,occurred_at,amount,cost,product,external_ref\nE-1,2024-01-05T08:00:00Z,1234.50,-0,"-2+3",T-1\nE-1,2024-06-01T00:00:00Z,-20.05,,退款,T-2\nW-1,2024-02-01T00:00:00Z,99.99,,茶叶,T-3\n';
    await runImport({
      database: t.database,
      actor: actors.admin,
      kind: "transactions",
      source: { stream: Readable.from([tx]), fileName: "tx.csv" },
    });
    await runImport({
      database: t.database,
      actor: actors.admin,
      kind: "contacts",
      source: {
        stream: Readable.from(["客户编号,联系人,电话,兴趣爱好\nE-1,张伟,13800000000,钓鱼\n"]),
        fileName: "c.csv",
      },
    });
  });
  afterAll(() => t.close());

  it("exports only the customers the actor may read, and neutralises formulas", async () => {
    const { header, rows, file, result } = await exported(actors.manager, "customers", {
      format: "csv",
    });
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result.rows).toBe(2);
    const at = (row: string[], field: string) => row[header.indexOf(field)];
    expect(rows.map((r) => at(r, "externalRef"))).toEqual(["E-1", "E-2"]);
    expect(at(rows[1]!, "name")).toBe(`'${INJECTION}`);
    expect(at(rows[1]!, "phone")).toBe("'+86 138 0000 0000");
    expect(at(rows[1]!, "notes")).toBe("'@mention");
    expect(at(rows[0]!, "tags")).toBe("重点; VIP");
    expect(at(rows[1]!, "family")).toBe('{"spouse":"王芳"}');
    expect(at(rows[0]!, "ownerEmail")).toBe("manager@test.local");
    expect(file.toString()).not.toMatch(/\n=|,=/);
    const all = await exported(actors.admin, "customers", { format: "csv", region: ["成都"] });
    expect(all.rows.map((r) => r[all.header.indexOf("externalRef")])).toEqual(["W-1"]);
  });

  it("leaves out every field above the actor's grade, and audits confidential ones", async () => {
    const analyst = await exported(actors.analyst, "customers", { format: "csv" });
    expect(analyst.rows).toHaveLength(3);
    expect(analyst.header).toEqual(
      expect.arrayContaining(["externalRef", "name", "region", "tags"]),
    );
    for (const hidden of [
      "phone",
      "email",
      "incomeBand",
      "family",
      "notes",
      "closeness",
      "creditGrade",
    ]) {
      expect(analyst.header).not.toContain(hidden);
    }
    expect(analyst.file.toString()).not.toContain("13800000000");
    const marketing = await exported(actors.marketing, "customers", { format: "csv" });
    expect(marketing.header).toContain("closeness");
    expect(marketing.header).not.toContain("phone");
    const contacts = await exported(actors.marketing, "contacts", { format: "csv" });
    expect(contacts.header).toEqual(expect.arrayContaining(["customerRef", "name", "interests"]));
    expect(contacts.header).not.toContain("phone");

    const { rows } = await t.database.pool.query(
      "select actor_id, entity, after from audit_log where action = 'export' order by id",
    );
    const mine = rows.filter((r) => r.actor_id === t.users.manager);
    expect(mine[0].after).toMatchObject({
      format: "csv",
      rows: 2,
      complete: true,
      confidentialFields: expect.arrayContaining(["phone", "incomeBand"]),
    });
    expect(rows.find((r) => r.actor_id === t.users.analyst).after).not.toHaveProperty(
      "confidentialFields",
    );
  });

  it("exports transactions with exact amounts, within a time range", async () => {
    const { header, rows } = await exported(actors.manager, "transactions", {
      format: "csv",
      from: "2024-01-01T00:00:00Z",
      to: "2024-12-31T00:00:00Z",
    });
    const at = (row: string[], field: string) => row[header.indexOf(field)];
    expect(
      rows.map((r) => [at(r, "customerRef"), at(r, "amount"), at(r, "cost"), at(r, "product")]),
    ).toEqual([
      ["E-1", "1234.50", "0.00", "'-2+3"],
      ["E-1", "-20.05", "", "退款"],
    ]);
    const later = await exported(actors.admin, "transactions", {
      format: "csv",
      from: "2024-03-01T00:00:00Z",
    });
    expect(later.rows.map((r) => r[later.header.indexOf("externalRef")])).toEqual(["T-2"]);
  });

  it("round-trips customers and transactions through xlsx with Chinese headers", async () => {
    const snapshot = async () =>
      (
        await t.database.pool.query(
          "select external_ref, name, kind, region, phone, income_band, notes, tags, closeness, family, owner_id from customers where external_ref like 'E-%' order by external_ref",
        )
      ).rows;
    const txSnapshot = async () =>
      (
        await t.database.pool.query(
          "select external_ref, amount_cents, cost_cents, occurred_at, product from transactions order by external_ref",
        )
      ).rows;
    const before = await snapshot();
    const txBefore = await txSnapshot();
    const customersFile = (
      await exported(actors.manager, "customers", { format: "xlsx", headers: "zh" })
    ).file;
    const txFile = (await exported(actors.admin, "transactions", { format: "xlsx", headers: "zh" }))
      .file;
    expect(customersFile.subarray(0, 2).toString()).toBe("PK");

    await t.database.pool.query("delete from transactions");
    await t.database.pool.query("delete from customers where external_ref like 'E-%'");
    const source = (file: Buffer) => ({ stream: Readable.from([file]), fileName: "back.xlsx" });
    await runImport({
      database: t.database,
      actor: actors.manager,
      kind: "customers",
      source: source(customersFile),
    });
    await runImport({
      database: t.database,
      actor: actors.admin,
      kind: "transactions",
      source: source(txFile),
    });
    expect(await snapshot()).toEqual(before);
    expect(await txSnapshot()).toEqual(txBefore);
  });

  it("stops, instead of waiting forever, when the reader goes away", async () => {
    const output = new PassThrough({ highWaterMark: 16 }); // nobody reads it
    const exporting = exportTable({
      db: t.database.db,
      grades: t.context.grades,
      actor: actors.admin,
      kind: "customers",
      query: { format: "csv" },
      output,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    output.destroy();
    await expect(exporting).rejects.toThrow(/closed before the export finished|Premature close/);
    const { rows } = await t.database.pool.query(
      "select after from audit_log where action = 'export' order by id desc limit 1",
    );
    expect(rows[0].after).toMatchObject({ complete: false });
  });

  it("streams a download over HTTP and requires a format", async () => {
    const manager = await t.as("manager");
    const csv = await manager.request(
      "GET",
      `/api/exports/customers?format=csv&headers=zh&region=${encodeURIComponent("上海")}`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(
      /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^系统编号,客户编号,客户类别,客户名称,/);
    expect(lines[1]).toContain("华东精密");
    expect(lines.filter(Boolean)).toHaveLength(2);
    const xlsx = await manager.request("GET", "/api/exports/transactions?format=xlsx");
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const missing = await manager.request("GET", "/api/exports/customers");
    expect(missing.json().error).toMatchObject({ id: "validation_error", field: "format" });
  });
});
