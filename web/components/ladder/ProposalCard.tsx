import { Card, Flex, Tag, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { acceptProposalAction, rejectProposalAction } from "../../actions/ladderActions.js";
import type { Proposal } from "../../api/proposals.js";
import { useFormat } from "../../i18n/useFormat.js";
import { ActionButton } from "../ActionButton.js";
import { StageTag } from "../StageTag.js";
import { EvidenceList } from "./EvidenceList.js";
import { useLadderText } from "./useLadderText.js";

const STATUS_COLORS: Record<Proposal["status"], string> = {
  open: "processing",
  accepted: "success",
  rejected: "error",
  stale: "default",
};

/** A proposed move with its evidence, and accept / reject while it is open. */
export function ProposalCard(props: {
  proposal: Proposal;
  onDecide: (proposal: Proposal, decision: "accept" | "reject") => void;
  /** Hide the customer's name (on that customer's own page). */
  hideCustomer?: boolean;
}) {
  const { t } = useTranslation("ladder");
  const format = useFormat();
  const text = useLadderText();
  const { proposal } = props;
  const open = proposal.status === "open";
  const up = proposal.direction === "up";

  return (
    <Card size="small" data-proposal={proposal.id} data-status={proposal.status}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Flex vertical gap={6} style={{ minWidth: 260, flex: 1 }}>
          <Flex align="center" gap={8} wrap>
            {props.hideCustomer ? null : (
              <Link to={`/customers/${proposal.customerId}`} style={{ fontWeight: 600 }}>
                {proposal.customerName}
              </Link>
            )}
            <StageTag stage={proposal.from} />
            <ArrowRightOutlined />
            <StageTag stage={proposal.to} />
            <Tag color={up ? "green" : "volcano"}>{t(up ? "inbox.up" : "inbox.down")}</Tag>
            <Tag color={STATUS_COLORS[proposal.status]}>{t(`inbox.status.${proposal.status}`)}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("inbox.meta", {
              rule: text.rule(proposal.rule),
              owner: proposal.ownerName ?? "—",
              date: format.date(proposal.createdAt),
            })}
          </Typography.Text>
          <EvidenceList found={proposal.evidence} />
          {proposal.decidedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("inbox.decided", {
                who: proposal.decidedByName ?? "—",
                date: format.dateTime(proposal.decidedAt),
              })}
              {proposal.decisionNote ? ` · ${proposal.decisionNote}` : ""}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8}>
          <ActionButton
            action={acceptProposalAction}
            arg={{ open, ask: () => props.onDecide(proposal, "accept") }}
            type="primary"
            size="small"
          />
          <ActionButton
            action={rejectProposalAction}
            arg={{ open, ask: () => props.onDecide(proposal, "reject") }}
            danger
            size="small"
          />
        </Flex>
      </Flex>
    </Card>
  );
}
