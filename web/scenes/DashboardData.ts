/**
 * The dashboard's queries, one per API answer, so each panel loads, fails and empties on its
 * own. The refresh status polls while a refresh runs; when it ends, every analytics answer is
 * fetched again.
 */
import { useEffect, useRef } from "react";
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
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

/** Points in the CLV scatter: enough to see the shape, few enough to draw at once. */
export const SCATTER_POINTS = 1500;
/** Cards read per stage to count the overdue (longest in stage come first, so they lead). */
const OVERDUE_PAGE = 200;
const STAGES_WITH_TYPICAL_TIME = Object.keys(TYPICAL_DWELL) as Stage[];

export function useRefreshStatus() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: analyticsKeys.status,
    queryFn: ({ signal }) => getRefreshStatus(signal),
    refetchInterval: (query) => (query.state.data?.running ? 1000 : false),
    staleTime: 0,
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

export function useDashboardData(period: { from: string; to: string }, retention: RetentionPeriod) {
  const overview = useQuery({
    queryKey: analyticsKeys.overview,
    queryFn: ({ signal }) => getOverview(signal),
  });
  const pareto = useQuery({
    queryKey: analyticsKeys.pareto,
    queryFn: ({ signal }) => getPareto(signal),
  });
  const scatter = useQuery({
    queryKey: analyticsKeys.clvScatter(SCATTER_POINTS),
    queryFn: ({ signal }) => getClvScatter(SCATTER_POINTS, signal),
  });
  const cohorts = useQuery({
    queryKey: analyticsKeys.retention(retention),
    queryFn: ({ signal }) => getRetention(retention, signal),
  });
  // Counts per stage come with the board; one card per column is the least it can send.
  const board = useQuery({
    queryKey: ladderKeys.board({ limit: 1 }),
    queryFn: ({ signal }) => getBoard({ limit: 1 }, signal),
  });
  const flows = useQuery({
    queryKey: ladderKeys.flows(period.from, period.to),
    queryFn: ({ signal }) => getFlows(period.from, period.to, signal),
  });
  const problemShare = useQuery({
    queryKey: ladderKeys.problemShare,
    queryFn: ({ signal }) => getProblemShare(signal),
  });
  // The overdue counts read 200 cards per stage: asked for once the panels have their data,
  // so they never hold the charts up on a database that answers one query at a time.
  const panelsLoaded = board.isSuccess && flows.isSuccess;
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
