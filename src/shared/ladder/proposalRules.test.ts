import { describe, expect, it } from "vitest";
import type { CustomerEvidence } from "./evidence.js";
import { decideProposal, PROPOSAL_RULES, type ProposalRule } from "./proposalRules.js";

const asOf = new Date("2025-06-30T00:00:00Z");
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

/** A quiet customer that no rule touches: recently active, no complaints, nothing to show. */
const base = (over: Partial<CustomerEvidence>): CustomerEvidence => ({
  customerId: 1,
  kind: "organization",
  stage: "target",
  stageSince: daysAgo(30),
  fellFrom: null,
  purchaseDays: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  revenueCents: 0,
  costCents: 0,
  deliveriesAccepted: 0,
  deliveriesPartly: 0,
  deliveriesRejected: 0,
  needsTotal: 0,
  needsMet: 0,
  openCoreNeeds: 0,
  openComplaints: 0,
  overdueComplaints: 0,
  complaintsClosedInStage: 0,
  inboundRecent: 0,
  outboundRecent: 0,
  lastInboundAt: daysAgo(10),
  closeness: null,
  willingness: null,
  pAlive: null,
  contacts: 0,
  profileCompleteness: 0,
  hasMedium: false,
  ...over,
});

const bought = (days: number, lastDaysAgo = 10) => ({
  purchaseDays: days,
  firstPurchaseAt: daysAgo(400),
  lastPurchaseAt: daysAgo(lastDaysAgo),
});

interface Case {
  name: string;
  e: Partial<CustomerEvidence>;
  /** What is proposed with no open core need; null: nothing. */
  expect: { rule: ProposalRule; to: string } | null;
}

