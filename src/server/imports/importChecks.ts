/**
 * Checks a chunk of an import file's rows: each row against the kind's rules (in memory),
 * then, set-based per chunk, customer references (resolved to ids, within what the actor may
 * change) and duplicate external references (within the file and against the table).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { users } from "../db/schema.js";
import { writableCustomers } from "../auth/access.js";
import { unguardFormula } from "./cells.js";
import type { HeaderMapping } from "./importFields.js";
import {
  FieldError,
  parseContactRow,
  parseCustomerRow,
  parseTransactionRow,
  type CellReader,
  type ContactRow,
  type CustomerRow,
  type TransactionRow,
  type RowContext,
  type UserDirectory,
} from "./importRows.js";
import { contactValues, customerValues, TARGETS, transactionValues } from "./importTargets.js";
import type { ImportKind, ImportRowError } from "./imports.schema.js";
import type { TableRow } from "./csvRecords.js";

export interface CheckedRow {
  line: number;
  /** Values of the target's columns, in order. */
  values: unknown[];
  /** The customer the row belongs to (contacts, transactions). */
  customerId: number | null;
  /** The row's unique external reference, if any. */
  externalRef: string | null;
  /** The typed record the values came from (for previews, see RowChecker.sample). */
  record: KindRow;
}

type KindRow = CustomerRow | ContactRow | TransactionRow;

/** A chunk checked in memory, waiting for its database checks. */
export interface ParsedChunk {
  rows: ParsedRow[];
  errors: ImportRowError[];
}

// Plain records rather than closures: a million rows make a million of each.
interface ParsedRow {
  line: number;
  customerRef: string | null;
  externalRef: string | null;
  record: KindRow;
}

export async function loadUserDirectory(db: Queryable): Promise<UserDirectory> {
  const rows = await db
    .select({ id: users.id, email: users.email, teamId: users.teamId, active: users.active })
    .from(users);
  const directory: UserDirectory = { byId: new Map(), byEmail: new Map() };
  for (const user of rows) {
    directory.byId.set(user.id, user);
    directory.byEmail.set(user.email.toLowerCase(), user);
  }
  return directory;
}

/** How long a reference list per lookup may get; keeps each statement short. */
const LOOKUP_BATCH = 5000;
/** New references in one chunk that make reading all of them up front worth it. */
const PRELOAD_WHEN = 1000;
/** Read up front only when the actor may use at most this many references (memory). */
const PRELOAD_LIMIT = 500_000;
/** References per statement while reading them up front. */
const PRELOAD_BATCH = 1500;

export class RowChecker {
  private readonly fieldIndex = new Map<string, number>();
  private readonly headerOf = new Map<string, string>();
  private readonly customerIds = new Map<string, number>();
  private readonly unknownRefs = new Set<string>();

  constructor(
    private readonly kind: ImportKind,
    private readonly mapping: HeaderMapping,
    private readonly context: RowContext,
    private readonly importId: number | null,
  ) {
    mapping.columns.forEach((field, index) => {
      if (field) this.fieldIndex.set(field, index);
    });
    for (const { header, field } of mapping.mapped) this.headerOf.set(field, header);
  }

  /** A row error with the file's own header for the field. */
  error(line: number, field: string | undefined, message: string): ImportRowError {
    const column = field ? this.headerOf.get(field) : undefined;
    return { line, ...(field ? { field } : {}), ...(column ? { column } : {}), message };
  }

  /** The cells of the row being parsed, read by `get` (one reader for every row). */
  private cells: readonly string[] = [];

  private readonly get: CellReader = (field) => {
    const index = this.fieldIndex.get(field);
    if (index === undefined) return undefined;
    const value = this.cells[index];
    if (value === undefined) return undefined;
    const text = unguardFormula(value.trim());
    return text === "" ? undefined : text;
  };

