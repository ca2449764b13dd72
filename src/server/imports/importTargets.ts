/**
 * Where each kind of row goes: the table, its columns in a fixed order, and how a checked row
 * becomes the values of those columns. Column names and types come from the Drizzle schema,
 * so a renamed column cannot silently drift from the import.
 */
import { getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { contacts, customers, transactions } from "../db/schema.js";
import type { ImportKind } from "./imports.schema.js";
import type { ContactRow, CustomerRow, TransactionRow } from "./importRows.js";

export interface TargetColumn {
  name: string;
  type: string;
}

export interface Target {
  table: "customers" | "contacts" | "transactions";
  /** Columns written, `id` excluded (ids are drawn from the table's own sequence). */
  columns: TargetColumn[];
  /** The unique external reference column, when rows have one. */
  uniqueRef: string | null;
}

function columnsOf(table: PgTable, keys: readonly string[]): TargetColumn[] {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`no column ${key}`);
    return { name: column.name, type: column.getSQLType() };
  });
}

/** Every customer field an import can fill, then who created it. */
export const CUSTOMER_KEYS = [
  "externalRef",
  "kind",
  "name",
  "purpose",
  "ownerId",
  "stage",
  "phone",
  "email",
  "address",
  "website",
  "industry",
  "region",
  "scale",
  "products",
  "positioning",
  "managementModel",
  "marketingModel",
  "orgStructure",
  "tags",
  "foundedOn",
  "employees",
  "revenueBand",
  "businessPhilosophy",
  "serviceArea",
  "reputation",
  "salesAbility",
  "businessResults",
  "growthPotential",
  "strengths",
  "problems",
  "tradeTerms",
  "creditGrade",
  "closeness",
  "willingness",
  "gender",
  "birthDate",
  "personality",
  "maritalStatus",
  "family",
  "employer",
  "position",
  "incomeBand",
  "buyingMotives",
  "lifestyle",
  "beliefs",
  "categorySpendCents",
  "notes",
] as const;
const CONTACT_KEYS = [
  "customerId",
  "name",
  "title",
  "buyingRole",
  "isKey",
  "phone",
  "email",
  "birthDate",
  "personality",
  "interests",
  "notes",
] as const;
const TRANSACTION_KEYS = [
  "customerId",
  "occurredAt",
  "amountCents",
  "costCents",
  "quantity",
  "product",
  "channel",
  "externalRef",
  "importId",
] as const;

export const TARGETS: Record<ImportKind, Target> = {
  customers: {
    table: "customers",
    columns: columnsOf(customers, [...CUSTOMER_KEYS, "createdBy", "updatedBy"]),
    uniqueRef: "external_ref",
  },
  contacts: { table: "contacts", columns: columnsOf(contacts, CONTACT_KEYS), uniqueRef: null },
  transactions: {
    table: "transactions",
    columns: columnsOf(transactions, TRANSACTION_KEYS),
    uniqueRef: "external_ref",
  },
};

/** Column defaults the database would apply, needed because every column is written explicitly. */
const CUSTOMER_DEFAULTS: Record<string, unknown> = {
  purpose: "consumer",
  stage: "potential",
  products: [],
  tags: [],
};

export function customerValues(row: CustomerRow, actorId: number): unknown[] {
  const input = row.input as Record<string, unknown>;
  const values = CUSTOMER_KEYS.map((key) => input[key] ?? CUSTOMER_DEFAULTS[key] ?? null);
  values.push(actorId, actorId);
  return values;
}

export function contactValues(row: ContactRow, customerId: number): unknown[] {
  const input = row.input as Record<string, unknown>;
  return [
    customerId,
    ...CONTACT_KEYS.slice(1).map((key) => input[key] ?? (key === "isKey" ? false : null)),
  ];
}

export function transactionValues(
  row: TransactionRow,
  customerId: number,
  importId: number | null,
): unknown[] {
  return [
    customerId,
    row.occurredAt,
    row.amountCents,
    row.costCents,
    row.quantity,
    row.product,
    row.channel,
    row.externalRef,
    importId,
  ];
}
