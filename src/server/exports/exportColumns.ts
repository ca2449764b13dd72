/**
 * The columns of each export, in order: the header (the field's API name, or its Chinese name
 * — the same names imports accept, so an export imports back), the sensitivity grade that
 * decides who may see it, and how a row's value becomes a cell.
 */
import type { customers, contacts, transactions } from "../db/schema.js";
import type { GradedEntity } from "../auth/fieldGrades.js";
import { formatCents } from "../imports/cells.js";
import {
  CONTACT_FIELDS,
  CUSTOMER_FIELDS,
  TRANSACTION_FIELDS,
  type FieldSpec,
} from "../imports/importFields.js";
import type { ExportKind } from "./exports.schema.js";

/** How a value is written: text is guarded against formula injection, the rest is ours. */
export type CellKind =
  "text" | "number" | "money" | "date" | "instant" | "boolean" | "list" | "json";

export interface ExportColumn<Row> {
  field: string;
  zh: string;
  kind: CellKind;
  /** The graded field this column shows (none: public). */
  graded?: { entity: GradedEntity; field: string };
  value: (row: Row) => unknown;
}

export type CustomerExportRow = typeof customers.$inferSelect & {
  ownerEmail: string | null;
  ownerName: string | null;
};
export type ContactExportRow = typeof contacts.$inferSelect & {
  customerRef: string | null;
  customerName: string;
};
export type TransactionExportRow = typeof transactions.$inferSelect & {
  customerRef: string | null;
  customerName: string;
};

const zhOf = (fields: readonly FieldSpec[], field: string) =>
  fields.find((spec) => spec.field === field)?.zh ?? field;

/** A column for an import field, graded as the same field of the entity. */
function fieldColumn<Row>(
  fields: readonly FieldSpec[],
  entity: GradedEntity | null,
  field: string,
  kind: CellKind,
  value: (row: Row) => unknown,
  gradedAs = field,
): ExportColumn<Row> {
  return {
    field,
    zh: zhOf(fields, field),
    kind,
    value,
    ...(entity ? { graded: { entity, field: gradedAs } } : {}),
  };
}

const CUSTOMER_KINDS_OF: Record<string, CellKind> = {
  products: "list",
  tags: "list",
  foundedOn: "date",
  birthDate: "date",
  employees: "number",
  closeness: "number",
  willingness: "number",
  family: "json",
};

/** Import fields written as they are stored (ownerEmail and categorySpend are handled apart). */
const CUSTOMER_PLAIN = CUSTOMER_FIELDS.map((spec) => spec.field).filter(
  (field) => !["ownerEmail", "ownerId", "categorySpend", "stage"].includes(field),
);

export const CUSTOMER_COLUMNS: ExportColumn<CustomerExportRow>[] = [
  { field: "id", zh: "系统编号", kind: "number", value: (row) => row.id },
  ...CUSTOMER_PLAIN.slice(0, 4).map((field) =>
    fieldColumn<CustomerExportRow>(
      CUSTOMER_FIELDS,
      "customer",
      field,
      "text",
      (row) => row[field as keyof CustomerExportRow],
    ),
  ),
  {
    field: "stage",
    zh: zhOf(CUSTOMER_FIELDS, "stage"),
    kind: "text",
    graded: { entity: "customer", field: "stage" },
    value: (row) => row.stage,
  },
  {
    field: "ownerEmail",
    zh: zhOf(CUSTOMER_FIELDS, "ownerEmail"),
    kind: "text",
    value: (row) => row.ownerEmail,
  },
  { field: "ownerName", zh: "客户经理姓名", kind: "text", value: (row) => row.ownerName },
  ...CUSTOMER_PLAIN.slice(4).map((field) =>
    fieldColumn<CustomerExportRow>(
      CUSTOMER_FIELDS,
      "customer",
      field,
      CUSTOMER_KINDS_OF[field] ?? "text",
      (row) => row[field as keyof CustomerExportRow],
    ),
  ),
  fieldColumn<CustomerExportRow>(
    CUSTOMER_FIELDS,
    "customer",
    "categorySpend",
    "money",
    (row) => row.categorySpendCents,
    "categorySpendCents",
  ),
  { field: "stageSince", zh: "阶段开始时间", kind: "instant", value: (row) => row.stageSince },
  { field: "createdAt", zh: "创建时间", kind: "instant", value: (row) => row.createdAt },
  { field: "updatedAt", zh: "更新时间", kind: "instant", value: (row) => row.updatedAt },
  { field: "archivedAt", zh: "归档时间", kind: "instant", value: (row) => row.archivedAt },
];

const CONTACT_KINDS_OF: Record<string, CellKind> = { isKey: "boolean", birthDate: "date" };

export const CONTACT_COLUMNS: ExportColumn<ContactExportRow>[] = [
  { field: "id", zh: "系统编号", kind: "number", value: (row) => row.id },
  {
    field: "customerRef",
    zh: zhOf(CONTACT_FIELDS, "customerRef"),
    kind: "text",
    value: (row) => row.customerRef,
  },
  { field: "customerName", zh: "客户名称", kind: "text", value: (row) => row.customerName },
  ...CONTACT_FIELDS.filter((spec) => spec.field !== "customerRef").map((spec) =>
    fieldColumn<ContactExportRow>(
      CONTACT_FIELDS,
      "contact",
      spec.field,
      CONTACT_KINDS_OF[spec.field] ?? "text",
      (row) => row[spec.field as keyof ContactExportRow],
    ),
  ),
  { field: "createdAt", zh: "创建时间", kind: "instant", value: (row) => row.createdAt },
  { field: "updatedAt", zh: "更新时间", kind: "instant", value: (row) => row.updatedAt },
];

export const TRANSACTION_COLUMNS: ExportColumn<TransactionExportRow>[] = [
  { field: "id", zh: "系统编号", kind: "number", value: (row) => row.id },
  {
    field: "customerRef",
    zh: zhOf(TRANSACTION_FIELDS, "customerRef"),
    kind: "text",
    value: (row) => row.customerRef,
  },
  { field: "customerName", zh: "客户名称", kind: "text", value: (row) => row.customerName },
  {
    field: "occurredAt",
    zh: zhOf(TRANSACTION_FIELDS, "occurredAt"),
    kind: "instant",
    value: (row) => row.occurredAt,
  },
  {
    field: "amount",
    zh: zhOf(TRANSACTION_FIELDS, "amount"),
    kind: "money",
    value: (row) => row.amountCents,
  },
  {
    field: "cost",
    zh: zhOf(TRANSACTION_FIELDS, "cost"),
    kind: "money",
    value: (row) => row.costCents,
  },
  {
    field: "quantity",
    zh: zhOf(TRANSACTION_FIELDS, "quantity"),
    kind: "number",
    value: (row) => row.quantity,
  },
  {
    field: "product",
    zh: zhOf(TRANSACTION_FIELDS, "product"),
    kind: "text",
    value: (row) => row.product,
  },
  {
    field: "channel",
    zh: zhOf(TRANSACTION_FIELDS, "channel"),
    kind: "text",
    value: (row) => row.channel,
  },
  {
    field: "externalRef",
    zh: zhOf(TRANSACTION_FIELDS, "externalRef"),
    kind: "text",
    value: (row) => row.externalRef,
  },
];

export const EXPORT_COLUMNS = {
  customers: CUSTOMER_COLUMNS,
  contacts: CONTACT_COLUMNS,
  transactions: TRANSACTION_COLUMNS,
} satisfies Record<ExportKind, ExportColumn<never>[]>;

/** Money in cents as the decimal amount imports read back. */
export const moneyText = (cents: number) => formatCents(cents);
