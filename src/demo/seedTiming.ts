/**
 * Times a demo seed and watches memory while it runs:
 *   node --expose-gc --import tsx src/demo/seedTiming.ts --customers 100000 [--url postgres://…]
 *     [--data-dir ./x] [--seed 1] [--batch-size n]
 * Without --url the embedded PGlite is used (in memory unless --data-dir is given). Prints the
 * time per phase, rows loaded, and heap/RSS at every tenth of the customers so a growing
 * footprint shows.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/client.js";
import { migrateDatabase } from "../server/db/migrate.js";
import { seedDemo, type SeedPhase } from "./seedDemo.js";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    url: { type: "string" },
    "data-dir": { type: "string" },
    "batch-size": { type: "string" },
  },
});
const customers = Number(values.customers);
const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

const database = await openDatabase(
  values.url ? { url: values.url, max: 2 } : { dataDir: values["data-dir"] ?? "memory://" },
);
await migrateDatabase(database);
const started = performance.now();
let phaseStarted = started;
let lastPhase: SeedPhase | null = null;
let nextReport = 0;
const result = await seedDemo({
  database,
  customers,
  seed: Number(values.seed),
  ...(values["batch-size"] ? { batchSize: Number(values["batch-size"]) } : {}),
  onProgress(phase, done, total) {
    const now = performance.now();
    if (phase !== lastPhase) {
      if (lastPhase) console.log(`${lastPhase}: ${((now - phaseStarted) / 1000).toFixed(1)} s`);
      lastPhase = phase;
      phaseStarted = now;
    }
    if (phase === "customers" && done >= nextReport) {
      // With --expose-gc the heap is measured after a collection, so growth means retention.
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      console.log(
        `  ${done}/${total} customers  ${((now - started) / 1000).toFixed(1)} s  heap ${megabytes(memory.heapUsed)}  rss ${megabytes(memory.rss)}`,
      );
      nextReport += Math.max(1, Math.floor(total / 10));
    }
  },
});
console.log(`${lastPhase}: ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
console.log(
  `${database.kind}: ${customers} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(result.counts);
await database.close();
