import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  COMPLAINT_STEPS,
  NEED_KINDS,
  NEED_LEVELS,
  NEED_STATUSES,
  STAGES,
  type Stage,
} from "../shared/enums.js";
import { complaintStepDueAt } from "../shared/engine/complaints.js";
import { CreateCustomerSchema, CustomerFilterSchema } from "../shared/schemas/customers.js";
import { CreateContactSchema } from "../shared/schemas/contacts.js";
import { generateDemo } from "./generateDemo.js";
import { findIllegalMove } from "./ladderMoves.js";
import { CUSTOMER_TABLES, emptyCustomerBatch, type CustomerBatch, type Row } from "./rows.js";
import { stageAt } from "./storyValueWork.js";
import { accountManagerCount } from "./staff.js";

const AS_OF = new Date("2025-06-30T00:00:00Z");

/** Every row of a generated demo, all batches merged. */
function generateAll(seed: number, customers: number): { batch: CustomerBatch; hash: string } {
  const demo = generateDemo({ seed, customers, asOf: AS_OF });
  const hash = createHash("sha256");
  const all = emptyCustomerBatch();
  const feed = (rows: readonly Row[]) => rows.forEach((row) => hash.update(JSON.stringify(row)));
  feed(demo.staff.users);
  feed(demo.staff.teams);
  Object.values(demo.reference).forEach(feed);
  for (const batch of demo.customerBatches(300)) {
    for (const key of CUSTOMER_TABLES) {
      feed(batch[key]);
      (all[key] as Row[]).push(...batch[key]);
    }
  }
  return { batch: all, hash: hash.digest("hex") };
}

const camel = (column: string) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const pick = (row: Row, keys: readonly string[]) =>
  Object.fromEntries(
    Object.entries(row)
      .map(([k, v]) => [camel(k), v])
      .filter(([k, v]) => keys.includes(k as string) && v !== null),
  );

