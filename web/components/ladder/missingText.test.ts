import { describe, expect, it } from "vitest";
import { assessUpgrade } from "../../../src/shared/ladder/upgradeConditions.js";
import type { CustomerEvidence } from "../../../src/shared/ladder/evidence.js";
import { parseMissing } from "./missingText.js";

const asOf = new Date("2025-06-30T00:00:00Z");
const bare: CustomerEvidence = {
  customerId: 1,
  kind: "organization",
  stage: "new",
  stageSince: new Date("2025-06-01T00:00:00Z"),
  fellFrom: null,
  purchaseDays: 1,
  firstPurchaseAt: new Date("2025-06-01T00:00:00Z"),
  lastPurchaseAt: new Date("2025-06-01T00:00:00Z"),
  revenueCents: 100,
  costCents: 500,
  deliveriesAccepted: 0,
  deliveriesPartly: 0,
  deliveriesRejected: 2,
  needsTotal: 1,
  needsMet: 0,
  openCoreNeeds: 1,
  openComplaints: 2,
  overdueComplaints: 0,
  complaintsClosedInStage: 0,
  inboundRecent: 0,
  outboundRecent: 0,
  lastInboundAt: null,
  closeness: null,
  willingness: 1,
  pAlive: null,
  contacts: 0,
  profileCompleteness: 0.2,
  hasMedium: false,
};

describe("translating what the upgrade conditions miss", () => {
  it("recognises every sentence the conditions produce", () => {
    const variants: CustomerEvidence[] = [
      bare,
      { ...bare, needsTotal: 0, purchaseDays: 0, willingness: null },
      { ...bare, stage: "target", purchaseDays: 0 },
    ];
    const sentences = new Set<string>();
    for (const evidence of variants) {
      for (const condition of assessUpgrade(evidence, asOf).conditions) {
        for (const missing of condition.missing) sentences.add(missing.text);
      }
    }
    expect(sentences.size).toBeGreaterThanOrEqual(14);
    for (const sentence of sentences) expect(parseMissing(sentence), sentence).not.toBeNull();
  });

  it.each([
    [
      "2 of 3 accepted value deliveries expected before core",
      "few_accepted",
      { count: 2, needed: 3, stage: "core" },
    ],
    [
      "only 1 months in new; an upgrade is timely from 2025-08-01",
      "too_early",
      { count: 1, stage: "new", date: "2025-08-01" },
    ],
    [
      "profile only 20% complete (at least 50% expected)",
      "profile_incomplete",
      { percent: 20, needed: 50 },
    ],
  ])("reads the numbers of %s", (text, key, values) => {
    expect(parseMissing(text)).toEqual({ key, values });
  });

  it("leaves unknown sentences alone", () => {
    expect(parseMissing("something new the server says")).toBeNull();
    expect(parseMissing("2 of 3 accepted value deliveries expected before heaven")).toBeNull();
  });
});
