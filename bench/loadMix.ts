/**
 * The load benchmark's request mix as autocannon request steps. Each connection repeats a
 * cycle: one operation picked at random (list 40 %, search 20 %, 360 view 25 %, update 15 %).
 * An update reads the customer, PATCHes with the version it read, and on 409 stale_write reads
 * again and retries, as a real client must. autocannon clears a connection's context when a
 * cycle ends, and a step that returns no request ends the cycle early.
 */
import type { Request } from "autocannon";

export const OPS = ["list", "search", "view360", "read", "update"] as const;
export type Op = (typeof OPS)[number];

/** Attempts of one update before it counts as given up. */
const MAX_ATTEMPTS = 10;
const STAGES = ["new", "old", "core", "target"];
const SORTS = ["name", "updatedAt", "id"];

/** What one connection's current cycle knows. */
interface Cycle {
  op: Op;
  started: number;
  /** The customer being updated, once read: its version and counter. */
  target?: { id: number; version: number; employees: number };
  updateId?: number;
  /** The last PATCH was refused as stale: read again. */
  stale?: boolean;
  attempts?: number;
}

export interface LoadStats {
  errors: number;
  conflicts: number;
  acknowledged: number;
  /** PATCHes sent and PATCHes answered: the difference was in flight when the run stopped. */
  patchesSent: number;
  patchesAnswered: number;
  givenUp: number;
  samples: string[];
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** A piece of a real name, two or three characters, as people search. */
function searchTerm(names: readonly string[]): string {
  const name = pick(names);
  const length = Math.random() < 0.5 ? 2 : 3;
  const start = Math.floor(Math.random() * Math.max(1, name.length - length));
  return name.slice(start, start + length);
}

export function createLoadMix({
  ids,
  hotIds,
  names,
}: {
  ids: readonly number[];
  /** Half the updates go here, so that concurrent writers collide. */
  hotIds: readonly number[];
  names: readonly string[];
}) {
  const latencies: Record<Op, number[]> = {
    list: [],
    search: [],
    view360: [],
    read: [],
    update: [],
  };
  const stats: LoadStats = {
    errors: 0,
    conflicts: 0,
    acknowledged: 0,
    patchesSent: 0,
    patchesAnswered: 0,
    givenUp: 0,
    samples: [],
  };

  const start = (context: object, op: Op): Cycle => {
    const cycle = context as Cycle;
    cycle.op = op;
    cycle.started = performance.now();
    return cycle;
  };

  /** Times the response and counts it; a 409 on an update is an answer, not an error. */
  function record(cycle: Cycle, status: number, body: string): void {
    latencies[cycle.op].push(performance.now() - cycle.started);
    const stale = cycle.op === "update" && status === 409 && body.includes("stale_write");
    if (status < 400 || stale) return;
    stats.errors++;
    if (stats.samples.length < 5)
      stats.samples.push(`${cycle.op} → ${status} ${body.slice(0, 200)}`);
  }

  function rememberRead(cycle: Cycle, status: number, body: string): void {
    if (cycle.updateId === undefined || status !== 200) return;
    const { id, version, employees } = JSON.parse(body) as {
      id: number;
      version: number;
      employees: number | null;
    };
    cycle.target = { id, version, employees: employees ?? 0 };
  }

  /** The cycle's operation, picked at random. */
  function firstRequest(context: object): { op: Op; path: string } {
    const r = Math.random();
    if (r < 0.4)
      return {
        op: "list",
        path: `/api/customers?limit=50&sort=${pick(SORTS)}&stage=${pick(STAGES)}`,
      };
    if (r < 0.6)
      return {
        op: "search",
        path: `/api/customers?q=${encodeURIComponent(searchTerm(names))}&limit=20`,
      };
    if (r < 0.85) return { op: "view360", path: `/api/customers/${pick(ids)}/360` };
    const updateId = Math.random() < 0.5 ? pick(hotIds) : pick(ids);
    (context as Cycle).updateId = updateId;
    return { op: "read", path: `/api/customers/${updateId}` };
  }

  const first: Request = {
    method: "GET",
    setupRequest(request, context) {
      const { op, path } = firstRequest(context);
      start(context, op);
      return { ...request, path };
    },
    onResponse(status, body, context) {
      record(context as Cycle, status, body);
      rememberRead(context as Cycle, status, body);
    },
  };

  const patch: Request = {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    setupRequest(request, context) {
      const cycle = context as Cycle;
      const target = cycle.target;
      if (!target) return null as unknown as Request; // not an update, or its read failed
      cycle.target = undefined;
      cycle.attempts = (cycle.attempts ?? 0) + 1;
      stats.patchesSent++;
      start(cycle, "update");
      return {
        ...request,
        path: `/api/customers/${target.id}`,
        body: JSON.stringify({ version: target.version, employees: target.employees + 1 }),
      };
    },
    onResponse(status, body, context) {
      const cycle = context as Cycle;
      record(cycle, status, body);
      stats.patchesAnswered++;
      if (status === 200) stats.acknowledged++;
      else if (status === 409) {
        stats.conflicts++;
        if (cycle.attempts! >= MAX_ATTEMPTS) stats.givenUp++;
        else cycle.stale = true;
      }
    },
  };

  const readAgain: Request = {
    method: "GET",
    setupRequest(request, context) {
      const cycle = context as Cycle;
      if (!cycle.stale) return null as unknown as Request;
      cycle.stale = false;
      start(cycle, "read");
      return { ...request, path: `/api/customers/${cycle.updateId}` };
    },
    onResponse(status, body, context) {
      record(context as Cycle, status, body);
      rememberRead(context as Cycle, status, body);
    },
  };

  const requests: Request[] = [first, patch];
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) requests.push(readAgain, patch);

  function latency(op: Op) {
    const sorted = [...latencies[op]].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
  }

  return { requests, stats, latency };
}
