/**
 * An analytics refresh: read one row per buying customer, score the base in pure TypeScript,
 * write the scores under a new run, then publish the run in one statement. Readers always use
 * the newest published run, so they never see half a refresh; a refresh that dies leaves a
 * "running" run that `recoverInterruptedRuns` removes on the next start.
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Database, Queryable } from "../db/client.js";
import { scoreRuns } from "../db/schema.js";
import { scoreBase, type BaseRow, type ScoreOptions } from "../../analytics/scoreBase.js";
import { DEFAULT_LIFECYCLE_OPTIONS } from "../../analytics/lifecycle.js";
import { toDay } from "../../analytics/units.js";
import { readScoringInputs } from "./scoringInputs.js";
import { timeJob } from "../http/metrics.plugin.js";
import { crashPoint } from "../crashPoint.js";
import {
  attachRunPartition,
  createRunPartition,
  removeRuns,
  writeRunScores,
} from "./scorePartitions.js";

/** Scores per write: a COPY on a server, a short INSERT on the embedded database. */
const WRITE_BATCH = 5_000;

export interface RefreshResult {
  runId: number;
  asOf: string;
  customers: number;
  seconds: { read: number; score: number; write: number; total: number };
  fit: Record<string, unknown>;
}

export type RefreshPhase = "read" | "score" | "write" | "publish";

export async function refreshScores({
  database,
  asOf = new Date(),
  options = {},
  onProgress,
}: {
  database: Database;
  asOf?: Date;
  options?: Partial<ScoreOptions>;
  onProgress?: (phase: RefreshPhase, done: number, total: number) => void;
}): Promise<RefreshResult> {
  return timeJob("analytics_refresh", async () => {
    const { db } = database;
    const started = performance.now();
    const [run] = await db
      .insert(scoreRuns)
      .values({ asOf, params: options })
      .returning({ id: scoreRuns.id });
    const runId = run!.id;
    try {
      const rows: BaseRow[] = [];
      const windowDays = options.lifecycle?.windowDays ?? DEFAULT_LIFECYCLE_OPTIONS.windowDays;
      for await (const batch of readScoringInputs(database, asOf, windowDays)) {
        for (const row of batch) rows.push(row);
        onProgress?.("read", rows.length, rows.length);
      }
      const read = performance.now();
      onProgress?.("score", 0, rows.length);
      const result = scoreBase(rows, toDay(asOf), options);
      const scored = performance.now();

      await createRunPartition(db, runId);
      for (let i = 0; i < result.scores.length; i += WRITE_BATCH) {
        await writeRunScores(database, runId, result.scores.slice(i, i + WRITE_BATCH));
        crashPoint("refresh-mid-write");
        onProgress?.(
          "write",
          Math.min(i + WRITE_BATCH, result.scores.length),
          result.scores.length,
        );
      }
      await attachRunPartition(db, runId);
      const written = performance.now();
      const fit = {
        bgnbd: result.bgnbd && {
          ...result.bgnbd.params,
          logLikelihood: result.bgnbd.logLikelihood,
          converged: result.bgnbd.converged,
          customers: result.bgnbd.customers,
          repeatCustomers: result.bgnbd.repeatCustomers,
        },
        gammaGamma: result.gammaGamma && {
          ...result.gammaGamma.params,
          logLikelihood: result.gammaGamma.logLikelihood,
          converged: result.gammaGamma.converged,
          customers: result.gammaGamma.customers,
        },
        quadrantThresholds: result.quadrantThresholds,
        notes: result.notes,
      };
      onProgress?.("publish", 0, 1);
      await db
        .update(scoreRuns)
        .set({ status: "published", publishedAt: sql`now()`, fit })
        .where(eq(scoreRuns.id, runId));
      // Keep this run and the one before it (a reader may still be on it); drop older ones.
      const older = await db
        .select({ id: scoreRuns.id })
        .from(scoreRuns)
        .where(and(eq(scoreRuns.status, "published"), ne(scoreRuns.id, runId)))
        .orderBy(desc(scoreRuns.id))
        .offset(1);
      await removeRuns(
        db,
        older.map((run) => run.id),
      );
      const total = performance.now();
      const seconds = (a: number, b: number) => Math.round(b - a) / 1000;
      return {
        runId,
        asOf: asOf.toISOString(),
        customers: rows.length,
        seconds: {
          read: seconds(started, read),
          score: seconds(read, scored),
          write: seconds(scored, written),
          total: seconds(started, total),
        },
        fit,
      };
    } catch (error) {
      // Nothing of a failed run stays behind; the error goes to the caller.
      await removeRuns(db, [runId]);
      throw error;
    }
  });
}

/** Removes runs a dead process left half-written; their scores go with them. */
export async function recoverInterruptedRuns(db: Queryable): Promise<number> {
  const dead = await db
    .select({ id: scoreRuns.id })
    .from(scoreRuns)
    .where(ne(scoreRuns.status, "published"));
  await removeRuns(
    db,
    dead.map((run) => run.id),
  );
  return dead.length;
}

/** The newest published run, or null before the first refresh. */
export async function latestRun(db: Queryable) {
  const [run] = await db
    .select()
    .from(scoreRuns)
    .where(eq(scoreRuns.status, "published"))
    .orderBy(desc(scoreRuns.publishedAt), desc(scoreRuns.id))
    .limit(1);
  return run ?? null;
}