const CASES: Case[] = [
  // complaints_to_problem: any ladder stage with an overdue complaint, or two open ones.
  {
    name: "old with an overdue complaint",
    e: { stage: "old", ...bought(5), overdueComplaints: 1, openComplaints: 1 },
    expect: { rule: "complaints_to_problem", to: "problem" },
  },
  {
    name: "core with two open complaints, none overdue",
    e: { stage: "core", ...bought(9), openComplaints: 2 },
    expect: { rule: "complaints_to_problem", to: "problem" },
  },
  {
    name: "potential with an overdue complaint",
    e: { stage: "potential", overdueComplaints: 1, openComplaints: 1 },
    expect: { rule: "complaints_to_problem", to: "problem" },
  },
  {
    name: "new with one open complaint within its due time",
    e: { stage: "new", ...bought(1), openComplaints: 1 },
    expect: null,
  },
  {
    name: "problem with overdue complaints stays where it is",
    e: { stage: "problem", fellFrom: "old", ...bought(3), openComplaints: 3, overdueComplaints: 2 },
    expect: null,
  },

  // inactive_to_exited: a buying customer silent for 12 months, or P(alive) below 10 %.
  {
    name: "old silent for 13 months",
    e: { stage: "old", stageSince: daysAgo(900), ...bought(4, 400), lastInboundAt: daysAgo(390) },
    expect: { rule: "inactive_to_exited", to: "exited" },
  },
  {
    name: "core silent exactly 12 months",
    e: { stage: "core", stageSince: daysAgo(900), ...bought(4, 365), lastInboundAt: null },
    expect: { rule: "inactive_to_exited", to: "exited" },
  },
  {
    name: "old silent 11 months",
    e: { stage: "old", stageSince: daysAgo(900), ...bought(4, 335), lastInboundAt: null },
    expect: null,
  },
  {
    name: "new whose last inbound contact is recent",
    e: { stage: "new", stageSince: daysAgo(500), ...bought(1, 400), lastInboundAt: daysAgo(20) },
    expect: null,
  },
  {
    name: "new with no activity at all for 12 months in stage",
    e: { stage: "new", stageSince: daysAgo(400), lastInboundAt: null },
    expect: { rule: "inactive_to_exited", to: "exited" },
  },
  {
    name: "old with P(alive) 5 %",
    e: { stage: "old", ...bought(3, 60), pAlive: 0.05 },
    expect: { rule: "inactive_to_exited", to: "exited" },
  },
  {
    name: "old with P(alive) 50 %",
    e: { stage: "old", ...bought(3, 60), pAlive: 0.5 },
    expect: null,
  },
  {
    name: "problem silent for 13 months",
    e: {
      stage: "problem",
      fellFrom: "core",
      stageSince: daysAgo(400),
      ...bought(4, 400),
      lastInboundAt: null,
      openComplaints: 1,
    },
    expect: { rule: "inactive_to_exited", to: "exited" },
  },
  {
    name: "target silent for years is not exited (never bought)",
    e: { stage: "target", stageSince: daysAgo(2000), lastInboundAt: null },
    expect: null,
  },
  {
    name: "silent old customer with an overdue complaint falls to problem first",
    e: {
      stage: "old",
      stageSince: daysAgo(900),
      ...bought(4, 400),
      lastInboundAt: null,
      openComplaints: 1,
      overdueComplaints: 1,
    },
    expect: { rule: "complaints_to_problem", to: "problem" },
  },

  // resolved_to_previous: problem, complaints resolved in the stage, none open → the stage it fell from.
  {
    name: "problem from old, complaints resolved",
    e: { stage: "problem", fellFrom: "old", ...bought(3), complaintsClosedInStage: 2 },
    expect: { rule: "resolved_to_previous", to: "old" },
  },
  {
    name: "problem from core, one complaint still open",
    e: {
      stage: "problem",
      fellFrom: "core",
      ...bought(3),
      complaintsClosedInStage: 1,
      openComplaints: 1,
    },
    expect: null,
  },
  {
    name: "problem with nothing resolved in the stage",
    e: { stage: "problem", fellFrom: "old", ...bought(3) },
    expect: null,
  },
  {
    name: "problem whose fall is not on record",
    e: { stage: "problem", fellFrom: null, ...bought(3), complaintsClosedInStage: 1 },
    expect: null,
  },

  // returned_to_target: exited, bought or reached out after the exit.
  {
    name: "exited who bought again",
    e: { stage: "exited", stageSince: daysAgo(200), ...bought(5, 5), lastInboundAt: null },
    expect: { rule: "returned_to_target", to: "target" },
  },
  {
    name: "exited who called us",
    e: { stage: "exited", stageSince: daysAgo(200), ...bought(5, 300), lastInboundAt: daysAgo(3) },
    expect: { rule: "returned_to_target", to: "target" },
  },
  {
    name: "exited and quiet since",
    e: {
      stage: "exited",
      stageSince: daysAgo(200),
      ...bought(5, 300),
      lastInboundAt: daysAgo(250),
    },
    expect: null,
  },

  // engaged_to_target: potential that bought or reached out.
  {
    name: "potential that reached out",
    e: { stage: "potential", inboundRecent: 1 },
    expect: { rule: "engaged_to_target", to: "target" },
  },
  {
    name: "potential that bought",
    e: { stage: "potential", ...bought(1) },
    expect: { rule: "engaged_to_target", to: "target" },
  },
  {
    name: "potential we only called",
    e: { stage: "potential", outboundRecent: 3, lastInboundAt: null },
    expect: null,
  },

  // first_purchase_to_new: target with a first purchase.
  {
    name: "target with a first purchase",
    e: { stage: "target", ...bought(1) },
    expect: { rule: "first_purchase_to_new", to: "new" },
  },
  { name: "target without purchases", e: { stage: "target", inboundRecent: 4 }, expect: null },

  // repeat_to_old: new, repeat purchases, an accepted delivery, at least 2 months in stage.
  {
    name: "new, repeat buyer, accepted delivery, 3 months in",
    e: { stage: "new", stageSince: daysAgo(92), ...bought(2), deliveriesAccepted: 1 },
    expect: { rule: "repeat_to_old", to: "old" },
  },
  {
    name: "new, repeat buyer, accepted delivery, 1 month in",
    e: { stage: "new", stageSince: daysAgo(31), ...bought(3), deliveriesAccepted: 2 },
    expect: null,
  },
  {
    name: "new, one purchase day only",
    e: { stage: "new", stageSince: daysAgo(120), ...bought(1), deliveriesAccepted: 2 },
    expect: null,
  },
  {
    name: "new, repeat buyer, no accepted delivery",
    e: { stage: "new", stageSince: daysAgo(120), ...bought(4), deliveriesPartly: 2 },
    expect: null,
  },

  // endorsed_to_core: old, ≥3 accepted deliveries, closeness ≥4, at least 3 months in stage.
  {
    name: "old, 3 accepted, closeness 4, 4 months in",
    e: {
      stage: "old",
      stageSince: daysAgo(122),
      ...bought(6),
      deliveriesAccepted: 3,
      closeness: 4,
    },
    expect: { rule: "endorsed_to_core", to: "core" },
  },
  {
    name: "old, 3 accepted, closeness 3",
    e: {
      stage: "old",
      stageSince: daysAgo(122),
      ...bought(6),
      deliveriesAccepted: 3,
      closeness: 3,
    },
    expect: null,
  },
  {
    name: "old, 3 accepted, closeness unknown",
    e: { stage: "old", stageSince: daysAgo(122), ...bought(6), deliveriesAccepted: 3 },
    expect: null,
  },
  {
    name: "old, 2 accepted, closeness 5",
    e: {
      stage: "old",
      stageSince: daysAgo(122),
      ...bought(6),
      deliveriesAccepted: 2,
      closeness: 5,
    },
    expect: null,
  },
  {
    name: "old, 5 accepted, closeness 5, 2 months in",
    e: { stage: "old", stageSince: daysAgo(60), ...bought(6), deliveriesAccepted: 5, closeness: 5 },
    expect: null,
  },

  // core → strategic is never proposed, however strong the evidence.
  {
    name: "core with everything",
    e: {
      stage: "core",
      stageSince: daysAgo(800),
      ...bought(40),
      deliveriesAccepted: 20,
      closeness: 5,
      willingness: 5,
    },
    expect: null,
  },
  {
    name: "strategic, active",
    e: { stage: "strategic", ...bought(40), deliveriesAccepted: 20 },
    expect: null,
  },
];

