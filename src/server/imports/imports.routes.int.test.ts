import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Session, type TestApp } from "../../../test/support/testApp.js";
import type { ImportRecord } from "./imports.schema.js";

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, content: string, field = "file") {
  const boundary = "----ladder-test-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        "Content-Type: text/csv\r\n\r\n",
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("imports API", () => {
  let t: TestApp;
  let admin: Session;

  const upload = (
    session: Session,
    url: string,
    content: string,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: "POST",
      url,
      payload: content,
      headers: {
        cookie: session.cookie,
        "x-csrf-token": session.csrfToken,
        "content-type": "text/csv",
        ...headers,
      },
    });

  /** Follows an import until it has finished. */
  async function settle(session: Session, id: number): Promise<ImportRecord> {
    for (let i = 0; i < 200; i++) {
      const record = (await session.request("GET", `/api/imports/${id}`)).json() as ImportRecord;
      if (record.status === "succeeded" || record.status === "failed") return record;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the import did not finish");
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as("admin");
  });
  afterAll(() => t.close());

  it("previews a multipart upload without writing anything", async () => {
    const { body, contentType } = multipart(
      "客户.csv",
      "客户编号,客户名称,客户类别\nH-1,杭州云海电子,企业\nH-2,,企业\n",
    );
    const response = await t.app.inject({
      method: "POST",
      url: "/api/imports/customers?dryRun=true",
      payload: body,
      headers: {
        cookie: admin.cookie,
        "x-csrf-token": admin.csrfToken,
        "content-type": contentType,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      valid: false,
      rowCount: 2,
      errorCount: 1,
      errors: [{ line: 3, field: "name", column: "客户名称" }],
      sample: [{ externalRef: "H-1", name: "杭州云海电子", kind: "organization" }],
    });
    const { rows } = await t.database.pool.query("select count(*)::int as n from imports");
    expect(rows[0].n).toBe(0);
  });

  it("runs an import in the background, follows it, and replays it under the same Idempotency-Key", async () => {
    const file =
      "externalRef,name,kind\nH-1,杭州云海电子,organization\nH-2,杭州云帆物流,organization\n";
    const started = await upload(admin, "/api/imports/customers?fileName=hz.csv", file, {
      "idempotency-key": "hz-1",
    });
    expect(started.statusCode, started.body).toBe(202);
    const record = started.json() as ImportRecord;
    expect(record).toMatchObject({ kind: "customers", fileName: "hz.csv" });
    expect(await settle(admin, record.id)).toMatchObject({
      status: "succeeded",
      rowCount: 2,
      error: null,
    });

    const replay = await upload(admin, "/api/imports/customers", file, {
      "idempotency-key": "hz-1",
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: record.id, replayed: true, status: "succeeded" });
    expect(
      (
        await t.database.pool.query(
          "select count(*)::int as n from customers where external_ref like 'H-%'",
        )
      ).rows[0].n,
    ).toBe(2);

    const list = (await admin.request("GET", "/api/imports")).json() as { items: ImportRecord[] };
    expect(list.items.map((i) => i.id)).toContain(record.id);
  });

  it("reports the failing line of a background import", async () => {
    const started = await upload(
      admin,
      "/api/imports/transactions",
      "customer_ref,occurred_at,amount\nH-1,2024-01-01,1.00\nH-1,2024-01-02,abc\n",
    );
    expect(started.statusCode).toBe(202);
    const done = await settle(admin, (started.json() as ImportRecord).id);
    expect(done).toMatchObject({
      status: "failed",
      rowCount: 0,
      error: { line: 3, field: "amount" },
    });
    expect(
      (await t.database.pool.query("select count(*)::int as n from transactions")).rows[0].n,
    ).toBe(0);
  });

  it("refuses analysts, other users' imports, and bodies that are not files", async () => {
    const analyst = await t.as("analyst");
    expect(
      (await upload(analyst, "/api/imports/customers", "name,kind\nx,organization\n")).statusCode,
    ).toBe(403);
    const manager = await t.as("manager");
    const { items } = (await admin.request("GET", "/api/imports")).json() as {
      items: ImportRecord[];
    };
    expect((await manager.request("GET", `/api/imports/${items[0]!.id}`)).statusCode).toBe(404);
    expect((await manager.request("GET", "/api/imports")).json()).toEqual({ items: [] });
    const json = await admin.request("POST", "/api/imports/customers", { name: "x" });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.id).toBe("unsupported_media_type");
    const xls = await upload(admin, "/api/imports/customers?fileName=old.xls", "x");
    expect(xls.json().error).toMatchObject({ id: "validation_error", field: "file" });
    expect((await upload(admin, "/api/imports/planets", "x")).json().error).toMatchObject({
      id: "validation_error",
      field: "kind",
    });
  });

  it("describes the routes in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/imports/{kind}", "/api/imports/{id}", "/api/imports"]),
    );
    expect(doc.paths["/api/imports/{kind}"].post.tags).toEqual(["imports"]);
  });
});
