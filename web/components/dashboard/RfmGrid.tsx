import { Flex, Tooltip, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RFM_SEGMENTS, type AnalyticsOverview } from "../../api/analytics.js";
import { formatNumber } from "../../i18n/format.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "./compact.js";
import { customersHref } from "./customersHref.js";

/** Segment tiles from the best (deep green) to the lost (grey). */
const SEGMENT_COLORS: Record<string, string> = {
  champions: "#237804",
  loyal: "#389e0d",
  potential_loyalist: "#7cb305",
  new: "#13c2c2",
  promising: "#36cfc9",
  need_attention: "#d4b106",
  about_to_sleep: "#fa8c16",
  at_risk: "#fa541c",
  cant_lose_them: "#cf1322",
  hibernating: "#8c8c8c",
  lost: "#595959",
};

/**
 * The RFM mix (SPEC §7): a tile per named segment (each leads to its customers), and the
 * recency × frequency grid of scores 1–5 shaded by how many customers sit in each cell.
 */
export function RfmGrid(props: {
  segments: AnalyticsOverview["rfmSegments"];
  grid: AnalyticsOverview["rfmGrid"];
}) {
  const { t } = useTranslation("dashboard");
  const { language } = useFormat();
  const total = props.segments.reduce((n, s) => n + s.customers, 0);
  const bySegment = new Map(props.segments.map((s) => [s.segment, s.customers]));
  const known = new Set<string>(RFM_SEGMENTS);
  const segments = [
    ...RFM_SEGMENTS.filter((s) => bySegment.has(s)),
    ...props.segments.map((s) => s.segment).filter((s) => !known.has(s)),
  ];
  const cells = new Map(props.grid.map((c) => [`${c.r}:${c.f}`, c.customers]));
  const max = Math.max(1, ...props.grid.map((c) => c.customers));

  return (
    <Flex vertical gap={16}>
      <div
        role="list"
        aria-label={t("rfm.segments")}
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(128px, 1fr))",
          gap: 8,
        }}
      >
        {segments.map((segment) => {
          const customers = bySegment.get(segment) ?? 0;
          return (
            <Link
              key={segment}
              role="listitem"
              to={customersHref({ rfmSegment: [segment] })}
              data-rfm-segment={segment}
              style={{
                background: SEGMENT_COLORS[segment] ?? "#8c8c8c",
                color: "#fff",
                borderRadius: 6,
                padding: "8px 10px",
                minHeight: 64,
                opacity: 0.55 + 0.45 * (total ? Math.sqrt(customers / total) : 0),
              }}
            >
              <Tooltip
                title={t(`rfm.help.${segment}` as "rfm.help.champions", { defaultValue: "" })}
              >
                <div style={{ fontWeight: 600 }}>
                  {t(`rfm.segment.${segment}` as "rfm.segment.champions", {
                    defaultValue: segment,
                  })}
                </div>
                <div style={{ fontSize: 12 }}>
                  {formatNumber(customers, language)} ·{" "}
                  {percent(total ? customers / total : 0, language)}
                </div>
              </Tooltip>
            </Link>
          );
        })}
      </div>
      <Flex gap={12} align="center" wrap>
        <table
          aria-label={t("rfm.gridAria")}
          style={{ borderCollapse: "separate", borderSpacing: 3, fontSize: 12 }}
        >
          <thead>
            <tr>
              <th scope="col" style={{ fontWeight: 400 }}>
                R \ F
              </th>
              {[1, 2, 3, 4, 5].map((f) => (
                <th key={f} scope="col" style={{ width: 52, fontWeight: 500 }}>
                  F{f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((r) => (
              <tr key={r}>
                <th scope="row" style={{ fontWeight: 500, paddingInline: 6 }}>
                  R{r}
                </th>
                {[1, 2, 3, 4, 5].map((f) => {
                  const n = cells.get(`${r}:${f}`) ?? 0;
                  const shade = n / max;
                  return (
                    <td
                      key={f}
                      title={t("rfm.cell", { r, f, customers: formatNumber(n, language) })}
                      style={{
                        textAlign: "center",
                        padding: "6px 4px",
                        borderRadius: 4,
                        background: `rgba(29, 91, 214, ${0.06 + 0.8 * shade})`,
                        color: shade > 0.5 ? "#fff" : "inherit",
                      }}
                    >
                      {formatNumber(n, language)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 240, margin: 0, fontSize: 12 }}>
          {t("rfm.gridHelp")}
        </Typography.Paragraph>
      </Flex>
    </Flex>
  );
}
