import { Select, Space, Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerChoice } from "../../api/customerChoices.js";
import { StageTag } from "../StageTag.js";

/** Lets the user pick a customer: the choices of a search the scene runs. */
export interface CustomerPicker {
  choices: CustomerChoice[];
  loading: boolean;
  onSearch: (text: string) => void;
  nameOf: (id: number) => string | undefined;
}

/**
 * Picks one customer by searching its name. Controlled; the scene supplies the choices and runs
 * the search. Form.Item passes `id`, `value` and `onChange` through.
 */
export function CustomerSelect(props: {
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  choices: CustomerChoice[];
  loading: boolean;
  onSearch: (text: string) => void;
  /** The chosen customer's name when it is not among the choices. */
  selectedName?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation("engine");
  const options = props.choices.map((choice) => ({
    value: choice.id,
    label: choice.name,
    stage: choice.stage,
  }));
  if (props.value !== undefined && !options.some((o) => o.value === props.value)) {
    options.unshift({
      value: props.value,
      label: props.selectedName ?? t("customer.numbered", { id: props.value }),
      stage: undefined,
    });
  }
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: props.onSearch }}
      allowClear
      value={props.value}
      onChange={(value: number | undefined) => props.onChange?.(value)}
      placeholder={t("customer.pick")}
      aria-label={t("customer.label")}
      disabled={props.disabled}
      notFoundContent={props.loading ? <Spin size="small" /> : t("customer.noMatch")}
      options={options}
      optionRender={(option) => (
        <Space>
          <span>{option.data.label}</span>
          {option.data.stage ? <StageTag stage={option.data.stage} /> : null}
        </Space>
      )}
      style={{ width: "100%" }}
    />
  );
}
