import { Alert, Empty, Flex, Segmented, Skeleton, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  loadMoreProposalsAction,
  runProposalsAction,
  type ColumnPaging,
} from "../../actions/ladderActions.js";
import type { Proposal, ProposalRun, ProposalStatus } from "../../api/proposals.js";
import { ActionButton } from "../ActionButton.js";
import { errorMessage } from "../errors.js";
import { ProposalCard } from "./ProposalCard.js";

export const INBOX_STATUSES: ProposalStatus[] = ["open", "accepted", "rejected", "stale"];

/**
 * The proposals inbox: upgrades and downgrades the engine suggests from evidence, for a person
 * to accept (the customer moves) or reject (with a note). Nothing moves without that decision.
 */
export function ProposalsInbox(props: {
  proposals: Proposal[];
  loading: boolean;
  error: unknown;
  status: ProposalStatus;
  onStatusChange: (status: ProposalStatus) => void;
  mine: boolean;
  onMineChange: (mine: boolean) => void;
  paging: ColumnPaging;
  onDecide: (proposal: Proposal, decision: "accept" | "reject") => void;
  onRun: { onDone: (run: ProposalRun) => void; onError: (error: unknown) => void };
}) {
  const { t } = useTranslation("ladder");
  const { t: tc } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="proposals-inbox">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={16} wrap>
          <Segmented
            value={props.status}
            onChange={(value) => props.onStatusChange(value as ProposalStatus)}
            options={INBOX_STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))}
          />
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              checked={props.mine}
              onChange={props.onMineChange}
              aria-label={t("inbox.mine")}
            />
            <Typography.Text>{t("inbox.mine")}</Typography.Text>
          </Flex>
        </Flex>
        <ActionButton action={runProposalsAction} arg={props.onRun} />
      </Flex>
      <Typography.Text type="secondary">{t("inbox.hint")}</Typography.Text>
      {props.error ? (
        <Alert type="error" showIcon title={errorMessage(tc, props.error)} />
      ) : props.loading ? (
        <Skeleton active />
      ) : props.proposals.length === 0 ? (
        <Empty description={t(props.status === "open" ? "inbox.emptyOpen" : "inbox.empty")} />
      ) : (
        props.proposals.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} onDecide={props.onDecide} />
        ))
      )}
      <Flex justify="center">
        <ActionButton action={loadMoreProposalsAction} arg={props.paging} />
      </Flex>
    </Flex>
  );
}
