import { useTranslation } from "react-i18next";
import type { ImportKind } from "../../api/imports.js";
import type { importsEn } from "../../i18n/imports.en.js";
import { CUSTOMER_LABELLED } from "./importFields.js";

type Labels = typeof importsEn.field;

/** A field's name for people: the customer page's label, or the import scene's own. */
export function useImportFieldLabel() {
  const { t } = useTranslation();
  const { t: ti } = useTranslation("imports");
  return (kind: ImportKind, field: string): string => {
    if (kind === "customers" && (CUSTOMER_LABELLED as readonly string[]).includes(field))
      return t(`customer.field.${field as (typeof CUSTOMER_LABELLED)[number]}`);
    if (kind === "customers") return ti(`field.customers.${field as keyof Labels["customers"]}`);
    if (kind === "contacts") return ti(`field.contacts.${field as keyof Labels["contacts"]}`);
    return ti(`field.transactions.${field as keyof Labels["transactions"]}`);
  };
}
