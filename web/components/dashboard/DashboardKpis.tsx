import type { ReactNode } from "react";
import { Card, Col, Row, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatMoney, formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { compactMoney, percent } from "./compact.js";

export interface KpiValues {
  /** Customers not exited, from the board counts. */
  active?: number;
  clvTotalCents?: number;
  customersScored?: number;
  problemShare?: { share: number; limit: number };
  /** Pooled retention one period after acquisition. */
  retention?: { value: number; period: "month" | "quarter" | "year" } | null;
  upgrades?: number;
  periodDays?: number;
}

function Kpi(props: {
  name: string;
  title: string;
  value: ReactNode;
  note?: ReactNode;
  to?: string;
  color?: string;
}) {
  const body = (
    <Card
      size="small"
      hoverable={Boolean(props.to)}
      data-kpi={props.name}
      style={{ height: "100%" }}
    >
      <Statistic
        title={props.title}
        value={props.value as string}
        styles={props.color ? { content: { color: props.color } } : undefined}
      />
      {props.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {props.note}
        </Typography.Text>
      ) : null}
    </Card>
  );
  return props.to ? <Link to={props.to}>{body}</Link> : body;
}

/** The headline figures: size of the live base, its value, problem share, retention, upgrades. */
export function DashboardKpis({ values }: { values: KpiValues }) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const dash = "—";
  const problem = values.problemShare;
  const span = { xs: 24, sm: 12, lg: 8, xl: 4 };
  return (
    <Row gutter={[16, 16]}>
      <Col {...span} xl={5}>
        <Kpi
          name="active"
          title={t("kpi.active")}
          value={values.active === undefined ? dash : formatNumber(values.active, language)}
          note={t("kpi.activeNote")}
          to="/customers"
        />
      </Col>
      <Col {...span} xl={5}>
        <Kpi
          name="clv"
          title={t("kpi.clv")}
          value={
            values.clvTotalCents === undefined ? dash : compactMoney(values.clvTotalCents, language)
          }
          note={
            values.clvTotalCents === undefined
              ? t("kpi.clvMissing")
              : t("kpi.clvNote", {
                  money: formatMoney(values.clvTotalCents, language),
                  customers: formatNumber(values.customersScored ?? 0, language),
                })
          }
          to="/customers?clvQuadrant=mvc&clvQuadrant=mgc"
        />
      </Col>
      <Col {...span} xl={5}>
        <Kpi
          name="problem"
          title={t("kpi.problem")}
          value={problem ? percent(problem.share, language, 2) : dash}
          color={problem ? (problem.share > problem.limit ? "#cf1322" : "#389e0d") : undefined}
          note={
            problem ? t("kpi.problemNote", { limit: percent(problem.limit, language, 0) }) : null
          }
          to="/customers?stage=problem"
        />
      </Col>
      <Col {...span} xl={5}>
        <Kpi
          name="retention"
          title={t("kpi.retention")}
          value={values.retention ? percent(values.retention.value, language) : dash}
          note={
            values.retention
              ? t(`kpi.retentionNote.${values.retention.period}`, {
                  churn: percent(1 - values.retention.value, language),
                })
              : null
          }
        />
      </Col>
      <Col {...span} xl={4}>
        <Kpi
          name="upgrades"
          title={t("kpi.upgrades")}
          value={values.upgrades === undefined ? dash : formatNumber(values.upgrades, language)}
          note={values.periodDays ? t("kpi.upgradesNote", { count: values.periodDays }) : null}
          to="/ladder"
        />
      </Col>
    </Row>
  );
}
