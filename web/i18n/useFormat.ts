import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format.js";
import { isLanguage, type Language } from "./languages.js";

export interface Formatters {
  language: Language;
  money(cents: number, currency?: string): string;
  number(value: number): string;
  date(value: string): string;
  dateTime(value: string): string;
}

/** The formatters for the current interface language; re-renders when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : "en";
  return {
    language,
    money: (cents, currency) => formatMoney(cents, language, currency),
    number: (value) => formatNumber(value, language),
    date: (value) => formatDate(value, language),
    dateTime: (value) => formatDateTime(value, language),
  };
}
