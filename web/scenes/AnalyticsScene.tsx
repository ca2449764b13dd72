import type { ReactNode } from "react";
import { App as AntApp, Card, Col, Flex, Row, Segmented, Skeleton } from "antd";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { refreshAnalyticsAction, type RefreshState } from "../actions/dashboardActions.js";
import type { RetentionPeriod } from "../api/analytics.js";
import { ActionButton } from "../components/ActionButton.js";
import { AbcTable } from "../components/analytics/AbcTable.js";
import { readModelReport } from "../components/analytics/analyticsReport.js";
import { ClvTypesTable } from "../components/analytics/ClvTypesTable.js";
import { LifecycleTable } from "../components/analytics/LifecycleTable.js";
import { ModelReport } from "../components/analytics/ModelReport.js";
import { RetentionHeatmap } from "../components/analytics/RetentionHeatmap.js";
import { RfmSegmentsTable } from "../components/analytics/RfmSegmentsTable.js";
import { RunSummary } from "../components/analytics/RunSummary.js";
import { SizeTiersTable } from "../components/analytics/SizeTiersTable.js";
import { AnalyticsRefresh } from "../components/dashboard/AnalyticsRefresh.js";
import { ChartCard } from "../components/dashboard/ChartCard.js";
import { EmptyHint } from "../components/engine/EmptyHint.js";
import { SceneHeader } from "../components/engine/SceneHeader.js";
import { errorMessage } from "../components/errors.js";
import { readRetentionPeriod, RETENTION_PERIODS, useAnalyticsData } from "./AnalyticsData.js";
import { useRefreshStatus } from "./DashboardData.js";

/** Before the first refresh: what a refresh computes, the command, and where data comes from. */
function NoRunYet(props: { refresh: ReactNode }) {
  const { t } = useTranslation("analytics");
  return (
    <Card data-testid="analytics-empty">
      <EmptyHint
        title={t("empty.title")}
        hint={t("empty.hint")}
        action={
          <Flex gap={12} justify="center" align="center">
            {props.refresh}
            <Link to="/import">{t("empty.import")}</Link>
          </Flex>
        }
      />
    </Card>
  );
}

/**
 * Customer-value analytics for analysts and marketing managers (SPEC §7, §8, §12): the latest
 * refresh with its fitted models, then the base by ABC class, size tier, RFM segment, CLV type,
 * cohort and life-cycle phase, each class, segment, type and phase leading to its customers.
 */
export function AnalyticsScene() {
  const { t } = useTranslation("analytics");
  const { t: tc } = useTranslation();
  const { t: vocabulary } = useTranslation("dashboard");
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const retention = readRetentionPeriod(params);
  const status = useRefreshStatus();
  const data = useAnalyticsData(retention);
  const refreshState: RefreshState = {
    running: status.data?.running ?? false,
    onError: (error) => void message.error(errorMessage(tc, error)),
  };
  const refreshButton = (
    <ActionButton action={refreshAnalyticsAction} arg={refreshState} type="primary" />
  );
  const header = (
    <SceneHeader
      title={t("title")}
      subtitle={t("subtitle")}
      extra={<AnalyticsRefresh status={status.data} state={refreshState} />}
    />
  );

  const overview = data.overview.data;
  if (status.isPending || data.overview.isPending) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </Flex>
    );
  }
  if (!overview?.run) {
    return (
      <Flex vertical gap={16}>
        {header}
        {data.overview.error ? (
          <ChartCard name="overview" title={t("run.title")} error={data.overview.error} />
        ) : (
          <NoRunYet refresh={refreshButton} />
        )}
      </Flex>
    );
  }

  // A run that scored nobody: each panel says so and offers the import.
  const noScores =
    overview.customersScored === 0
      ? {
          description: t("empty.noScored"),
          action: <Link to="/import">{t("empty.import")}</Link>,
        }
      : null;
  const setRetention = (period: RetentionPeriod) => {
    const next = new URLSearchParams(params);
    next.set("retention", period);
    setParams(next, { replace: true });
  };
  const cohorts = data.cohorts.data?.cohorts;

  return (
    <Flex vertical gap={16}>
      {header}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ChartCard name="run" title={t("run.title")}>
            <RunSummary
              run={overview.run}
              customersScored={overview.customersScored}
              clvTotalCents={overview.clvTotalCents}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={16}>
          <ChartCard name="models" title={t("model.title")} help={t("model.help")}>
            <ModelReport report={readModelReport(overview.run.fit)} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={9}>
          <ChartCard name="abc" title={t("abc.title")} help={t("abc.help")} empty={noScores}>
            <AbcTable abc={overview.abc} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={15}>
          <ChartCard
            name="size-tiers"
            title={t("tiers.title")}
            help={t("tiers.help")}
            loading={data.sizeTiers.isPending}
            error={data.sizeTiers.error}
            empty={data.sizeTiers.data?.tiers.length === 0 ? noScores : null}
          >
            <SizeTiersTable tiers={data.sizeTiers.data?.tiers ?? []} />
          </ChartCard>
        </Col>
        <Col span={24}>
          <ChartCard
            name="rfm"
            title={t("rfm.title")}
            help={t("rfm.help")}
            loading={data.rfmSegments.isPending}
            error={data.rfmSegments.error}
            empty={noScores}
          >
            <RfmSegmentsTable segments={data.rfmSegments.data?.segments ?? []} />
          </ChartCard>
        </Col>
        <Col xs={24} xxl={12}>
          <ChartCard name="clv" title={t("clv.title")} help={t("clv.help")} empty={noScores}>
            <ClvTypesTable quadrants={overview.quadrants} />
          </ChartCard>
        </Col>
        <Col xs={24} xxl={12}>
          <ChartCard
            name="lifecycle"
            title={t("lifecycle.title")}
            help={t("lifecycle.help")}
            empty={noScores}
          >
            <LifecycleTable lifecycle={overview.lifecycle} />
          </ChartCard>
        </Col>
        <Col span={24}>
          <ChartCard
            name="retention"
            title={t("retention.title")}
            help={t("retention.help")}
            extra={
              <Segmented<RetentionPeriod>
                size="small"
                value={retention}
                onChange={setRetention}
                options={RETENTION_PERIODS.map((period) => ({
                  value: period,
                  label: vocabulary(`retention.period.${period}`),
                }))}
              />
            }
            loading={data.cohorts.isPending}
            error={data.cohorts.error}
            empty={cohorts?.length === 0 ? { description: t("retention.noPurchases") } : null}
          >
            {data.cohorts.data ? <RetentionHeatmap retention={data.cohorts.data} /> : null}
          </ChartCard>
        </Col>
      </Row>
    </Flex>
  );
}
