import type { ReactNode } from "react";
import { Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { NEED_KINDS, NEED_LEVELS, NEED_SOURCES, NEED_STATUSES } from "../../../src/shared/enums.js";
import type { NeedsQuery } from "../../api/needs.js";

export type NeedFilters = Pick<NeedsQuery, "level" | "kind" | "status" | "source">;

/** Filters of the needs list; several values of one filter mean any of them. */
export function NeedFilterBar(props: {
  filters: NeedFilters;
  onChange: (filters: NeedFilters) => void;
  customer: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation("needs");
  const { t: te } = useTranslation("engine");
  const { filters } = props;
  const common = {
    mode: "multiple" as const,
    allowClear: true,
    maxTagCount: "responsive" as const,
    style: { width: 180 },
  };
  const set = <K extends keyof NeedFilters>(key: K, value: NeedFilters[K]) =>
    props.onChange({ ...filters, [key]: value?.length ? value : undefined });
  return (
    <Flex wrap gap={8} align="center" role="search" aria-label={te("common.filters")}>
      <div style={{ width: 240 }}>{props.customer}</div>
      <Select
        {...common}
        aria-label={t("column.level")}
        placeholder={t("column.level")}
        value={filters.level ?? []}
        onChange={(value) => set("level", value)}
        options={NEED_LEVELS.map((value) => ({ value, label: te(`needLevel.${value}`) }))}
      />
      <Select
        {...common}
        aria-label={t("column.kind")}
        placeholder={t("column.kind")}
        value={filters.kind ?? []}
        onChange={(value) => set("kind", value)}
        options={NEED_KINDS.map((value) => ({ value, label: te(`needKind.${value}`) }))}
      />
      <Select
        {...common}
        aria-label={t("column.status")}
        placeholder={t("column.status")}
        value={filters.status ?? []}
        onChange={(value) => set("status", value)}
        options={NEED_STATUSES.map((value) => ({ value, label: te(`needStatus.${value}`) }))}
      />
      <Select
        {...common}
        aria-label={t("column.source")}
        placeholder={t("column.source")}
        value={filters.source ?? []}
        onChange={(value) => set("source", value)}
        options={NEED_SOURCES.map((value) => ({ value, label: te(`needSource.${value}`) }))}
      />
      {props.extra}
    </Flex>
  );
}
