import { useMemo, useState } from "react";
import { App as AntApp, Flex, Typography } from "antd";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { loadMoreAction, type PagedList } from "../actions/engineActions.js";
import { recordResearchAction } from "../actions/needsActions.js";
import { useCustomerChoices } from "../api/customerChoices.js";
import { listNeeds, needKeys, type Need } from "../api/needs.js";
import {
  listResearchNotes,
  researchKeys,
  researchSummary,
  useRecordResearchNote,
} from "../api/research.js";
import { ActionButton } from "../components/ActionButton.js";
import { ErrorResult } from "../components/ErrorResult.js";
import { ResearchNoteDialog } from "../components/needs/ResearchNoteDialog.js";
import { ResearchCounts, ResearchNotesList } from "../components/needs/ResearchNotesList.js";

/**
 * Research notes (SPEC §3, §6): what market research and means-end questioning found, counted
 * by information type and method, for everyone or for the customer the needs list is filtered to.
 */
export function NeedsResearchTab(props: {
  customerId: number | undefined;
  nameOf: (id: number) => string | undefined;
  needs: Need[];
}) {
  const { t } = useTranslation("needs");
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [noteCustomer, setNoteCustomer] = useState<number | undefined>(undefined);
  const picker = useCustomerChoices();
  const record = useRecordResearchNote();

  const query = { customerId: props.customerId, limit: 30 };
  const notes = useInfiniteQuery({
    queryKey: researchKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      listResearchNotes({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const summaryQuery = { customerId: props.customerId };
  const summary = useQuery({
    queryKey: researchKeys.summary(summaryQuery),
    queryFn: ({ signal }) => researchSummary(summaryQuery, signal),
  });
  const needsQuery = { customerId: noteCustomer, limit: 100 };
  const customerNeeds = useQuery({
    queryKey: needKeys.list(needsQuery),
    queryFn: ({ signal }) => listNeeds(needsQuery, signal),
    enabled: open && noteCustomer !== undefined,
  });
  const rows = useMemo(() => notes.data?.pages.flatMap((p) => p.items) ?? [], [notes.data]);
  const dialog = { open: () => setOpen(true) };
  const paged: PagedList = {
    hasNextPage: notes.hasNextPage,
    isFetchingNextPage: notes.isFetchingNextPage,
    fetchNextPage: () => notes.fetchNextPage(),
  };
  const needTitle = (id: number) =>
    [...props.needs, ...(customerNeeds.data?.items ?? [])].find((n) => n.id === id)?.title;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 760 }}>
          {t("research.explain")}
        </Typography.Paragraph>
        <ActionButton action={recordResearchAction} arg={dialog} />
      </Flex>
      {summary.data && summary.data.total > 0 ? <ResearchCounts summary={summary.data} /> : null}
      {notes.isError ? (
        <ErrorResult error={notes.error} onRetry={() => void notes.refetch()} />
      ) : (
        <ResearchNotesList
          notes={rows}
          nameOf={(id) => props.nameOf(id) ?? picker.nameOf(id)}
          needTitle={needTitle}
          empty={t("research.empty")}
        />
      )}
      {notes.hasNextPage ? <ActionButton action={loadMoreAction} arg={paged} /> : null}
      <ResearchNoteDialog
        open={open}
        picker={picker}
        needs={customerNeeds.data?.items ?? []}
        onCustomer={setNoteCustomer}
        onClose={() => setOpen(false)}
        onSubmit={record.mutateAsync}
        onRecorded={(note) => {
          setOpen(false);
          void message.success(t("research.saved", { title: note.title }));
        }}
      />
    </Flex>
  );
}