const DOWNGRADES: ProposalRule[] = ["complaints_to_problem", "inactive_to_exited"];

describe("proposal rules", () => {
  it("has a firing case for every rule", () => {
    const fired = new Set(CASES.map((c) => c.expect?.rule).filter(Boolean));
    expect([...fired].sort()).toEqual([...PROPOSAL_RULES].sort());
  });

  describe.each([
    { openCoreNeeds: 0, label: "no open core need" },
    { openCoreNeeds: 1, label: "an open core need" },
  ])("with $label", ({ openCoreNeeds }) => {
    it.each(CASES)("$name", ({ e, expect: expected }) => {
      const decision = decideProposal(base({ ...e, openCoreNeeds }), asOf);
      const upgrade = expected !== null && !DOWNGRADES.includes(expected.rule);
      if (expected === null) {
        expect(decision.proposal).toBeNull();
        expect(decision.heldBack).toBeNull();
      } else if (upgrade && openCoreNeeds > 0) {
        // No upgrade while a core need is open: nothing proposed, the upgrade is held back.
        expect(decision.proposal).toBeNull();
        expect(decision.heldBack).toMatchObject({
          rule: expected.rule,
          to: expected.to,
          direction: "up",
        });
        expect(decision.heldBack!.evidence.map((i) => i.key)).toContain("open_core_needs");
      } else {
        expect(decision.proposal).toMatchObject({
          rule: expected.rule,
          from: e.stage,
          to: expected.to,
          direction: upgrade ? "up" : "down",
        });
        expect(decision.proposal!.evidence.length).toBeGreaterThan(0);
        expect(decision.heldBack).toBeNull();
      }
    });
  });

  it("tags graded evidence with the field it reveals", () => {
    const { proposal } = decideProposal(
      base({
        stage: "old",
        stageSince: daysAgo(122),
        ...bought(6),
        deliveriesAccepted: 3,
        closeness: 4,
      }),
      asOf,
    );
    expect(proposal!.evidence.find((i) => i.key === "closeness")).toMatchObject({
      value: 4,
      field: "closeness",
    });
  });

  it("never proposes a recovery above the stage the customer fell from", () => {
    for (const fellFrom of ["potential", "target", "new", "old", "core", "strategic"] as const) {
      const { proposal } = decideProposal(
        base({ stage: "problem", fellFrom, ...bought(2), complaintsClosedInStage: 1 }),
        asOf,
      );
      expect(proposal).toMatchObject({ rule: "resolved_to_previous", to: fellFrom });
    }
  });
});
