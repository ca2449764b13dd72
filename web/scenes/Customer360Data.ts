/** The customer 360 view's data: one request for the view, transactions paged when opened. */
import { useMemo } from "react";
import { App as AntApp } from "antd";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { NeedStatus } from "../../src/shared/enums.js";
import type { ColumnPaging } from "../actions/ladderActions.js";
import {
  changeNeedStatus,
  customer360Keys,
  getCustomer360,
  getPurchaseSummary,
  listTransactions,
  planDelivery,
  recordNeed,
  type NewNeed,
} from "../api/customer360.js";
import { errorMessage } from "../components/errors.js";
import { ladderKeys } from "../api/ladder.js";
import { proposalKeys } from "../api/proposals.js";

const TRANSACTION_PAGE = 100;

export function useCustomer360(id: number) {
  return useQuery({
    queryKey: customer360Keys.view(id),
    queryFn: ({ signal }) => getCustomer360(id, signal),
  });
}

export function useTransactions(id: number, enabled: boolean) {
  const summary = useQuery({
    queryKey: customer360Keys.purchaseSummary(id),
    queryFn: ({ signal }) => getPurchaseSummary(id, signal),
    enabled,
  });
  const list = useInfiniteQuery({
    queryKey: customer360Keys.transactions(id),
    queryFn: ({ pageParam, signal }) =>
      listTransactions(
        id,
        { limit: TRANSACTION_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const transactions = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const paging: ColumnPaging = {
    hasMore: list.hasNextPage,
    loading: list.isFetchingNextPage,
    load: () => void list.fetchNextPage(),
  };
  return { summary, list, transactions, paging };
}

/** The writes the 360 view offers besides stage changes: needs and suggested deliveries. */
export function useCustomer360Writes(id: number) {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation("customer360");
  const { t: tc } = useTranslation();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customer360Keys.view(id) }),
      queryClient.invalidateQueries({ queryKey: ladderKeys.all }),
      queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
    ]);
  const fail = (error: unknown) => void message.error(errorMessage(tc, error));

  const record = useMutation({
    mutationFn: (need: NewNeed) => recordNeed(id, need),
    onSuccess: async () => {
      void message.success(t("needs.recorded"));
      await refresh();
    },
  });
  const status = useMutation({
    mutationFn: ({ needId, status }: { needId: number; status: NeedStatus }) =>
      changeNeedStatus(needId, status),
    onSuccess: async () => {
      void message.success(t("needs.updated"));
      await refresh();
    },
  });
  const plan = useMutation({
    mutationFn: (valueItemId: number) => planDelivery(id, valueItemId),
    onSuccess: async (delivery) => {
      void message.success(t("deliveries.planned", { round: delivery.round }));
      await refresh();
    },
    onError: fail,
  });
  return {
    record,
    recordError: record.isError ? errorMessage(tc, record.error) : null,
    status,
    statusError: status.isError ? errorMessage(tc, status.error) : null,
    plan,
  };
}
