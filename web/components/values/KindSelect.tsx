import { useTranslation } from "react-i18next";
import { VALUE_KINDS } from "../../../src/shared/enums.js";
import { OpenSelect } from "../engine/OpenSelect.js";
import { valueKindLabel } from "./valueKind.js";

/**
 * A value kind: one of the nine, one the company already uses, or a new one typed in (kinds are
 * open-ended, SPEC §4). Form.Item passes `id`, `value` and `onChange`.
 */
export function KindSelect(props: {
  id?: string;
  value?: string;
  onChange?: (kind: string | undefined) => void;
  known: string[];
}) {
  const { t } = useTranslation("values");
  const { t: te } = useTranslation("engine");
  const kinds = [...new Set([...VALUE_KINDS, ...props.known])];
  return (
    <OpenSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      ariaLabel={t("column.kind")}
      options={kinds.map((kind) => ({ value: kind, label: valueKindLabel(kind, te) }))}
      newLabel={(kind) => t("field.newKind", { kind })}
    />
  );
}
