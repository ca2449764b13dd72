import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  centsToAmount,
  generateCustomersCsv,
  generateTransactionsCsv,
  TRANSACTION_CSV_COLUMNS,
} from "./demoCsv.js";

/** A Writable that keeps what it is given. */
function collector(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return Object.assign(sink, { text: () => Buffer.concat(chunks).toString("utf8") });
}

const options = { seed: 5, customers: 300, asOf: new Date("2025-06-30T00:00:00Z") };

describe("demo CSV files", () => {
  it("writes transactions keyed by customer reference, stopping at the limit", async () => {
    const out = collector();
    expect(await generateTransactionsCsv({ ...options, limit: 500 }, out)).toBe(500);
    const rows = parse(out.text()) as string[][];
    expect(rows[0]).toEqual([...TRANSACTION_CSV_COLUMNS]);
    expect(rows).toHaveLength(501);
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^C\d{6}$/);
      expect(Number.isNaN(Date.parse(row[1] ?? ""))).toBe(false);
      expect(row[2]).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it("writes the same file for the same options", async () => {
    const [a, b] = [collector(), collector()];
    await generateTransactionsCsv(options, a);
    await generateTransactionsCsv(options, b);
    expect(a.text()).toBe(b.text());
  });

  it("writes one customer a line, with the reference the transactions use", async () => {
    const out = collector();
    expect(await generateCustomersCsv(options, out)).toBe(300);
    const rows = parse(out.text(), { columns: true }) as Record<string, string>[];
    expect(rows[0]?.external_ref).toBe("C000001");
    expect(rows.every((row) => row.name && row.owner_email?.endsWith("@ladder.local"))).toBe(true);
  });

  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [123_456, "1234.56"],
  ])("formats %i cents as %s", (cents, text) => {
    expect(centsToAmount(cents)).toBe(text);
  });
});
