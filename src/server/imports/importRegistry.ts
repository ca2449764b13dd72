/**
 * Imports running in this process, per database: their live progress (for the web wizard),
 * a way to stop them (graceful shutdown), and a guard so crash recovery never touches an
 * import that is still alive here.
 */
import type pg from "pg";
import type { ImportProgress } from "./imports.schema.js";

export interface RunningImport {
  progress: ImportProgress;
  controller: AbortController;
  /** Settles when the import has finished, failed or been rolled back. */
  settled: Promise<unknown>;
}

const running = new WeakMap<pg.Pool, Map<number, RunningImport>>();

function of(pool: pg.Pool): Map<number, RunningImport> {
  let map = running.get(pool);
  if (!map) {
    map = new Map();
    running.set(pool, map);
  }
  return map;
}

export function registerImport(pool: pg.Pool, id: number, entry: RunningImport): void {
  of(pool).set(id, entry);
  void entry.settled.finally(() => {
    if (of(pool).get(id) === entry) of(pool).delete(id);
  });
}

export function isRunningHere(pool: pg.Pool, id: number): boolean {
  return of(pool).has(id);
}

export function progressOf(pool: pg.Pool, id: number): ImportProgress | null {
  const entry = of(pool).get(id);
  return entry ? { ...entry.progress } : null;
}

/** Asks every import running on this database to stop, and waits until each has rolled back. */
export async function stopRunningImports(pool: pg.Pool): Promise<void> {
  const entries = [...of(pool).values()];
  for (const entry of entries) entry.controller.abort();
  await Promise.allSettled(entries.map((entry) => entry.settled));
}
