import { Link } from "react-router";
import { useTranslation } from "react-i18next";

/** A customer named in a list: its name when the answer carries it, else its number. */
export function CustomerLink(props: { id: number | null; name?: string | null | undefined }) {
  const { t } = useTranslation("engine");
  if (props.id === null) return <>{t("common.none")}</>;
  return (
    <Link to={`/customers/${props.id}`}>
      {props.name || t("customer.numbered", { id: props.id })}
    </Link>
  );
}
