import { useTranslation } from "react-i18next";
import type { CustomerFilter, DrilldownDimension } from "../../api/segments.js";

type FilterKey = keyof CustomerFilter;

/** Names of filters and their values for people, in the interface language. */
export function useFilterLabels(ownerName?: (id: number) => string | undefined) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation("segments");
  const { t: te } = useTranslation("engine");

  const keyLabel = (key: FilterKey): string => ts(`filter.${key}`);

  const valueLabel = (
    key: FilterKey | DrilldownDimension,
    value: string | number | null,
  ): string => {
    if (value === null) return ts("drill.notRecorded");
    const v = String(value);
    switch (key) {
      case "stage":
        return t(`stage.${v as "new"}`);
      case "kind":
        return t(`kind.${v as "organization"}`);
      case "purpose":
        return t(`purpose.${v as "consumer"}`);
      case "scale":
        return t(`scale.${v as "small"}`);
      case "needLevel":
        return te(`needLevel.${v as "core"}`);
      case "needKind":
        return te(`needKind.${v as "quality"}`);
      case "bondLevel":
        return ts(`bondLevel.${v as "financial"}`);
      case "clvQuadrant":
        return ts(`clvQuadrant.${v as "mvc"}`);
      case "lifecyclePhase":
        return ts(`lifecyclePhase.${v as "growth"}`);
      case "archived":
        return ts(`archived.${v as "true"}`);
      case "ownerId":
        return ownerName?.(Number(v)) ?? `#${v}`;
      default:
        return v;
    }
  };

  /** Every condition of a filter as "label: value, value". */
  const describe = (filter: CustomerFilter): { key: FilterKey; text: string }[] =>
    (Object.entries(filter) as [FilterKey, unknown][])
      .filter(
        ([, value]) =>
          value !== undefined && value !== "" && !(Array.isArray(value) && !value.length),
      )
      .map(([key, value]) => ({
        key,
        text: `${keyLabel(key)}: ${(Array.isArray(value) ? value : [value])
          .map((item) => valueLabel(key, item as string))
          .join(ts("listSeparator"))}`,
      }));

  const dimensionLabel = (dimension: DrilldownDimension): string => ts(`filter.${dimension}`);

  return { keyLabel, valueLabel, describe, dimensionLabel };
}
