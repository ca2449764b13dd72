/**
 * The ladder's data and its two writes, shared by the board and the customer 360 view: moving a
 * customer with a reason, and deciding on a proposal. After either, everything that shows a
 * stage (board, flows, lists, the 360 view, stage history, proposals) is fetched again.
 */
import { useCallback, useMemo, useState } from "react";
import { App as AntApp } from "antd";
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { STAGES, type Stage } from "../../src/shared/enums.js";
import type { ColumnPaging } from "../actions/ladderActions.js";
import { customerKeys } from "../api/customers.js";
import { customer360Keys } from "../api/customer360.js";
import {
  changeStage,
  getBoard,
  getBoardColumn,
  ladderKeys,
  type BoardCard,
  type BoardQuery,
} from "../api/ladder.js";
import {
  acceptProposal,
  listProposals,
  proposalKeys,
  rejectProposal,
  type Proposal,
  type ProposalQuery,
  type ProposalStatus,
} from "../api/proposals.js";
import { errorMessage } from "../components/errors.js";
import type { BoardColumnData } from "../components/ladder/LadderBoard.js";
import type { ProposalDecision } from "../components/ladder/ProposalDecisionDialog.js";
import type { StageChangeTarget } from "../components/ladder/StageChangeDialog.js";

/** Cards per column page. */
export const COLUMN_PAGE = 20;
const PROPOSAL_PAGE = 20;

async function refreshAfterMove(queryClient: QueryClient, customerId: number) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ladderKeys.all }),
    queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
    queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    queryClient.invalidateQueries({ queryKey: customer360Keys.view(customerId) }),
  ]);
}

/** The board's first page per column, and further pages per column on request. */
export function useBoard(query: BoardQuery) {
  const board = useQuery({
    queryKey: ladderKeys.board(query),
    queryFn: ({ signal }) => getBoard(query, signal),
  });
  // Pages fetched with "more", per column, for the board answer they continue.
  const [more, setMore] = useState<{
    for: unknown;
    pages: Partial<Record<Stage, { items: BoardCard[]; nextCursor: string | null }>>;
  }>({ for: null, pages: {} });
  const [loading, setLoading] = useState<Stage | null>(null);
  const pages = more.for === board.data ? more.pages : {};
  const { message } = AntApp.useApp();
  const { t } = useTranslation();

  const columns = useMemo<BoardColumnData[]>(() => {
    if (!board.data) return [];
    const { data } = board;
    return STAGES.map((stage) => {
      const first = data.columns.find((c) => c.stage === stage);
      const extra = pages[stage];
      const cards = [...(first?.items ?? []), ...(extra?.items ?? [])];
      const cursor = extra ? extra.nextCursor : (first?.nextCursor ?? null);
      const paging: ColumnPaging = {
        hasMore: cursor !== null,
        loading: loading === stage,
        load: () => {
          if (!cursor) return;
          setLoading(stage);
          getBoardColumn(stage, cursor, { ...query, limit: COLUMN_PAGE })
            .then((page) =>
              setMore((current) => {
                const base = current.for === data ? current.pages : {};
                const before = base[stage]?.items ?? [];
                return {
                  for: data,
                  pages: {
                    ...base,
                    [stage]: { items: [...before, ...page.items], nextCursor: page.nextCursor },
                  },
                };
              }),
            )
            .catch((error: unknown) => void message.error(errorMessage(t, error)))
            .finally(() => setLoading(null));
        },
      };
      return { stage, count: data.counts[stage] ?? 0, cards, paging };
    });
  }, [board, pages, loading, query, message, t]);

  return { board, columns };
}

/** The stage-change dialog's state and the move it confirms. */
export function useStageChange(
  options: { onMoved?: (customerId: number, to: Stage) => void } = {},
) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const [target, setTarget] = useState<StageChangeTarget | null>(null);
  const move = useMutation({
    mutationFn: (input: { target: StageChangeTarget; to: Stage; reason: string }) =>
      changeStage(input.target.id, {
        to: input.to,
        reason: input.reason,
        ...(input.target.version ? { version: input.target.version } : {}),
      }),
    onSuccess: async (result, input) => {
      setTarget(null);
      void message.success(
        t("move.done", { name: input.target.name, stage: tc(`stage.${result.to}`) }),
      );
      options.onMoved?.(result.customerId, result.to);
      await refreshAfterMove(queryClient, result.customerId);
    },
  });
  const open = useCallback(
    (next: StageChangeTarget) => {
      move.reset();
      setTarget(next);
    },
    [move],
  );
  return {
    target,
    open,
    close: () => setTarget(null),
    submit: (to: Stage, reason: string) => {
      if (target) move.mutate({ target, to, reason });
    },
    submitting: move.isPending,
    error: move.isError ? errorMessage(tc, move.error) : null,
  };
}

/** The proposals of the inbox (or of one customer), newest first, keyset paged. */
export function useProposals(query: Omit<ProposalQuery, "cursor" | "limit">) {
  const list = useInfiniteQuery({
    queryKey: proposalKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listProposals(
        { ...query, limit: PROPOSAL_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const proposals = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const paging: ColumnPaging = {
    hasMore: list.hasNextPage,
    loading: list.isFetchingNextPage,
    load: () => void list.fetchNextPage(),
  };
  return { list, proposals, paging };
}

export type { ProposalStatus };

/** Accept or reject a proposal after the decision dialog. */
export function useProposalDecision() {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const [pending, setPending] = useState<ProposalDecision | null>(null);
  const decide = useMutation({
    mutationFn: ({ proposal, decision, note }: ProposalDecision & { note: string }) =>
      decision === "accept"
        ? acceptProposal(proposal.id, note || undefined)
        : rejectProposal(proposal.id, note),
    onSuccess: async (proposal: Proposal, input) => {
      setPending(null);
      void message.success(
        t(input.decision === "accept" ? "decision.accepted" : "decision.rejected", {
          name: proposal.customerName,
          stage: tc(`stage.${proposal.to}`),
        }),
      );
      await refreshAfterMove(queryClient, proposal.customerId);
    },
  });
  return {
    pending,
    open: (proposal: Proposal, decision: "accept" | "reject") => {
      decide.reset();
      setPending({ proposal, decision });
    },
    close: () => setPending(null),
    submit: (note: string) => {
      if (pending) decide.mutate({ ...pending, note });
    },
    submitting: decide.isPending,
    error: decide.isError ? errorMessage(tc, decide.error) : null,
  };
}
