/**
 * The dashboard's queries, one per API answer, so each panel loads, fails and empties on its
 * own. The refresh status polls while a refresh runs; when it ends, every analytics answer is
 * fetched again. The dashboard's entry asks for them before the scene's code has arrived.
 */
import { useEffect, useRef } from "react";
import {
  queryOptions,
  useQueries,
  useQuery,
  usePrefetchQuery,
  useQueryClient,
} from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import {
  analyticsKeys,
  getClvScatter,
  getOverview,
  getPareto,
  getRefreshStatus,
  getRetention,
  type RetentionPeriod,
} from "../api/analytics.js";
import { getBoard, getBoardColumn, getFlows, getProblemShare, ladderKeys } from "../api/ladder.js";
import type { OverdueCount } from "../components/dashboard/UpgradeVelocityChart.js";
import { TYPICAL_DWELL } from "../../src/shared/ladder/stages.js";
import type { Stage } from "../../src/shared/enums.js";

export const DAY = "YYYY-MM-DD";
const DEFAULT_DAYS = 90;
export const RETENTION_PERIODS: RetentionPeriod[] = ["month", "quarter", "year"];

/**
 * What the URL asks the dashboard for: the flows period (`from`, `to` as calendar days, both
 * included; the last 90 days by default) and the retention period (quarters by default).
 */
export function readDashboardParams(params: URLSearchParams) {
  const to = dayjs(params.get("to") ?? "", DAY, true);
  const from = dayjs(params.get("from") ?? "", DAY, true);
  const end: Dayjs = to.isValid() ? to : dayjs().startOf("day");
  const start: Dayjs =
    from.isValid() && from.isBefore(end) ? from : end.subtract(DEFAULT_DAYS, "day");
  const retention = RETENTION_PERIODS.find((p) => p === params.get("retention")) ?? "quarter";
  return { start, end, retention };
}

/** The flows period as the API takes it: the chosen last day counts whole (`to` is exclusive). */
export const flowsPeriod = (start: Dayjs, end: Dayjs) => ({
  from: start.startOf("day").toISOString(),
  to: end.add(1, "day").startOf("day").toISOString(),
});

/** Points in the CLV scatter: enough to see the shape, few enough to draw at once. */
export const SCATTER_POINTS = 1500;
/** Cards read per stage to count the overdue (longest in stage come first, so they lead). */
const OVERDUE_PAGE = 200;
const STAGES_WITH_TYPICAL_TIME = Object.keys(TYPICAL_DWELL) as Stage[];

export function useRefreshStatus() {
  const queryClient = useQueryClient();
  const status = useQuery({
    ...statusQuery,
    refetchInterval: (query) => (query.state.data?.running ? 1000 : false),
  });
  const running = status.data?.running ?? false;
  const lastRunId = status.data?.lastRun?.id ?? null;
  // What the status said last time; nothing before its first answer (the panels load anyway).
  const seen = useRef<{ running: boolean; lastRunId: number | null } | null>(null);
  const known = status.data !== undefined;
  useEffect(() => {
    if (!known) return;
    const before = seen.current;
    seen.current = { running, lastRunId };
    if (before && ((before.running && !running) || before.lastRunId !== lastRunId)) {
      void queryClient.invalidateQueries({
        predicate: (query) =>
          query.queryKey[0] === analyticsKeys.all[0] && query.queryKey[1] !== "status",
      });
    }
  }, [known, running, lastRunId, queryClient]);
  return status;
}

const statusQuery = queryOptions({
  queryKey: analyticsKeys.status,
  queryFn: ({ signal }) => getRefreshStatus(signal),
  staleTime: 0,
});

/** One query per panel's answer; the scene and its entry build the same keys from the URL. */
function panelQueries(period: { from: string; to: string }, retention: RetentionPeriod) {
  return {
    overview: queryOptions({
      queryKey: analyticsKeys.overview,
      queryFn: ({ signal }) => getOverview(signal),
    }),
    pareto: queryOptions({
      queryKey: analyticsKeys.pareto,
      queryFn: ({ signal }) => getPareto(signal),
    }),
    scatter: queryOptions({
      queryKey: analyticsKeys.clvScatter(SCATTER_POINTS),
      queryFn: ({ signal }) => getClvScatter(SCATTER_POINTS, signal),
    }),
    cohorts: queryOptions({
      queryKey: analyticsKeys.retention(retention),
      queryFn: ({ signal }) => getRetention(retention, signal),
    }),
    // Counts per stage come with the board; one card per column is the least it can send.
    board: queryOptions({
      queryKey: ladderKeys.board({ limit: 1 }),
      queryFn: ({ signal }) => getBoard({ limit: 1 }, signal),
    }),
    flows: queryOptions({
      queryKey: ladderKeys.flows(period.from, period.to),
      queryFn: ({ signal }) => getFlows(period.from, period.to, signal),
    }),
    problemShare: queryOptions({
      queryKey: ladderKeys.problemShare,
      queryFn: ({ signal }) => getProblemShare(signal),
    }),
  };
}

/** Asks for every panel's answer (those not cached yet) while rendering, without waiting. */
export function usePrefetchDashboard(params: URLSearchParams) {
  const { start, end, retention } = readDashboardParams(params);
  const queries = panelQueries(flowsPeriod(start, end), retention);
  usePrefetchQuery(statusQuery);
  usePrefetchQuery(queries.overview);
  usePrefetchQuery(queries.pareto);
  usePrefetchQuery(queries.scatter);
  usePrefetchQuery(queries.cohorts);
  usePrefetchQuery(queries.board);
  usePrefetchQuery(queries.flows);
  usePrefetchQuery(queries.problemShare);
}

export function useDashboardData(period: { from: string; to: string }, retention: RetentionPeriod) {
  const queries = panelQueries(period, retention);
  const overview = useQuery(queries.overview);
  const pareto = useQuery(queries.pareto);
  const scatter = useQuery(queries.scatter);
  const cohorts = useQuery(queries.cohorts);
  const board = useQuery(queries.board);
  const flows = useQuery(queries.flows);
  const problemShare = useQuery(queries.problemShare);
  // The overdue counts read 200 cards per stage: asked for once every panel has its answer,
  // so they never compete with the charts for the database.
  const panelsLoaded = [overview, pareto, scatter, cohorts, board, flows, problemShare].every(
    (query) => !query.isPending,
  );
  const overdue = useQueries({
    queries: STAGES_WITH_TYPICAL_TIME.map((stage) => ({
      enabled: panelsLoaded,
      queryKey: ladderKeys.overdue(stage),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<OverdueCount> => {
        const column = await getBoardColumn(stage, undefined, { limit: OVERDUE_PAGE }, signal);
        const count = column.items.filter((card) => card.overdue).length;
        return { count, atLeast: count === column.items.length && column.nextCursor !== null };
      },
    })),
    combine: (results) => {
      const counts: Partial<Record<Stage, OverdueCount>> = {};
      results.forEach((result, i) => {
        if (result.data) counts[STAGES_WITH_TYPICAL_TIME[i]!] = result.data;
      });
      return counts;
    },
  });
  return { overview, pareto, scatter, cohorts, board, flows, problemShare, overdue };
}
