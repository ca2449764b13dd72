import { Flex, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerFilters } from "../../api/types.js";

const SCORE_FILTERS = ["abcClass", "rfmSegment", "clvQuadrant", "lifecyclePhase"] as const;
type ScoreFilter = (typeof SCORE_FILTERS)[number];

/**
 * The score filters a dashboard chart led to (ABC class, RFM segment, CLV type, life-cycle
 * phase), shown on the customers list as closable tags so the user sees why the list is short.
 */
export function ScoreFilterTags(props: {
  filters: CustomerFilters;
  onChange: (filters: CustomerFilters) => void;
}) {
  const { t } = useTranslation("dashboard");
  const label = (filter: ScoreFilter, value: string) =>
    filter === "abcClass"
      ? value
      : filter === "rfmSegment"
        ? t(`rfm.segment.${value}` as "rfm.segment.new", { defaultValue: value })
        : filter === "clvQuadrant"
          ? t(`clv.quadrant.${value}` as "clv.quadrant.mvc", { defaultValue: value })
          : t(`lifecycle.phase.${value}` as "lifecycle.phase.growth", { defaultValue: value });
  const active = SCORE_FILTERS.filter((filter) => (props.filters[filter]?.length ?? 0) > 0);
  if (active.length === 0) return null;
  return (
    <Flex gap={4} wrap data-testid="score-filters">
      {active.flatMap((filter) =>
        (props.filters[filter] as string[]).map((value) => (
          <Tooltip key={`${filter}:${value}`} title={t("scoreFilter.hint")}>
            <Tag
              color="blue"
              closable
              data-score-filter={filter}
              onClose={() =>
                props.onChange({
                  ...props.filters,
                  [filter]: (props.filters[filter] as string[]).filter((v) => v !== value),
                })
              }
            >
              {t(`scoreFilter.${filter}`)}: {label(filter, value)}
            </Tag>
          </Tooltip>
        )),
      )}
    </Flex>
  );
}
