import { useState } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { VALUE_KINDS } from "../../../src/shared/enums.js";
import { valueKindLabel } from "./valueKind.js";

/**
 * A value kind: one of the nine, one the company already uses, or a new one typed in (kinds are
 * open-ended, SPEC §4). Form.Item passes `id`, `value` and `onChange`.
 */
export function KindSelect(props: {
  id?: string;
  value?: string;
  onChange?: (kind: string) => void;
  known: string[];
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const [typed, setTyped] = useState("");
  const kinds = [
    ...new Set([...VALUE_KINDS, ...props.known, ...(props.value ? [props.value] : [])]),
  ];
  const options = kinds.map((kind) => ({ value: kind, label: valueKindLabel(kind, te) }));
  const fresh = typed.trim();
  if (fresh && !kinds.includes(fresh) && !options.some((o) => o.label === fresh))
    options.push({ value: fresh, label: t("field.newKind", { kind: fresh }) });
  return (
    <Select
      id={props.id}
      aria-label={t("column.kind")}
      value={props.value}
      onChange={(kind: string) => {
        setTyped("");
        props.onChange?.(kind);
      }}
      showSearch={{ optionFilterProp: "label", onSearch: setTyped }}
      options={options}
    />
  );
}
