import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Retention } from "../../api/analytics.js";
import { useFormat } from "../../i18n/useFormat.js";
import { percent } from "../dashboard/compact.js";
import { heatShade, retentionHeatmap, type HeatCell } from "./analyticsReport.js";

const CELL = {
  padding: "3px 4px",
  textAlign: "center",
  minWidth: 40,
  whiteSpace: "nowrap",
} as const;

function RetentionCell(props: { cohort: string; size: number; offset: number; cell: HeatCell }) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const { cell } = props;
  const share = percent(cell.retention, format.language, 0);
  const title = t("retention.cell", {
    cohort: props.cohort,
    offset: props.offset,
    retained: format.number(cell.retained),
    size: format.number(props.size),
    share,
  });
  return (
    <td
      title={cell.running ? `${title} · ${t("retention.running")}` : title}
      data-running={cell.running || undefined}
      style={{
        ...CELL,
        ...heatShade(cell.retention),
        borderRadius: 4,
        outline: cell.running ? "1px dashed rgba(0, 0, 0, 0.45)" : undefined,
        outlineOffset: -2,
      }}
    >
      {share}
    </td>
  );
}

/**
 * Cohort retention as a heat map (SPEC §12): a row per acquisition cohort, a column per period
 * since, each cell the share still buying; the deeper the blue, the more kept.
 */
export function RetentionHeatmap(props: { retention: Retention }) {
  const { t } = useTranslation("analytics");
  const format = useFormat();
  const { periods, rows } = useMemo(() => retentionHeatmap(props.retention), [props.retention]);
  // Newest cohorts first: they are what a manager acts on.
  const newestFirst = [...rows].reverse();
  return (
    <div style={{ overflowX: "auto" }}>
      <table
        data-testid="retention-heatmap"
        aria-label={t("retention.title")}
        style={{ borderCollapse: "separate", borderSpacing: 2, fontSize: 12, width: "100%" }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ ...CELL, textAlign: "start" }}>
              {t("retention.cohort")}
            </th>
            <th scope="col" style={{ ...CELL, textAlign: "end" }}>
              {t("retention.size")}
            </th>
            {Array.from({ length: periods }, (_, k) => (
              <th key={k} scope="col" style={CELL}>
                {t("retention.offset", { n: k })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((row) => (
            <tr key={row.cohort} data-cohort={row.cohort}>
              <th scope="row" style={{ ...CELL, textAlign: "start", fontWeight: 500 }}>
                {row.cohort}
              </th>
              <td style={{ ...CELL, textAlign: "end" }}>{format.number(row.size)}</td>
              {row.cells.map((cell, k) =>
                cell ? (
                  <RetentionCell
                    key={k}
                    cohort={row.cohort}
                    size={row.size}
                    offset={k}
                    cell={cell}
                  />
                ) : (
                  <td key={k} style={CELL} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
