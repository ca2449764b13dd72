/**
 * The demo base as import files (for the import benchmark and for trying imports by hand):
 * customers, and their transactions keyed by the customer's external reference, in the column
 * names the importer reads. Streamed: rows are generated as the destination takes them.
 */
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { generateDemo, type DemoConfig } from "./generateDemo.js";
import type { CustomerRow } from "./rows.js";

export interface DemoCsvOptions extends DemoConfig {
  /** Stop after this many data rows (the header excluded); all rows when absent. */
  readonly limit?: number;
}

/** Transaction columns, as the importer names them. */
export const TRANSACTION_CSV_COLUMNS = [
  "customer_ref",
  "occurred_at",
  "amount",
  "cost",
  "quantity",
  "product",
  "channel",
] as const;

/** Customer columns, as the importer names them (owner_email names the demo account manager). */
export const CUSTOMER_CSV_COLUMNS = [
  "external_ref",
  "kind",
  "name",
  "purpose",
  "owner_email",
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
  "management_model",
  "marketing_model",
  "org_structure",
  "tags",
  "founded_on",
  "employees",
  "revenue_band",
  "business_philosophy",
  "service_area",
  "reputation",
  "sales_ability",
  "business_results",
  "growth_potential",
  "strengths",
  "problems",
  "trade_terms",
  "credit_grade",
  "closeness",
  "willingness",
  "gender",
  "birth_date",
  "personality",
  "marital_status",
  "family",
  "employer",
  "position",
  "income_band",
  "buying_motives",
  "lifestyle",
  "beliefs",
  "category_spend",
  "notes",
] as const;

/** Integer cents as a decimal amount in yuan ("1234.05"), as the importer reads it. */
export function centsToAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/**
 * Writes `customer_ref,occurred_at,amount,cost,quantity,product,channel` for the demo's
 * transactions, customer by customer, and ends `out`. Resolves to the number of data rows.
 */
export async function generateTransactionsCsv(
  options: DemoCsvOptions,
  out: Writable,
): Promise<number> {
  let written = 0;
  function* records() {
    for (const batch of generateDemo(options).customerBatches(100)) {
      const refs = new Map(batch.customers.map((c) => [c.id, c.external_ref]));
      for (const t of batch.transactions) {
        if (options.limit !== undefined && written >= options.limit) return;
        written++;
        yield [
          refs.get(t.customer_id),
          t.occurred_at,
          centsToAmount(t.amount_cents),
          centsToAmount(t.cost_cents),
          t.quantity,
          t.product,
          t.channel,
        ];
      }
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ header: true, columns: [...TRANSACTION_CSV_COLUMNS] }),
    out,
  );
  return written;
}

/** Writes the demo's customers in the importer's columns and ends `out`; resolves to the row count. */
export async function generateCustomersCsv(
  options: DemoCsvOptions,
  out: Writable,
): Promise<number> {
  const demo = generateDemo(options);
  const ownerEmails = new Map(demo.staff.users.map((user) => [user.id, user.email]));
  let written = 0;
  function* records() {
    for (const batch of demo.customerBatches(100)) {
      for (const customer of batch.customers) {
        if (options.limit !== undefined && written >= options.limit) return;
        written++;
        yield customerRecord(customer, ownerEmails.get(customer.owner_id) ?? "");
      }
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({ header: true, columns: [...CUSTOMER_CSV_COLUMNS] }),
    out,
  );
  return written;
}

function customerRecord(customer: CustomerRow, ownerEmail: string): string[] {
  const cell = (column: string): string => {
    const value = customer[column];
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join(";");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  return CUSTOMER_CSV_COLUMNS.map((column) => {
    if (column === "owner_email") return ownerEmail;
    if (column === "category_spend")
      return customer.category_spend_cents === null
        ? ""
        : centsToAmount(customer.category_spend_cents as number);
    return cell(column);
  });
}
