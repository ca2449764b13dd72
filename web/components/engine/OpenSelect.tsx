import { useState } from "react";
import { Select } from "antd";

/**
 * A choice among known values that also takes a new one typed in (open vocabularies: value
 * kinds, information types). Form.Item passes `id`, `value` and `onChange`.
 */
export function OpenSelect(props: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  options: { value: string; label: string }[];
  /** The label of the option that adds what was typed. */
  newLabel: (typed: string) => string;
  ariaLabel: string;
  allowClear?: boolean;
}) {
  const [typed, setTyped] = useState("");
  const options = [...props.options];
  if (props.value && !options.some((o) => o.value === props.value))
    options.push({ value: props.value, label: props.value });
  const fresh = typed.trim();
  if (fresh && !options.some((o) => o.value === fresh || o.label === fresh))
    options.push({ value: fresh, label: props.newLabel(fresh) });
  return (
    <Select
      id={props.id}
      aria-label={props.ariaLabel}
      allowClear={props.allowClear}
      value={props.value}
      onChange={(value?: string) => {
        setTyped("");
        props.onChange?.(value);
      }}
      showSearch={{ optionFilterProp: "label", onSearch: setTyped }}
      options={options}
    />
  );
}
