import { useMemo, type ReactNode } from "react";
import { App as AntApp, Col, DatePicker, Flex, Row, Segmented, Typography } from "antd";
import dayjs from "dayjs";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { refreshAnalyticsAction, type RefreshState } from "../actions/dashboardActions.js";
import type { CustomerFilters } from "../api/types.js";
import { ActionButton } from "../components/ActionButton.js";
import { AnalyticsRefresh } from "../components/dashboard/AnalyticsRefresh.js";
import { ChartCard } from "../components/dashboard/ChartCard.js";
import { dashboardCharts } from "../components/dashboard/charts.js";
import { customersHref } from "../components/dashboard/customersHref.js";
import { DashboardKpis } from "../components/dashboard/DashboardKpis.js";
import { pooledRetention } from "../components/dashboard/retention.js";
import { RfmGrid } from "../components/dashboard/RfmGrid.js";
import { countFlowKinds } from "../components/dashboard/flowKinds.js";
import { upgradeVelocity } from "../components/dashboard/velocity.js";
import { errorMessage } from "../components/errors.js";
import type { Stage } from "../../src/shared/enums.js";
import {
  DAY,
  flowsPeriod,
  readDashboardParams,
  RETENTION_PERIODS,
  useDashboardData,
  useRefreshStatus,
} from "./DashboardData.js";

/**
 * The dashboard (SPEC §12): the ladder with its flows, problem share, upgrade velocity,
 * retention, and the value of the base (CLV, ABC, RFM, life cycle). Every chart leads to the
 * customers behind what was clicked.
 */