  private parse(row: TableRow): ParsedRow {
    const { cells, line } = row;
    if (
      cells.length > this.mapping.columns.length &&
      cells.slice(this.mapping.columns.length).some((c) => c.trim() !== "")
    ) {
      throw new FieldError(
        undefined,
        `has ${cells.length} values but the header has ${this.mapping.columns.length} columns`,
      );
    }
    this.cells = cells;
    switch (this.kind) {
      case "customers": {
        const record = parseCustomerRow(this.get, this.context);
        return { line, customerRef: null, externalRef: record.input.externalRef ?? null, record };
      }
      case "contacts": {
        const record = parseContactRow(this.get);
        return { line, customerRef: record.customerRef, externalRef: null, record };
      }
      case "transactions": {
        const record = parseTransactionRow(this.get);
        return { line, customerRef: record.customerRef, externalRef: record.externalRef, record };
      }
    }
  }

  /** The values of a parsed row once its customer is known. */
  private finish(row: ParsedRow, customerId: number | null): CheckedRow {
    const { line, externalRef, record } = row;
    const actorId = this.context.actor.id;
    const values =
      this.kind === "customers"
        ? customerValues(record as CustomerRow, actorId)
        : this.kind === "contacts"
          ? contactValues(record as ContactRow, customerId!)
          : transactionValues(record as TransactionRow, customerId!, this.importId);
    return { line, values, customerId, externalRef, record };
  }

  /** A checked row as it would be stored, for previews. */
  sample(row: CheckedRow): Record<string, unknown> {
    const { customerId } = row;
    switch (this.kind) {
      case "customers":
        return { ...(row.record as CustomerRow).input };
      case "contacts": {
        const record = row.record as ContactRow;
        return { customerRef: record.customerRef, customerId, ...record.input };
      }
      case "transactions": {
        const record = row.record as TransactionRow;
        return { ...record, customerId, occurredAt: record.occurredAt.toISOString() };
      }
    }
  }

  /**
   * Resolves references not seen before; the actor must be allowed to change the customer.
   * A big file (many new references in one chunk) first reads every reference the actor may
   * use, in keyset batches, when there are not too many: one pass instead of a lookup per
   * chunk. What is still missing after that is looked up as usual (it may be new).
   */
  private async resolve(db: Queryable, refs: Iterable<string>): Promise<void> {
    const fresh = new Set<string>();
    for (const ref of refs)
      if (!this.customerIds.has(ref) && !this.unknownRefs.has(ref)) fresh.add(ref);
    const unseen = [...fresh];
    if (this.preloaded === null && unseen.length >= PRELOAD_WHEN) {
      await this.preload(db);
      return this.resolve(db, unseen);
    }
    for (let i = 0; i < unseen.length; i += LOOKUP_BATCH) {
      const batch = unseen.slice(i, i + LOOKUP_BATCH);
      const { rows } = await db.execute<{ ref: string; id: number }>(sql`
        select external_ref as ref, id from customers
        where external_ref = any(${sql.param(batch)}::text[]) and ${writableCustomers(this.context.actor)}`);
      for (const row of rows) this.customerIds.set(row.ref, Number(row.id));
      for (const ref of batch) if (!this.customerIds.has(ref)) this.unknownRefs.add(ref);
    }
  }

  private preloaded: boolean | null = null;

