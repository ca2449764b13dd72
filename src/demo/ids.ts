/**
 * Ids the generator hands out, one counter per table. Assigning ids in the generator (rather
 * than letting identity columns do it) lets rows point at each other before any of them is in
 * the database, so a whole batch streams out in one pass; the loader then moves each identity
 * sequence past the last id used.
 */

export type IdTable =
  | "needs"
  | "contacts"
  | "stage_events"
  | "deliveries"
  | "interactions"
  | "complaints"
  | "bonds"
  | "research_notes"
  | "info_sources"
  | "consents"
  | "transactions";

export class DemoIds {
  private readonly last = new Map<IdTable, number>();

  /** The next id of `table` (1, 2, 3, …). */
  next(table: IdTable): number {
    const id = (this.last.get(table) ?? 0) + 1;
    this.last.set(table, id);
    return id;
  }

  /** The last id handed out per table, for moving the identity sequences on. */
  lastIds(): ReadonlyMap<IdTable, number> {
    return this.last;
  }
}
