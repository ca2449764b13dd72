/**
 * The shapes the API answers with. Types only, taken from the server's published zod schemas in
 * src/shared/schemas (type imports are erased, so zod does not enter the bundle).
 */
import type { Customer, CustomerFilter } from "../../src/shared/schemas/customers.js";
import type { UpdateCustomerInput } from "../../src/shared/schemas/customers.js";
import type { User } from "../../src/shared/schemas/auth.js";

export type { Customer, User };

export interface Session {
  user: User;
  /** Null when the request was authenticated by an API token rather than the cookie. */
  csrfToken: string | null;
}

/** Spouse, children and birthdays (the `family` field). */
export type Family = NonNullable<Customer["family"]>;

export type CustomerField = Exclude<keyof Customer, "id" | "version">;

export const CUSTOMER_SORTS = ["name", "createdAt", "updatedAt", "stage"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export type SortOrder = "asc" | "desc";

/** Filters of GET /api/customers that the list offers; several values of one filter mean OR. */
export type CustomerFilters = Pick<
  CustomerFilter,
  | "q"
  | "stage"
  | "kind"
  | "purpose"
  | "industry"
  | "region"
  | "scale"
  | "ownerId"
  | "tag"
  | "abcClass"
  | "rfmSegment"
  | "clvQuadrant"
  | "lifecyclePhase"
>;

export interface CustomerListQuery extends CustomerFilters {
  sort?: CustomerSort;
  order?: SortOrder;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** PATCH body: the version the edit started from, and only the fields that changed. */
export type CustomerPatch = UpdateCustomerInput;

export interface Health {
  status: "ok";
  database: "ok";
}
