import { useMemo } from "react";
import { Flex, Progress, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ProblemShare } from "../../api/ladder.js";
import { Chart } from "../chart/Chart.js";
import type { ChartOption } from "../chart/echarts.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { customersHref } from "./customersHref.js";
import { percent } from "./compact.js";

const OWNERS_SHOWN = 12;

/**
 * The share of problem customers against the 3 % limit (SPEC §2): overall, and per account
 * manager with the limit drawn as a line. A bar leads to that manager's problem customers.
 */
export function ProblemShareChart(props: {
  share: ProblemShare;
  onSelectOwner: (ownerId: number) => void;
}) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const { share } = props;
  const { overall, limit } = share;

  const option = useMemo<ChartOption>(() => {
    const owners = [...share.byOwner].sort((a, b) => b.share - a.share).slice(0, OWNERS_SHOWN);
    owners.reverse(); // the highest share on top
    const top = Math.max(limit * 2, ...owners.map((o) => o.share)) * 1.1;
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: (p: {
          name: string;
          data: { problem: number; active: number; value: number };
        }) =>
          t("problem.ownerTooltip", {
            owner: p.name,
            share: percent(p.data.value, language),
            problem: formatNumber(p.data.problem, language),
            active: formatNumber(p.data.active, language),
          }),
      },
      xAxis: {
        type: "value",
        max: top,
        axisLabel: { formatter: (v: number) => percent(v, language, 0) },
      },
      yAxis: {
        type: "category",
        data: owners.map((o) => o.ownerName ?? `#${o.ownerId}`),
        axisLabel: { width: 90, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          cursor: "pointer",
          barMaxWidth: 14,
          data: owners.map((o) => ({
            value: o.share,
            problem: o.problem,
            active: o.active,
            ownerId: o.ownerId,
            itemStyle: { color: o.alert ? "#f5222d" : "#faad14" },
          })),
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#f5222d", type: "dashed" },
            label: { formatter: percent(limit, language, 0), position: "end" },
            data: [{ xAxis: limit }],
          },
        },
      ],
    };
  }, [share, limit, language, t]);

  const over = overall.share > limit;
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={24} wrap>
        <Link to={customersHref({ stage: ["problem"] })} data-testid="problem-share-link">
          <Statistic
            title={t("problem.overall")}
            value={percent(overall.share, language, 2)}
            styles={{ content: { color: over ? "#f5222d" : "#389e0d" } }}
          />
        </Link>
        <Flex vertical style={{ flex: 1, minWidth: 200 }}>
          <Progress
            percent={Math.min(100, (overall.share / (limit * 2)) * 100)}
            showInfo={false}
            strokeColor={over ? "#f5222d" : "#52c41a"}
            aria-label={t("problem.overall")}
          />
          <Typography.Text type={over ? "danger" : "secondary"}>
            {t(over ? "problem.over" : "problem.within", {
              problem: formatNumber(overall.problem, language),
              active: formatNumber(overall.active, language),
              limit: percent(limit, language, 0),
            })}
          </Typography.Text>
        </Flex>
      </Flex>
      {share.byOwner.length > 0 ? (
        <Chart
          option={option}
          height={Math.max(160, Math.min(share.byOwner.length, OWNERS_SHOWN) * 22 + 40)}
          ariaLabel={t("problem.aria")}
          onClick={(event) => {
            const ownerId = (event.data as { ownerId?: number } | undefined)?.ownerId;
            if (ownerId !== undefined) props.onSelectOwner(ownerId);
          }}
        />
      ) : null}
    </Flex>
  );
}
