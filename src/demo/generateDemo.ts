/**
 * The pure demo generator: staff, reference data, then customers in batches, produced lazily so
 * a base of a million customers never sits in memory. Nothing here touches a database.
 */
import { DemoIds } from "./ids.js";
import { buildReferenceData, type ReferenceData } from "./referenceData.js";
import { emptyCustomerBatch, type CustomerBatch } from "./rows.js";
import { planStaff, type StaffPlan } from "./staff.js";
import { writeCustomerStory } from "./customerStory.js";
import { startOfUtcDay } from "./time.js";

export interface DemoConfig {
  /** Any integer; the same seed, size and `asOf` always give the same data. */
  readonly seed: number;
  /** How many customers (1 to a few million). */
  readonly customers: number;
  /** The demo's "today": histories end here. Defaults to the start of the current UTC day. */
  readonly asOf?: Date;
  /** Stored as every demo user's password hash; empty when only generating. */
  readonly passwordHash?: string;
}

export interface DemoData {
  readonly asOf: number;
  readonly staff: StaffPlan;
  readonly reference: ReferenceData;
  /** Customer batches in id order. One pass only: ids are handed out as the batches are made. */
  customerBatches(
    batchSize: number,
  ): Generator<CustomerBatch & { readonly firstCustomer: number; readonly lastCustomer: number }>;
  /** The last id used per generated table, once the batches have all been read. */
  readonly ids: DemoIds;
}

/** The demo's "today" when none is given. */
export const defaultAsOf = () => new Date(startOfUtcDay(Date.now()));

/** Plans a demo data set; customers are generated as `customerBatches` is iterated. */
export function generateDemo(config: DemoConfig): DemoData {
  if (!Number.isInteger(config.customers) || config.customers < 1)
    throw new RangeError("customers must be a positive integer");
  if (!Number.isInteger(config.seed)) throw new RangeError("seed must be an integer");
  const asOf = (config.asOf ?? defaultAsOf()).getTime();
  const ids = new DemoIds();
  const staff = planStaff(config.seed, config.customers, asOf, config.passwordHash ?? "");
  const reference = buildReferenceData(staff, ids, asOf);
  let started = false;
  return {
    asOf,
    staff,
    reference,
    ids,
    *customerBatches(batchSize: number) {
      if (started) throw new Error("customer batches can be read once per generated demo");
      started = true;
      const context = { seed: config.seed, asOf, staff, ids, plans: reference.planScopes };
      for (let first = 1; first <= config.customers; first += batchSize) {
        const last = Math.min(config.customers, first + batchSize - 1);
        const batch = emptyCustomerBatch();
        for (let index = first; index <= last; index++) writeCustomerStory(context, index, batch);
        yield Object.assign(batch, { firstCustomer: first, lastCustomer: last });
      }
    },
  };
}