describe("generateDemo", () => {
  let data: CustomerBatch;
  let hash: string;
  const byCustomer = new Map<number, { stage: Stage; events: Row[]; transactions: Row[] }>();
  beforeAll(() => {
    ({ batch: data, hash } = generateAll(7, 2_000));
    for (const c of data.customers)
      byCustomer.set(c.id, { stage: c.stage as Stage, events: [], transactions: [] });
    for (const e of data.stageEvents) byCustomer.get(e.customer_id as number)?.events.push(e);
    for (const t of data.transactions) byCustomer.get(t.customer_id)?.transactions.push(t);
  });

  it("gives the same rows for the same seed and size, other rows for another seed", () => {
    expect(generateAll(7, 2_000).hash).toBe(hash);
    expect(generateAll(8, 2_000).hash).not.toBe(hash);
  });

  it("tells customer n the same story whatever the size of the base", () => {
    // 400 and 600 customers both get 3 account managers, so owners agree too.
    expect(accountManagerCount(400)).toBe(accountManagerCount(600));
    const small = generateAll(3, 400).batch;
    const large = generateAll(3, 600).batch;
    expect(large.customers.slice(0, 400)).toEqual(small.customers);
    expect(large.transactions.slice(0, small.transactions.length)).toEqual(small.transactions);
  });

  it("keeps every stage history to the ladder's moves, the current stage being the last", () => {
    for (const [id, customer] of byCustomer) {
      const moves = customer.events.map((e) => ({
        from: e.from_stage as Stage | null,
        to: e.to_stage as Stage,
      }));
      expect(findIllegalMove(moves), `customer ${id}`).toBeUndefined();
      const last = customer.events[customer.events.length - 1];
      expect(last?.to_stage).toBe(customer.stage);
      const row = data.customers[id - 1];
      expect(row?.stage_since).toBe(last?.at);
      const times = customer.events.map((e) => e.at as string);
      expect([...times].sort()).toEqual(times);
    }
  });

  it("has every stage, and problem customers at or below 3 % (SPEC §2)", () => {
    const counts = new Map<string, number>();
    for (const c of data.customers) counts.set(c.stage, (counts.get(c.stage) ?? 0) + 1);
    for (const stage of STAGES) expect(counts.get(stage) ?? 0, stage).toBeGreaterThan(0);
    expect((counts.get("problem") ?? 0) / data.customers.length).toBeLessThanOrEqual(0.03);
  });

  it("records purchases only from the first order on: none for potential and target customers", () => {
    for (const [id, customer] of byCustomer) {
      if (customer.stage === "potential" || customer.stage === "target")
        expect(customer.transactions, `customer ${id}`).toHaveLength(0);
      const changes = customer.events.map((e) => ({
        from: e.from_stage as Stage | null,
        to: e.to_stage as Stage,
        at: Date.parse(e.at as string),
        reason: "",
      }));
      for (const t of customer.transactions) {
        expect(["potential", "target", "exited"]).not.toContain(
          stageAt(changes, Date.parse(t.occurred_at as string)),
        );
      }
    }
  });

  it("comes from a repeat-purchase process: 30–70 % of buyers return, new customers buy little", () => {
    const buyers = [...byCustomer.values()].filter((c) => c.transactions.length > 0);
    const repeat = buyers.filter(
      (c) => new Set(c.transactions.map((t) => (t.occurred_at as string).slice(0, 10))).size > 1,
    );
    const share = repeat.length / buyers.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.7);
    const mean = (stage: Stage) => {
      const group = buyers.filter((c) => c.stage === stage);
      return group.reduce((sum, c) => sum + c.transactions.length, 0) / group.length;
    };
    expect(mean("new")).toBeLessThan(mean("old"));
    expect(mean("old")).toBeLessThan(mean("core"));
  });

  it("prices transactions in whole cents with a cost of service below the amount on average", () => {
    const revenue = data.transactions.reduce((sum, t) => sum + t.amount_cents, 0);
    const cost = data.transactions.reduce((sum, t) => sum + t.cost_cents, 0);
    for (const t of data.transactions.slice(0, 2_000)) {
      expect(Number.isInteger(t.amount_cents) && t.amount_cents > 0).toBe(true);
      expect(t.quantity).toBeGreaterThanOrEqual(1);
    }
    expect(cost / revenue).toBeGreaterThan(0.5);
    expect(cost / revenue).toBeLessThan(0.85);
  });

  it("fills customers and contacts the way the API would accept them", () => {
    const customerKeys = Object.keys(CreateCustomerSchema.shape);
    for (const c of data.customers) {
      const result = CreateCustomerSchema.safeParse(pick(c, customerKeys));
      expect(result.error?.issues, `${c.external_ref} ${c.name}`).toBeUndefined();
    }
    const contactKeys = Object.keys(CreateContactSchema.shape);
    for (const contact of data.contacts.slice(0, 2_000)) {
      expect(
        CreateContactSchema.safeParse(pick(contact, contactKeys)).error?.issues,
      ).toBeUndefined();
    }
  });

  it("keeps needs, deliveries and complaints within their vocabularies and rules", () => {
    for (const need of data.needs) {
      expect(NEED_LEVELS).toContain(need.level);
      expect(NEED_KINDS).toContain(need.kind);
      expect(NEED_STATUSES).toContain(need.status);
      expect(need.met_at === null).toBe(need.status !== "met");
    }
    const openCore = data.needs.filter((n) => n.level === "core" && n.status === "open");
    expect(openCore.length).toBeGreaterThan(0);
    for (const d of data.deliveries) expect(d.outcome === null).toBe(d.status !== "evaluated");
    for (const c of data.complaints) {
      expect(COMPLAINT_STEPS).toContain(c.step);
      expect(c.closed_at === null).toBe(c.step !== "closed");
      const due = complaintStepDueAt(
        c.step as (typeof COMPLAINT_STEPS)[number],
        new Date(c.step_entered_at as string),
      );
      expect(c.step_due_at).toBe(due?.toISOString() ?? null);
      if (c.step === "closed" && c.valid) expect(c.satisfaction).not.toBeNull();
    }
    expect(new Set(data.complaints.map((c) => c.step)).size).toBeGreaterThan(2);
  });

  it("links some interactions to the interaction plans that address their customer", () => {
    const plans = generateDemo({ seed: 7, customers: 1, asOf: AS_OF }).reference.interactionPlans;
    const linked = data.interactions.filter((i) => i.plan_id !== null);
    expect(linked.length).toBeGreaterThan(20);
    for (const interaction of linked) {
      const plan = plans.find((p) => p.id === interaction.plan_id);
      expect(interaction.channel).toBe(plan?.channel);
      const day = (interaction.occurred_at as string).slice(0, 10);
      expect(day >= (plan?.starts_on as string) && day <= (plan?.ends_on as string)).toBe(true);
    }
  });

  it("saves segment definitions in the customer filter's shape", () => {
    const demo = generateDemo({ seed: 1, customers: 10, asOf: AS_OF });
    for (const segment of demo.reference.segments) {
      expect(
        CustomerFilterSchema.strict().safeParse(segment.definition).success,
        segment.name as string,
      ).toBe(true);
    }
  });
});
