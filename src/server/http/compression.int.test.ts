import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";

describe("response compression", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.database.pool.query(
      "insert into customers (kind, name, owner_id) select 'organization', '压缩测试客户' || g, $1 from generate_series(1, 60) g",
      [t.users.admin],
    );
  });
  afterAll(() => t.close());

  const list = async (encoding?: string) =>
    (await t.as("admin")).request(
      "GET",
      "/api/customers?limit=50",
      undefined,
      encoding ? { "accept-encoding": encoding } : {},
    );

  it("compresses a JSON list for a client that accepts brotli or gzip, to the same content", async () => {
    const plain = await list();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const br = await list("br, gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    const gzip = await list("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const decoded = [brotliDecompressSync(br.rawPayload), gunzipSync(gzip.rawPayload)];
    for (const body of decoded) expect(JSON.parse(body.toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it("keeps errors readable and compressed alike", async () => {
    const response = await (
      await t.as("admin")
    ).request("GET", "/api/customers?limit=abc", undefined, { "accept-encoding": "gzip" });
    expect(response.statusCode).toBe(400);
    const body =
      response.headers["content-encoding"] === "gzip"
        ? gunzipSync(response.rawPayload).toString()
        : response.body;
    expect(JSON.parse(body)).toMatchObject({ error: { id: "validation_error", field: "limit" } });
  });
});
