import type { ReactNode } from "react";
import { Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  STAGES,
  VALUE_DIMENSIONS,
  VALUE_LIFECYCLES,
  VALUE_SCOPES,
} from "../../../src/shared/enums.js";
import type { ValuesQuery } from "../../api/values.js";
import { SearchBox } from "../SearchBox.js";
import { valueKindLabel } from "./valueKind.js";

export type ValueFilters = Pick<
  ValuesQuery,
  "q" | "kind" | "scope" | "dimension" | "stage" | "lifecycle" | "unique" | "active"
>;

/** Filters of the value catalogue; several values of one filter mean any of them. */
export function ValueFilterBar(props: {
  filters: ValueFilters;
  kinds: string[];
  onChange: (filters: ValueFilters) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const { filters } = props;
  const set = <K extends keyof ValueFilters>(key: K, value: ValueFilters[K]) =>
    props.onChange({
      ...filters,
      [key]: Array.isArray(value) && value.length === 0 ? undefined : value,
    });
  const common = {
    mode: "multiple" as const,
    allowClear: true,
    maxTagCount: "responsive" as const,
    style: { width: 170 },
  };
  return (
    <Flex wrap gap={8} align="center" role="search">
      <SearchBox
        value={filters.q ?? ""}
        onSearch={(q) => set("q", q || undefined)}
        placeholder={t("filter.search")}
        width={220}
      />
      <Select
        {...common}
        aria-label={t("column.kind")}
        placeholder={t("column.kind")}
        value={filters.kind ?? []}
        onChange={(v) => set("kind", v)}
        options={props.kinds.map((kind) => ({ value: kind, label: valueKindLabel(kind, te) }))}
      />
      <Select
        {...common}
        aria-label={t("column.scope")}
        placeholder={t("column.scope")}
        value={filters.scope ?? []}
        onChange={(v) => set("scope", v)}
        options={VALUE_SCOPES.map((s) => ({ value: s, label: te(`valueScope.${s}`) }))}
      />
      <Select
        {...common}
        style={{ width: 220 }}
        aria-label={t("column.dimensions")}
        placeholder={t("column.dimensions")}
        value={filters.dimension ?? []}
        onChange={(v) => set("dimension", v)}
        options={VALUE_DIMENSIONS.map((d) => ({ value: d, label: te(`dimension.${d}`) }))}
      />
      <Select
        {...common}
        aria-label={t("column.stages")}
        placeholder={t("column.stages")}
        value={filters.stage ?? []}
        onChange={(v) => set("stage", v)}
        options={STAGES.map((s) => ({ value: s, label: tt(`stage.${s}`) }))}
      />
      <Select
        {...common}
        aria-label={t("column.lifecycle")}
        placeholder={t("column.lifecycle")}
        value={filters.lifecycle ?? []}
        onChange={(v) => set("lifecycle", v)}
        options={VALUE_LIFECYCLES.map((l) => ({ value: l, label: te(`lifecycle.${l}`) }))}
      />
      <Select
        allowClear
        style={{ width: 150 }}
        aria-label={t("filter.unique")}
        placeholder={t("filter.unique")}
        value={filters.unique}
        onChange={(v) => set("unique", v)}
        options={[
          { value: "true", label: t("filter.uniqueOnly") },
          { value: "false", label: t("filter.parityOnly") },
        ]}
      />
      <Select
        style={{ width: 150 }}
        aria-label={t("filter.active")}
        value={filters.active ?? "true"}
        onChange={(v) => set("active", v === "true" ? undefined : v)}
        options={[
          { value: "true", label: t("filter.activeOnly") },
          { value: "false", label: t("filter.retiredOnly") },
          { value: "all", label: t("filter.activeAll") },
        ]}
      />
      {props.extra}
    </Flex>
  );
}
