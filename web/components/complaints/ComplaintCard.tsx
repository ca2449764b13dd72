import type { KeyboardEvent } from "react";
import { Card, Flex, Tag, Typography, theme } from "antd";
import { ClockCircleOutlined, WarningFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../../api/complaints.js";
import { useFormat } from "../../i18n/useFormat.js";
import { formatDue } from "../engine/time.js";

/**
 * One open complaint on the board: what it is about, whose it is, and its step's SLA timer,
 * red once overdue. The card is a button: Enter or Space opens it to advance it.
 */
export function ComplaintCard(props: {
  complaint: Complaint;
  customerName: string | undefined;
  now: number;
  onOpen: (complaint: Complaint) => void;
}) {
  const { t } = useTranslation("complaints");
  const { t: te } = useTranslation("engine");
  const { token } = theme.useToken();
  const format = useFormat();
  const { complaint } = props;
  const overdue =
    complaint.stepDueAt !== null && new Date(complaint.stepDueAt).getTime() < props.now;
  const open = () => props.onOpen(complaint);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open();
    }
  };
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-label={t("card.open", { title: complaint.title })}
      data-testid="complaint-card"
      data-complaint={complaint.id}
      data-overdue={overdue ? "true" : "false"}
      onClick={open}
      onKeyDown={onKeyDown}
      style={{
        borderColor: overdue ? token.colorError : undefined,
        background: overdue ? token.colorErrorBg : undefined,
      }}
    >
      <Flex vertical gap={6}>
        <Typography.Text strong>{complaint.title}</Typography.Text>
        <Typography.Text type="secondary">
          {props.customerName ?? te("customer.numbered", { id: complaint.customerId })}
        </Typography.Text>
        <Flex wrap gap={4}>
          {complaint.cause ? <Tag>{te(`cause.${complaint.cause}`)}</Tag> : null}
          {complaint.valid === false ? <Tag color="default">{t("card.invalid")}</Tag> : null}
        </Flex>
        {complaint.stepDueAt ? (
          <Typography.Text
            type={overdue ? "danger" : "secondary"}
            data-testid="sla-timer"
            style={{ fontSize: 12 }}
          >
            {overdue ? <WarningFilled /> : <ClockCircleOutlined />}{" "}
            {formatDue(complaint.stepDueAt, props.now, te)}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("card.received", { date: format.dateTime(complaint.receivedAt) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
