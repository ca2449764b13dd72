/** Presenter helpers: the API speaks ISO 8601 times, never Date objects. */

/** A row's type with every Date field turned into its ISO string. */
export type IsoDates<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** Copies a row, writing each Date field as an ISO 8601 string. */
export function isoDates<T extends object>(row: T): IsoDates<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key] = value instanceof Date ? value.toISOString() : value;
  return out as IsoDates<T>;
}
