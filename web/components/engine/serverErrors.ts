import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { isApiError } from "../../api/client.js";
import { errorMessage } from "../errors.js";

type NamePath = (string | number)[];

/** The server names a nested field with dots ("fabe.benefit", "goals.1.due"); antd uses arrays. */
export function namePathOf(field: string): NamePath {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface ServerErrorOptions {
  /** Request fields the form calls otherwise, e.g. `{ explanation: "solution" }`. */
  aliases?: Record<string, string>;
  /** Form fields whose control holds no ref (radio groups, custom inputs), by dotted name. */
  fields?: readonly string[];
}

/**
 * Shows a failed save where the user will look: next to the field the server names, when the
 * form has that field; otherwise returns the message for an alert above the form. Returns null
 * when the field shows it.
 */
export function showServerError(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  options: ServerErrorOptions = {},
): string | null {
  if (isApiError(error) && error.field) {
    const dotted = options.aliases?.[error.field] ?? error.field;
    const name = namePathOf(dotted);
    const known =
      options.fields?.includes(dotted) === true || form.getFieldInstance(name) !== undefined;
    if (known) {
      form.setFields([{ name, errors: [error.message] }]);
      form.scrollToField(name, { block: "center" });
      return null;
    }
  }
  return errorMessage(t, error);
}
