import { toSearchParams, type Query } from "../../api/client.js";
import type { CustomerFilters } from "../../api/types.js";

/** The customers list showing exactly the customers behind a chart element. */
export function customersHref(filters: CustomerFilters): string {
  const search = toSearchParams(filters as Query).toString();
  return search ? `/customers?${search}` : "/customers";
}