  private async preload(db: Queryable): Promise<void> {
    const writable = writableCustomers(this.context.actor);
    const { rows: counted } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from customers where external_ref is not null and ${writable}`,
    );
    this.preloaded = Number(counted[0]?.n ?? 0) <= PRELOAD_LIMIT;
    if (!this.preloaded) return;
    for (let after = ""; ;) {
      const { rows } = await db.execute<{ ref: string; id: number }>(sql`
        select external_ref as ref, id from customers
        where external_ref > ${after} and ${writable} order by external_ref limit ${PRELOAD_BATCH}`);
      for (const row of rows) this.customerIds.set(row.ref, Number(row.id));
      if (rows.length < PRELOAD_BATCH) return;
      after = rows.at(-1)!.ref;
    }
  }

  /** External references of `refs` already present in the table or in the staged rows. */
  private async existingRefs(
    db: Queryable,
    refs: string[],
    stage: string | null,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    const table = TARGETS[this.kind].table;
    for (let i = 0; i < refs.length; i += LOOKUP_BATCH) {
      const batch = sql.param(refs.slice(i, i + LOOKUP_BATCH));
      const { rows } = await db.execute<{ ref: string }>(sql`
        select external_ref as ref from ${sql.identifier(table)} where external_ref = any(${batch}::text[])
        ${stage ? sql`union all select external_ref from ${sql.identifier(stage)} where external_ref = any(${batch}::text[])` : sql``}`);
      for (const row of rows) found.add(row.ref);
    }
    return found;
  }

  /**
   * Checks each row of a chunk against the kind's rules: in memory only, so it can run while
   * the database is still busy with the previous chunk.
   */
  parseChunk(chunk: readonly TableRow[]): ParsedChunk {
    const errors: ImportRowError[] = [];
    const rows: ParsedRow[] = [];
    for (const row of chunk) {
      try {
        rows.push(this.parse(row));
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        errors.push(this.error(row.line, error.field, error.message));
      }
    }
    return { rows, errors };
  }

  /** Whether checking the chunk needs the database: new references, or external ones. */
  needsDatabase(parsed: ParsedChunk): boolean {
    const checksRefs = TARGETS[this.kind].uniqueRef !== null;
    return parsed.rows.some(
      (row) =>
        (row.externalRef !== null && checksRefs) ||
        (row.customerRef !== null &&
          !this.customerIds.has(row.customerRef) &&
          !this.unknownRefs.has(row.customerRef)),
    );
  }

  /**
   * Checks a parsed chunk against the database: customer references and duplicate external
   * references. `stage` names the table holding the file's earlier rows when they are not in
   * the target table yet. Returns the good rows and all errors of the chunk, in line order.
   */
  async verifyChunk(
    db: Queryable,
    parsed: ParsedChunk,
    stage: string | null,
  ): Promise<{ rows: CheckedRow[]; errors: ImportRowError[] }> {
    const errors = [...parsed.errors];
    const refs: string[] = [];
    const external: string[] = [];
    for (const row of parsed.rows) {
      if (row.customerRef !== null) refs.push(row.customerRef);
      if (row.externalRef !== null) external.push(row.externalRef);
    }
    if (refs.length) await this.resolve(db, refs);

    const existing =
      external.length && TARGETS[this.kind].uniqueRef
        ? await this.existingRefs(db, external, stage)
        : new Set<string>();
    const inChunk = new Set<string>();

    const rows: CheckedRow[] = [];
    for (const row of parsed.rows) {
      let customerId: number | null = null;
      if (row.customerRef !== null) {
        customerId = this.customerIds.get(row.customerRef) ?? null;
        if (customerId === null) {
          errors.push(this.error(row.line, "customerRef", this.unknownMessage(row.customerRef)));
          continue;
        }
      }
      if (row.externalRef !== null) {
        if (existing.has(row.externalRef) || inChunk.has(row.externalRef)) {
          const what = this.kind === "customers" ? "customer" : "transaction";
          errors.push(
            this.error(
              row.line,
              "externalRef",
              `a ${what} with reference ${row.externalRef} already exists (earlier in this file or saved before)`,
            ),
          );
          continue;
        }
        inChunk.add(row.externalRef);
      }
      rows.push(this.finish(row, customerId));
    }
    errors.sort((a, b) => a.line - b.line);
    return { rows, errors };
  }

  /** parseChunk and verifyChunk in one go. */
  async check(db: Queryable, chunk: readonly TableRow[], stage: string | null) {
    return this.verifyChunk(db, this.parseChunk(chunk), stage);
  }

  private unknownMessage(ref: string): string {
    return this.context.actor.role === "account_manager"
      ? `no customer with reference ${ref} among the customers you may change`
      : `no customer with reference ${ref}`;
  }
}
