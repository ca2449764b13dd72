import { useCallback, useMemo } from "react";
import { Alert, App as AntApp, Badge, Flex, Segmented, Skeleton, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { STAGES, type Stage } from "../../src/shared/enums.js";
import { LADDER_WRITERS } from "../actions/ladderActions.js";
import type { BoardCard } from "../api/ladder.js";
import type { ProposalStatus } from "../api/proposals.js";
import { errorMessage } from "../components/errors.js";
import { LadderBoard } from "../components/ladder/LadderBoard.js";
import { ProposalDecisionDialog } from "../components/ladder/ProposalDecisionDialog.js";
import { INBOX_STATUSES, ProposalsInbox } from "../components/ladder/ProposalsInbox.js";
import { StageChangeDialog } from "../components/ladder/StageChangeDialog.js";
import { useSessionUser } from "../session/useSession.js";
import {
  COLUMN_PAGE,
  useBoard,
  useProposalDecision,
  useProposals,
  useStageChange,
} from "./LadderData.js";

type Tab = "board" | "proposals";

/**
 * The ladder board (客户升级看板): the eight stages as columns, customers moved by dragging or
 * with each card's menu, always with a reason; and the inbox of proposed moves to decide on.
 */
export function LadderScene() {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "proposals" ? "proposals" : "board";
  const highlighted = STAGES.find((s) => s === params.get("stage")) ?? null;
  const mine = params.get("mine") === "1";
  const status: ProposalStatus = INBOX_STATUSES.find((s) => s === params.get("status")) ?? "open";
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const ownerId = useMemo(() => (mine && user ? [user.id] : undefined), [mine, user]);
  const boardQuery = useMemo(
    () => ({ limit: COLUMN_PAGE, ...(ownerId ? { ownerId } : {}) }),
    [ownerId],
  );
  const { board, columns } = useBoard(boardQuery);
  const stageChange = useStageChange();
  const proposals = useProposals({ status: [status], ...(ownerId ? { ownerId } : {}) });
  const openCount = useProposals({ status: ["open"], ...(ownerId ? { ownerId } : {}) });
  const decision = useProposalDecision();

  const mayMove = user !== null && LADDER_WRITERS.includes(user.role);
  const { open: openMove } = stageChange;
  const onMoveRequest = useCallback(
    (card: BoardCard, from: Stage, to: Stage | null) =>
      openMove({ id: card.id, name: card.name, stage: from, version: card.version, to }),
    [openMove],
  );

  const openShown = openCount.proposals.length;
  const board$ = board.isPending ? (
    <Skeleton active paragraph={{ rows: 10 }} />
  ) : board.isError ? (
    <Alert type="error" showIcon title={errorMessage(tc, board.error)} />
  ) : (
    <div style={{ height: "calc(100vh - 56px - 48px - 150px)", minHeight: 420 }}>
      <LadderBoard
        columns={columns}
        onMoveRequest={mayMove ? onMoveRequest : null}
        highlighted={highlighted}
      />
    </div>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="baseline" wrap gap={12}>
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tc("nav.ladder")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("board.subtitle")}</Typography.Text>
        </Flex>
        <Segmented
          value={mine ? "mine" : "all"}
          onChange={(value) => setParam({ mine: value === "mine" ? "1" : null })}
          options={[
            { value: "all", label: t("board.all") },
            { value: "mine", label: t("board.mine") },
          ]}
        />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key === "board" ? null : key })}
        items={[
          { key: "board", label: t("board.tab"), children: board$ },
          {
            key: "proposals",
            label: (
              <Flex align="center" gap={6}>
                {t("inbox.tab")}
                <Badge
                  count={openCount.paging.hasMore ? `${openShown}+` : openShown}
                  showZero={false}
                  data-testid="open-proposals"
                />
              </Flex>
            ),
            children: (
              <ProposalsInbox
                proposals={proposals.proposals}
                loading={proposals.list.isPending}
                error={proposals.list.error}
                status={status}
                onStatusChange={(next) => setParam({ status: next === "open" ? null : next })}
                mine={mine}
                onMineChange={(next) => setParam({ mine: next ? "1" : null })}
                paging={proposals.paging}
                onDecide={decision.open}
                onRun={{
                  onDone: (run) =>
                    void message.success(
                      t("inbox.ran", {
                        scanned: run.scanned,
                        created: run.created,
                        refreshed: run.refreshed,
                        staled: run.staled,
                      }),
                    ),
                  onError: (error) => void message.error(errorMessage(tc, error)),
                }}
              />
            ),
          },
        ]}
      />
      <StageChangeDialog
        target={stageChange.target}
        submitting={stageChange.submitting}
        error={stageChange.error}
        onSubmit={stageChange.submit}
        onCancel={stageChange.close}
      />
      <ProposalDecisionDialog
        pending={decision.pending}
        submitting={decision.submitting}
        error={decision.error}
        onSubmit={decision.submit}
        onCancel={decision.close}
      />
    </Flex>
  );
}
