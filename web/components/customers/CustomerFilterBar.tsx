import type { ReactNode } from "react";
import { Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { CUSTOMER_KINDS, CUSTOMER_PURPOSES, SCALES, STAGES } from "../../../src/shared/enums.js";
import type { CustomerFilters } from "../../api/types.js";
import { SearchBox } from "../SearchBox.js";

/** Values seen so far, offered as choices for the free-text filters. */
export interface FilterSuggestions {
  industry: string[];
  region: string[];
  tag: string[];
  owners: { id: number; name: string }[];
}

const SELECT_WIDTH = 168;

function options(values: readonly string[], label: (value: string) => string = (v) => v) {
  return values.map((value) => ({ value, label: label(value) }));
}

/** Search and filters of the customers list. Every filter takes several values, meaning OR. */
export function CustomerFilterBar(props: {
  filters: CustomerFilters;
  suggestions: FilterSuggestions;
  onChange: (filters: CustomerFilters) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { filters, suggestions } = props;
  const set = <K extends keyof CustomerFilters>(key: K, value: CustomerFilters[K]) =>
    props.onChange({ ...filters, [key]: value });

  const common = {
    mode: "multiple" as const,
    allowClear: true,
    maxTagCount: "responsive" as const,
    style: { width: SELECT_WIDTH },
  };
  const free = {
    ...common,
    mode: "tags" as const,
    tokenSeparators: [",", "，"],
    notFoundContent: t("customers.filter.freeEntryHint"),
  };

  return (
    <Flex wrap gap={8} align="center" role="search">
      <SearchBox
        value={filters.q ?? ""}
        onSearch={(q) => set("q", q || undefined)}
        placeholder={t("customers.searchPlaceholder")}
      />
      <Select
        {...common}
        aria-label={t("customers.filter.stage")}
        placeholder={t("customers.filter.stage")}
        value={filters.stage ?? []}
        onChange={(value) => set("stage", value)}
        options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
      />
      <Select
        {...common}
        aria-label={t("customers.filter.kind")}
        placeholder={t("customers.filter.kind")}
        value={filters.kind ?? []}
        onChange={(value) => set("kind", value)}
        options={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <Select
        {...common}
        aria-label={t("customers.filter.purpose")}
        placeholder={t("customers.filter.purpose")}
        value={filters.purpose ?? []}
        onChange={(value) => set("purpose", value)}
        options={CUSTOMER_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
      />
      <Select
        {...common}
        aria-label={t("customers.filter.scale")}
        placeholder={t("customers.filter.scale")}
        value={filters.scale ?? []}
        onChange={(value) => set("scale", value)}
        options={SCALES.map((scale) => ({ value: scale, label: t(`scale.${scale}`) }))}
      />
      <Select
        {...free}
        aria-label={t("customers.filter.industry")}
        placeholder={t("customers.filter.industry")}
        value={filters.industry ?? []}
        onChange={(value: string[]) => set("industry", value)}
        options={options(suggestions.industry)}
      />
      <Select
        {...free}
        aria-label={t("customers.filter.region")}
        placeholder={t("customers.filter.region")}
        value={filters.region ?? []}
        onChange={(value: string[]) => set("region", value)}
        options={options(suggestions.region)}
      />
      <Select
        {...common}
        aria-label={t("customers.filter.owner")}
        placeholder={t("customers.filter.owner")}
        value={filters.ownerId ?? []}
        onChange={(value: number[]) => set("ownerId", value)}
        optionFilterProp="label"
        options={suggestions.owners.map((owner) => ({ value: owner.id, label: owner.name }))}
      />
      <Select
        {...free}
        aria-label={t("customers.filter.tag")}
        placeholder={t("customers.filter.tag")}
        value={filters.tag ?? []}
        onChange={(value: string[]) => set("tag", value)}
        options={options(suggestions.tag)}
      />
      {props.extra}
    </Flex>
  );
}
