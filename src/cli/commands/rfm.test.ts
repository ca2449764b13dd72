import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTransactionsCsv, runRfm } from "./rfm.js";

async function csvFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ladder-rfm-"));
  const file = path.join(dir, "transactions.csv");
  await writeFile(file, text);
  return file;
}

describe("runRfm", () => {
  it("scores every customer who bought by the as-of day", async () => {
    // five customers with distinct recency, frequency and spend: each score 1–5 once
    const rows = ["id,date,amount"];
    const days = ["2024-03-30", "2024-03-20", "2024-03-01", "2024-02-01", "2024-01-01"];
    days.forEach((date, i) => {
      const id = `c${i + 1}`;
      // c1 buys 5 times (the last on `date`), c5 once; spend 100 per visit
      for (let k = 0; k < 5 - i; k++) rows.push(`${id},2023-0${k + 1}-15,100.00`);
      rows.push(`${id},${date},0.50`);
    });
    const report = await runRfm({
      transactions: await csvFile(rows.join("\n")),
      asOf: "2024-03-31",
    });
    expect(report.customers.c1).toEqual({
      recencyDays: 1,
      frequency: 6,
      monetary: 500.5,
      r: 5,
      f: 5,
      m: 5,
      segment: "champions",
    });
    expect(report.customers.c5).toMatchObject({
      recencyDays: 90,
      frequency: 2,
      r: 1,
      f: 1,
      m: 1,
      segment: "lost",
    });
    expect(report.cutPoints.recency).toEqual([90, 59, 30, 11]);
    expect(Object.values(report.segments).reduce((s, n) => s + n, 0)).toBe(5);
  });
});

describe("readTransactionsCsv", () => {
  it("reads amounts as exact cents and reports the bad line", async () => {
    const ok = await csvFile("id,date,amount\na,2024-01-05 10:30:00,0.29\n");
    expect(await readTransactionsCsv(ok)).toEqual([{ customerId: "a", day: 19727, amount: 29 }]);
    const bad = await csvFile("id,date,amount\na,2024-01-05,1\nb,2024-02-30,1\n");
    await expect(readTransactionsCsv(bad)).rejects.toThrow(/line 3: date: no such calendar day/);
  });
});
