import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runAbc } from "./abc.js";

async function csvFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ladder-abc-"));
  const file = path.join(dir, "transactions.csv");
  await writeFile(file, text);
  return file;
}

describe("runAbc", () => {
  it("totals revenue per customer up to the as-of day and classifies it", async () => {
    const file = await csvFile(
      [
        "id,date,amount",
        "a,2024-01-05,300.00",
        "a,2024-02-05,200.00", // a: 500
        "b,2024-01-10,300.00", // b: 300
        "c,2024-01-11,100.00", // c: 100
        "d,2024-01-12,60.00", // d: 60
        "e,2024-01-13,40.00", // e: 40
        "e,2024-06-01,999.99", // after --as-of
      ].join("\n"),
    );
    const report = await runAbc({ transactions: file, asOf: "2024-03-31", points: 3 });
    expect(report.asOf).toBe("2024-03-31");
    expect(report.total).toBe(1000);
    // shares before each customer: 0, .5, .8, .9, .96 → A A B B C
    expect(
      Object.fromEntries(Object.entries(report.customers).map(([id, c]) => [id, c.class])),
    ).toEqual({
      a: "A",
      b: "A",
      c: "B",
      d: "B",
      e: "C",
    });
    expect(report.classes.A).toEqual({ customers: 2, value: 800 });
    expect(report.customers.a).toMatchObject({ rank: 1, value: 500, share: 0.5, tier: "top" });
    expect(report.curve).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.6, valueShare: 0.9 }, // round(1 · 5/2) = 3 customers
      { customerShare: 1, valueShare: 1 },
    ]);
  });

  it("defaults the as-of day to the last transaction and names a missing column", async () => {
    const ok = await csvFile("customer_id,day,value\nx,20240301,10\ny,20240302,5\n");
    expect((await runAbc({ transactions: ok })).asOf).toBe("2024-03-02");
    const bad = await csvFile("id,when,amount\nx,2024-03-01,10\n");
    await expect(runAbc({ transactions: bad })).rejects.toThrow(/no column date/);
  });
});
