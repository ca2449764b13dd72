import { Table, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RFM_SEGMENTS, type RfmSegmentProfile } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "../dashboard/compact.js";
import { customersHref } from "../dashboard/customersHref.js";
import { inVocabularyOrder, withShare } from "./analyticsReport.js";

type Row = RfmSegmentProfile & { share: number };

/**
 * The RFM segments (SPEC §7) from best to worst with the averages behind their scores; a
 * segment leads to the customers list filtered by it.
 */
export function RfmSegmentsTable(props: { segments: RfmSegmentProfile[] }) {
  const { t } = useTranslation("analytics");
  const { t: vocabulary } = useTranslation("dashboard");
  const format = useFormat();
  const rows = withShare(
    inVocabularyOrder(props.segments, (row) => row.segment, RFM_SEGMENTS),
    (row) => row.customers,
  );
  const oneDecimal = (value: number) => format.number(Math.round(value * 10) / 10);
  const columns: ColumnsType<Row> = [
    {
      key: "segment",
      title: t("rfm.segment"),
      render: (_, row) => (
        <Tooltip
          title={vocabulary(`rfm.help.${row.segment}` as "rfm.help.champions", {
            defaultValue: "",
          })}
        >
          <Link to={customersHref({ rfmSegment: [row.segment] })} data-rfm-segment={row.segment}>
            {vocabulary(`rfm.segment.${row.segment}` as "rfm.segment.champions", {
              defaultValue: row.segment,
            })}
          </Link>
        </Tooltip>
      ),
    },
    {
      key: "customers",
      title: t("column.customers"),
      align: "right",
      render: (_, row) => format.number(row.customers),
    },
    {
      key: "share",
      title: t("column.customerShare"),
      align: "right",
      render: (_, row) => percent(row.share, format.language),
    },
    {
      key: "revenue",
      title: t("column.revenue"),
      align: "right",
      render: (_, row) => format.money(row.revenueCents),
    },
    {
      key: "recency",
      title: t("rfm.recency"),
      align: "right",
      render: (_, row) => t("rfm.recencyDays", { days: oneDecimal(row.averageRecencyDays) }),
    },
    {
      key: "frequency",
      title: <Tooltip title={t("rfm.frequencyHelp")}>{t("rfm.frequency")}</Tooltip>,
      align: "right",
      render: (_, row) => oneDecimal(row.averageFrequency),
    },
    {
      key: "monetary",
      title: t("rfm.monetary"),
      align: "right",
      render: (_, row) => format.money(Math.round(row.averageMonetaryCents)),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="segment"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="rfm-table"
    />
  );
}
