/**
 * Access to rows that hang off a customer (needs, deliveries, complaints, bonds, …): readable
 * through a customer the actor may read, changed only while holding that customer writable.
 * Rows without a customer (catalogue rows) are changed by admins and marketing managers.
 */
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Role } from "../../../shared/enums.js";
import type { Tx } from "../../db/client.js";
import { customers } from "../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import { readableCustomers, requireRole, requireWriter } from "../../auth/access.js";
import { lockCustomerForChange } from "../../customers/customerAccess.js";
import { AppError, NotFound, StaleWrite, ValidationError } from "../errors.js";

/** Roles that may write at all (analysts read only). For `config.access` of write routes. */
export const WRITER_ROLES = [
  "admin",
  "marketing_manager",
  "account_manager",
] as const satisfies readonly Role[];
/** Roles that keep the catalogues: value items, segments, plans and needs not tied to one customer. */
export const CATALOGUE_ROLES = ["admin", "marketing_manager"] as const satisfies readonly Role[];

export function requireCatalogueWriter(actor: Actor): void {
  requireWriter(actor);
  requireRole(actor, ...CATALOGUE_ROLES);
}

/** A condition: the row's customer is one the actor may read. */
export function customerIsReadable(actor: Actor, customerId: AnyColumn | SQL): SQL {
  return sql`${customerId} in (select ${customers.id} from ${customers} where ${readableCustomers(actor)})`;
}

/**
 * Locks the customer a new row will hang off, refusing an unreadable one as a bad `field`
 * (a 400 naming the field, without telling whether such a customer exists).
 */
export async function lockCustomerFor(
  tx: Tx,
  actor: Actor,
  customerId: number,
  field = "customerId",
) {
  try {
    return await lockCustomerForChange(tx, actor, customerId);
  } catch (error) {
    if (error instanceof AppError && error.id === "not_found") {
      throw ValidationError(field, `${field}: no customer ${customerId} that you may read`);
    }
    throw error;
  }
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };
type OwnedTable = VersionedTable & { customerId: PgColumn };

/** Locks a row by id for change and checks the version the client read (if given). */
export async function lockVersionedRow<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: number,
  what: string,
  version?: number,
): Promise<T["$inferSelect"]> {
  // Generic tables defeat Drizzle's row inference; the row is the table's own select type.
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for("update")) as T["$inferSelect"][];
  if (!row) throw NotFound(what, id);
  const current = (row as { version: number }).version;
  if (version !== undefined && current !== version) throw StaleWrite(what.toLowerCase(), current);
  return row;
}

/**
 * Locks a customer-owned row for change: the row must be readable (else 404), its customer
 * writable (else 403), and at the version the client read (else 409). The parent (customer, or
 * whatever `withoutCustomer` locks for a row without one) is locked before the row, the order
 * every write takes, so concurrent writers cannot deadlock. `withoutCustomer` decides about rows
 * without a customer (default: catalogue roles only); it sees the row as read before locking,
 * which is enough for the parent ids that never change.
 */
export async function lockOwnedRow<T extends OwnedTable>(
  tx: Tx,
  actor: Actor,
  {
    table,
    id,
    what,
    version,
    withoutCustomer = () => requireCatalogueWriter(actor),
  }: {
    table: T;
    id: number;
    what: string;
    version?: number | undefined;
    withoutCustomer?: (row: T["$inferSelect"]) => void | Promise<void>;
  },
): Promise<T["$inferSelect"]> {
  requireWriter(actor);
  const readable = sql`(${table.customerId} is null or ${customerIsReadable(actor, table.customerId)})`;
  const [found] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), readable))) as T["$inferSelect"][];
  if (!found) throw NotFound(what, id);
  const customerId = (found as { customerId: number | null }).customerId;
  if (customerId !== null) await lockCustomerForChange(tx, actor, customerId);
  else await withoutCustomer(found);
  return lockVersionedRow(tx, table, id, what, version);
}
