import { describe, expect, it } from "vitest";
import type { CustomerEvidence } from "./evidence.js";
import { profileCompleteness } from "./profile.js";
import {
  assessUpgrade,
  upgradeTarget,
  UPGRADE_CONDITIONS,
  type UpgradeConditionKey,
} from "./upgradeConditions.js";

const asOf = new Date("2025-06-30T00:00:00Z");
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

/** A new customer for whom every condition of the upgrade to old holds. */
const ready = (over: Partial<CustomerEvidence> = {}): CustomerEvidence => ({
  customerId: 1,
  kind: "organization",
  stage: "new",
  stageSince: daysAgo(100),
  fellFrom: null,
  purchaseDays: 3,
  firstPurchaseAt: daysAgo(100),
  lastPurchaseAt: daysAgo(5),
  revenueCents: 500_000,
  costCents: 200_000,
  deliveriesAccepted: 1,
  deliveriesPartly: 0,
  deliveriesRejected: 0,
  needsTotal: 3,
  needsMet: 2,
  openCoreNeeds: 0,
  openComplaints: 0,
  overdueComplaints: 0,
  complaintsClosedInStage: 0,
  inboundRecent: 2,
  outboundRecent: 4,
  lastInboundAt: daysAgo(7),
  closeness: 3,
  willingness: 4,
  pAlive: null,
  contacts: 2,
  profileCompleteness: 0.75,
  hasMedium: true,
  ...over,
});

const failing = (e: CustomerEvidence) =>
  assessUpgrade(e, asOf)
    .conditions.filter((c) => !c.holds)
    .map((c) => c.key);

describe("upgrade conditions", () => {
  it("lists all six, with evidence, when everything holds", () => {
    const a = assessUpgrade(ready(), asOf);
    expect(a.nextStage).toBe("old");
    expect(a.conditions.map((c) => c.key)).toEqual([...UPGRADE_CONDITIONS]);
    expect(a.allHold).toBe(true);
    for (const c of a.conditions) {
      expect(c.found.length, c.key).toBeGreaterThan(0);
      expect(c.missing, c.key).toEqual([]);
    }
  });

  it.each<[string, Partial<CustomerEvidence>, UpgradeConditionKey[]]>([
    ["an open core need", { openCoreNeeds: 1 }, ["objective_needs"]],
    ["no needs on record", { needsTotal: 0, needsMet: 0 }, ["objective_needs"]],
    ["one purchase day only (old wants a repeat buyer)", { purchaseDays: 1 }, ["mutual_wishes"]],
    ["low willingness", { willingness: 2 }, ["mutual_wishes"]],
    ["no accepted delivery", { deliveriesAccepted: 0 }, ["overall_interest"]],
    ["more rejected than accepted", { deliveriesRejected: 2 }, ["overall_interest"]],
    ["serving at a loss", { costCents: 900_000 }, ["overall_interest"]],
    ["only we talk", { inboundRecent: 0 }, ["two_way"]],
    ["only they talk", { outboundRecent: 0 }, ["two_way"]],
    ["too early (1 month in new)", { stageSince: daysAgo(31) }, ["timing"]],
    ["an open complaint", { openComplaints: 1 }, ["timing"]],
    ["a thin profile", { profileCompleteness: 0.25 }, ["information"]],
    ["no way to reach them", { hasMedium: false }, ["information"]],
    ["an organisation with no key person", { contacts: 0 }, ["information"]],
  ])("with %s, fails exactly %j", (_name, over, expected) => {
    expect(failing(ready(over))).toEqual(expected);
  });

  it("does not ask an individual for key people", () => {
    expect(failing(ready({ kind: "individual", contacts: 0 }))).toEqual([]);
  });

  it.each([
    ["potential", null, "target"],
    ["target", null, "new"],
    ["new", null, "old"],
    ["old", null, "core"],
    ["core", null, "strategic"],
    ["strategic", null, null],
    ["problem", "core", "core"],
    ["problem", null, null],
    ["exited", null, "target"],
  ] as const)("%s (fell from %s) aims at %s", (stage, fellFrom, next) => {
    expect(upgradeTarget({ stage, fellFrom })).toBe(next);
  });

  it("asks more of an upgrade to core than to old", () => {
    const old = ready({ stage: "old", stageSince: daysAgo(200), deliveriesAccepted: 1 });
    expect(failing(old)).toEqual(["overall_interest"]);
    expect(failing({ ...old, deliveriesAccepted: 3 })).toEqual([]);
  });

  it("asks nothing of a target but interest and contact", () => {
    const potential: CustomerEvidence = ready({
      stage: "potential",
      purchaseDays: 0,
      lastPurchaseAt: null,
      firstPurchaseAt: null,
      revenueCents: 0,
      costCents: 0,
      deliveriesAccepted: 0,
      needsMet: 0,
    });
    expect(failing(potential)).toEqual([]);
  });
});

describe("profile completeness", () => {
  it.each([
    ["organization", {}, 0],
    [
      "organization",
      { phone: "1", email: "a@b.c", industry: "x", region: "", scale: "large", employees: 0 },
      5 / 12,
    ],
    [
      "individual",
      { phone: "1", gender: "female", birthDate: "1990-01-01", industry: "ignored" },
      3 / 12,
    ],
  ] as const)("%s %j is %d", (kind, record, expected) => {
    expect(profileCompleteness(kind, record)).toBeCloseTo(expected, 10);
  });
});
