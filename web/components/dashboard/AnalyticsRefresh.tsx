import { Alert, Flex, Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { refreshAnalyticsAction, type RefreshState } from "../../actions/dashboardActions.js";
import type { RefreshStatus } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { ActionButton } from "../ActionButton.js";

const PHASES = ["read", "score", "write", "publish"] as const;

/** When the scores were computed, the refresh command, and its progress while it runs. */
export function AnalyticsRefresh(props: {
  status: RefreshStatus | undefined;
  state: RefreshState;
}) {
  const { t } = useTranslation("dashboard");
  const format = useFormat();
  const { status } = props;
  const run = status?.lastRun;
  const phase = PHASES.find((p) => p === status?.phase);
  // Reading has no total; each later phase counts its own rows. Four phases make the bar.
  const step = phase ? PHASES.indexOf(phase) : 0;
  const within = status && status.total > 0 ? status.done / status.total : 0;
  const percent = Math.round(((step + within) / PHASES.length) * 100);

  return (
    <Flex vertical gap={4} align="end" data-testid="analytics-refresh">
      <Flex gap={12} align="center">
        <Typography.Text type="secondary">
          {run
            ? t("refresh.asOf", { date: format.dateTime(run.publishedAt ?? run.asOf) })
            : t("refresh.never")}
        </Typography.Text>
        <ActionButton action={refreshAnalyticsAction} arg={props.state} />
      </Flex>
      {status?.running ? (
        <Flex gap={8} align="center" style={{ width: 320 }} aria-live="polite">
          <Progress percent={percent} size="small" status="active" style={{ flex: 1, margin: 0 }} />
          <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
            {phase ? t(`refresh.phase.${phase}`) : t("refresh.starting")}
            {status.total > 0
              ? ` ${format.number(status.done)}/${format.number(status.total)}`
              : ""}
          </Typography.Text>
        </Flex>
      ) : null}
      {status?.error && !status.running ? (
        <Alert type="error" showIcon title={t("refresh.failed", { error: status.error })} />
      ) : null}
    </Flex>
  );
}
