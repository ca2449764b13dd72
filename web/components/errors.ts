import type { TFunction } from "i18next";
import { i18next } from "../i18n/index.js";
import { isApiError } from "../api/client.js";

/** A message for the user: the translation of a known error id, else what the server said. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key = `errors.${error.id}`;
    if (i18next.exists(key)) return t(key as "errors.title");
    if (error.status >= 500) return t("errors.internal_error");
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
