import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { AnalyticsOverview } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";

/** The published run the page shows: the date it describes, when it appeared, what it covers. */
export function RunSummary(props: {
  run: NonNullable<AnalyticsOverview["run"]>;
  customersScored: number;
  clvTotalCents: number;
}) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const { run } = props;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="run-summary"
      items={[
        { key: "asOf", label: t("run.asOf"), children: format.date(run.asOf) },
        {
          key: "publishedAt",
          label: t("run.publishedAt"),
          children: run.publishedAt ? format.dateTime(run.publishedAt) : "—",
        },
        {
          key: "customers",
          label: t("run.customersScored"),
          children: format.number(props.customersScored),
        },
        { key: "clv", label: t("run.clvTotal"), children: format.money(props.clvTotalCents) },
      ]}
    />
  );
}
