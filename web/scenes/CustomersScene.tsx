import { useCallback, useMemo } from "react";
import { Alert, Flex, Typography } from "antd";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import {
  loadMoreCustomersAction,
  resetCustomerFiltersAction,
  type LoadMoreState,
} from "../actions/customerActions.js";
import { customerKeys, listCustomers } from "../api/customers.js";
import { listUsers, userKeys } from "../api/users.js";
import type { Customer, CustomerFilters, CustomerListQuery, User } from "../api/types.js";
import { ActionButton } from "../components/ActionButton.js";
import {
  CustomerFilterBar,
  type FilterSuggestions,
} from "../components/customers/CustomerFilterBar.js";
import { CustomerTable } from "../components/customers/CustomerTable.js";
import { ScoreFilterTags } from "../components/dashboard/ScoreFilterTags.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { errorMessage } from "../components/errors.js";
import { useElementSize } from "../components/useElementSize.js";
import { useSessionUser } from "../session/useSession.js";
import { CustomerViewActions } from "./SegmentsFromFilter.js";
import {
  customerQueryToParams,
  hasCustomerFilters,
  parseCustomerQuery,
  withoutFilters,
} from "./customersQuery.js";

const PAGE_SIZE = 50;
/** Roles the server lets list all users; others pick owners from the customers they see. */
const SEES_USERS: readonly User["role"][] = ["admin", "marketing_manager"];

function collectSuggestions(
  customers: Customer[],
  me: { id: number; name: string } | null,
  users: User[],
): FilterSuggestions {
  const industry = new Set<string>();
  const region = new Set<string>();
  const tag = new Set<string>();
  const owners = new Map<number, string>();
  if (me) owners.set(me.id, me.name);
  for (const user of users) owners.set(user.id, user.name);
  for (const customer of customers) {
    if (customer.industry) industry.add(customer.industry);
    if (customer.region) region.add(customer.region);
    for (const t of customer.tags ?? []) tag.add(t);
    if (customer.ownerId !== undefined && customer.ownerName)
      owners.set(customer.ownerId, customer.ownerName);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return {
    industry: sorted(industry),
    region: sorted(region),
    tag: sorted(tag),
    owners: [...owners]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The customer information base: search, filter, sort, and page through with keyset cursors. */
export function CustomersScene() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseCustomerQuery(params), [params]);
  const setQuery = useCallback(
    (next: CustomerListQuery) => setParams(customerQueryToParams(next), { replace: true }),
    [setParams],
  );

  const list = useInfiniteQuery({
    queryKey: customerKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listCustomers(
        { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const customers = useMemo(
    () => list.data?.pages.flatMap((page) => page.items) ?? [],
    [list.data],
  );
  const users = useQuery({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => listUsers(signal),
    enabled: user !== null && SEES_USERS.includes(user.role),
    staleTime: 5 * 60_000,
  });
  const suggestions = useMemo(
    () =>
      collectSuggestions(
        customers,
        user ? { id: user.id, name: user.name } : null,
        users.data ?? [],
      ),
    [customers, user, users.data],
  );
  const loadMore: LoadMoreState = {
    hasNextPage: list.hasNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: () => list.fetchNextPage(),
  };
  const [tableBox, tableSize] = useElementSize<HTMLDivElement>();
  const filtered = hasCustomerFilters(query);

  return (
    <Flex vertical gap={12} style={{ height: "calc(100vh - 56px - 48px)", minHeight: 480 }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("customers.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("customers.subtitle")}</Typography.Text>
        </Flex>
        <CustomerViewActions query={query} />
      </Flex>
      <CustomerFilterBar
        filters={query}
        suggestions={suggestions}
        onChange={(filters: CustomerFilters) => setQuery({ ...query, ...filters })}
        extra={
          <>
            <ScoreFilterTags
              filters={query}
              onChange={(filters) => setQuery({ ...query, ...filters })}
            />
            <ActionButton
              action={resetCustomerFiltersAction}
              arg={{ hasFilters: filtered, reset: () => setQuery(withoutFilters(query)) }}
              type="link"
            />
          </>
        }
      />
      {list.isError && list.data ? (
        <Alert type="error" showIcon title={errorMessage(t, list.error)} />
      ) : null}
      <div ref={tableBox} style={{ flex: 1, minHeight: 240 }}>
        {list.isError && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <CustomerTable
            customers={customers}
            loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
            sort={query.sort}
            order={query.order}
            onSortChange={(sort, order) => setQuery({ ...query, sort, order })}
            onEndReached={() => {
              if (loadMore.hasNextPage && !loadMore.isFetchingNextPage && !list.isError) {
                void loadMore.fetchNextPage();
              }
            }}
            height={tableSize.height}
            width={tableSize.width}
          />
        )}
      </div>
      <Flex justify="space-between" align="center" data-testid="customers-footer">
        <Typography.Text type="secondary" aria-live="polite">
          {t("customers.shown", { count: customers.length })}
          {" · "}
          {list.hasNextPage ? t("customers.more") : list.isSuccess ? t("customers.end") : ""}
        </Typography.Text>
        <ActionButton action={loadMoreCustomersAction} arg={loadMore} />
      </Flex>
    </Flex>
  );
}