export function DashboardScene() {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { start, end, retention: retentionPeriod } = readDashboardParams(params);
  const period = useMemo(() => flowsPeriod(start, end), [start.format(DAY), end.format(DAY)]);

  const status = useRefreshStatus();
  const data = useDashboardData(period, retentionPeriod);
  // The charts' code, fetched alongside the data: a panel draws once both are here.
  const charts = dashboardCharts.useModule();
  const refreshState: RefreshState = {
    running: status.data?.running ?? false,
    onError: (error) => void message.error(errorMessage(tc, error)),
  };
  const go = (filters: CustomerFilters) => void navigate(customersHref(filters));
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const overview = data.overview.data;
  const noScores: { description: ReactNode; action?: ReactNode } | null =
    overview && !overview.run
      ? {
          description: t("empty.noRun"),
          action: (
            <ActionButton action={refreshAnalyticsAction} arg={refreshState} type="primary" />
          ),
        }
      : overview && overview.customersScored === 0
        ? {
            description: t("empty.noScored"),
            action: <Link to="/import">{t("empty.import")}</Link>,
          }
        : null;
  const counts = data.board.data?.counts;
  const noCustomers =
    counts && Object.values(counts).every((n) => n === 0)
      ? {
          description: t("empty.noCustomers"),
          action: <Link to="/import">{t("empty.import")}</Link>,
        }
      : null;
  const flows = data.flows.data;
  const kinds = flows ? countFlowKinds(flows.flows) : undefined;
  const velocity = counts && flows ? upgradeVelocity(counts, flows) : undefined;
  const retained = data.cohorts.data ? pooledRetention(data.cohorts.data, 1) : undefined;
  const periodDays = end.diff(start, "day") + 1;

  const loading = (query: { isPending: boolean }) => query.isPending || !charts;
  const half = { xs: 24, xl: 12 };
  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Flex justify="space-between" align="start" wrap gap={12}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tc("nav.dashboard")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
        </Flex>
        <AnalyticsRefresh status={status.data} state={refreshState} />
      </Flex>

      <DashboardKpis
        values={{
          active: counts
            ? Object.values(counts).reduce((n, c) => n + c, 0) - counts.exited
            : undefined,
          clvTotalCents: overview?.run ? overview.clvTotalCents : undefined,
          customersScored: overview?.customersScored,
          problemShare: data.problemShare.data
            ? { share: data.problemShare.data.overall.share, limit: data.problemShare.data.limit }
            : undefined,
          retention:
            retained === undefined || retained === null
              ? null
              : { value: retained, period: retentionPeriod },
          upgrades: kinds ? (kinds.upgrade ?? 0) : undefined,
          periodDays,
        }}
      />

      <Flex justify="end" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t("period.label")}</Typography.Text>
        <DatePicker.RangePicker
          aria-label={t("period.label")}
          value={[start, end]}
          allowClear={false}
          disabledDate={(day) => day.isAfter(dayjs(), "day")}
          presets={[30, 90, 180, 365].map((days) => ({
            label: t("period.lastDays", { count: days }),
            value: [dayjs().startOf("day").subtract(days, "day"), dayjs().startOf("day")],
          }))}
          onChange={(range) => {
            if (range?.[0] && range[1])
              setParam({ from: range[0].format(DAY), to: range[1].format(DAY) });
          }}
        />
      </Flex>

      <Row gutter={[16, 16]}>
        <Col {...half}>
          <ChartCard
            name="funnel"
            title={t("funnel.title")}
            help={t("funnel.help")}
            loading={loading(data.board)}
            error={data.board.error}
            empty={noCustomers}
          >
            {charts && counts ? (
              <charts.StageFunnel counts={counts} onSelect={(stage) => go({ stage: [stage] })} />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="flows"
            title={t("flows.title")}
            help={t("flows.help")}
            loading={loading(data.flows)}
            error={data.flows.error}
            empty={flows && flows.total === 0 ? { description: t("empty.noFlows") } : null}
          >
            {charts && flows ? (
              <charts.StageFlows flows={flows} onSelect={(stage) => go({ stage: [stage] })} />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="problem-share"
            title={t("problem.title")}
            help={t("problem.help")}
            loading={loading(data.problemShare)}
            error={data.problemShare.error}
            empty={
              data.problemShare.data && data.problemShare.data.overall.active === 0
                ? (noCustomers ?? { description: t("empty.noCustomers") })
                : null
            }
          >
            {charts && data.problemShare.data ? (
              <charts.ProblemShareChart
                share={data.problemShare.data}
                onSelectOwner={(ownerId) => go({ stage: ["problem"], ownerId: [ownerId] })}
              />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="velocity"
            title={t("velocity.title")}
            help={t("velocity.help")}
            loading={loading(data.board) || loading(data.flows)}
            error={data.board.error ?? data.flows.error}
            empty={noCustomers}
          >
            {charts && velocity ? (
              <charts.UpgradeVelocityChart
                rows={velocity}
                overdue={data.overdue}
                onSelect={(stage: Stage) => go({ stage: [stage] })}
              />
            ) : null}
          </ChartCard>
        </Col>
        <Col span={24}>
          <ChartCard
            name="retention"
            title={t("retention.title")}
            help={t("retention.help")}
            loading={loading(data.cohorts)}
            error={data.cohorts.error}
            empty={
              data.cohorts.data && data.cohorts.data.cohorts.length === 0
                ? {
                    description: t("empty.noPurchases"),
                    action: <Link to="/import">{t("empty.import")}</Link>,
                  }
                : null
            }
            extra={
              <Segmented
                size="small"
                value={retentionPeriod}
                onChange={(value) => setParam({ retention: value })}
                options={RETENTION_PERIODS.map((p) => ({
                  value: p,
                  label: t(`retention.period.${p}`),
                }))}
              />
            }
          >
            {charts && data.cohorts.data ? (
              <charts.RetentionChart retention={data.cohorts.data} />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="pareto"
            title={t("pareto.title")}
            help={t("pareto.help")}
            loading={loading(data.pareto) || loading(data.overview)}
            error={data.pareto.error ?? data.overview.error}
            empty={
              noScores ??
              (data.pareto.data?.points.length === 0
                ? { description: t("empty.noPurchases") }
                : null)
            }
          >
            {charts && data.pareto.data && overview ? (
              <charts.ParetoChart
                pareto={data.pareto.data}
                abc={overview.abc}
                onSelectClass={(abcClass) => go({ abcClass: [abcClass as "A"] })}
              />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="rfm"
            title={t("rfm.title")}
            help={t("rfm.help.title")}
            loading={data.overview.isPending}
            error={data.overview.error}
            empty={noScores}
          >
            {overview ? <RfmGrid segments={overview.rfmSegments} grid={overview.rfmGrid} /> : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="clv"
            title={t("clv.title")}
            help={t("clv.help")}
            loading={loading(data.scatter) || loading(data.overview)}
            error={data.scatter.error ?? data.overview.error}
            empty={noScores}
          >
            {charts && data.scatter.data && overview ? (
              <charts.ClvScatterChart
                points={data.scatter.data.points}
                overview={overview}
                onSelectCustomer={(id) => void navigate(`/customers/${id}`)}
              />
            ) : null}
          </ChartCard>
        </Col>
        <Col {...half}>
          <ChartCard
            name="lifecycle"
            title={t("lifecycle.title")}
            help={t("lifecycle.help")}
            loading={loading(data.overview)}
            error={data.overview.error}
            empty={noScores}
          >
            {charts && overview ? (
              <charts.LifecycleChart
                lifecycle={overview.lifecycle}
                onSelect={(phase) => go({ lifecyclePhase: [phase as "growth"] })}
              />
            ) : null}
          </ChartCard>
        </Col>
      </Row>
    </Flex>
  );
}
