/**
 * Writes a transactions CSV of any size to disk as a stream, cycling over customers K1…Kn, so a
 * million-row file costs a second and no memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export const customerRef = (index: number) => `K${index + 1}`;

export async function writeTransactionsCsv(
  path: string,
  { rows, customers }: { rows: number; customers: number },
): Promise<void> {
  const out = createWriteStream(path);
  const start = Date.UTC(2023, 0, 1);
  const lines: string[] = ["customer_ref,occurred_at,amount,cost"];
  const flush = async () => {
    if (!out.write(lines.join("\n") + "\n")) await once(out, "drain");
    lines.length = 0;
  };
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${customerRef(i % customers)},${day},${(10 + (i % 997) / 10).toFixed(2)},1.00`);
    if (lines.length === 10_000) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
}
