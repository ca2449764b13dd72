import { describe, expect, it } from "vitest";
import {
  rankNextActions,
  type NextActionInput,
  type OpenNeed,
  type SuggestedDelivery,
} from "./nextActions.js";

const asOf = new Date("2025-06-30T00:00:00Z");
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

const need = (
  id: number,
  level: OpenNeed["level"],
  kind: OpenNeed["kind"],
  createdDaysAgo = 10,
): OpenNeed => ({ id, title: `n${id}`, level, kind, createdAt: daysAgo(createdDaysAgo) });

const suggestion = (
  valueItemId: number,
  score: number,
  needLevel: SuggestedDelivery["needLevel"] = null,
): SuggestedDelivery => ({
  valueItemId,
  title: `v${valueItemId}`,
  score,
  needLevel,
  reason: `reason ${valueItemId}`,
});

const quiet = (over: Partial<NextActionInput> = {}): NextActionInput => ({
  customerId: 7,
  stage: "old",
  stageSince: daysAgo(30),
  openNeeds: [],
  suggestions: [],
  goals: [],
  planContacts: [],
  openComplaints: [],
  openProposal: null,
  ...over,
});

describe("next best actions", () => {
  it("is empty for a customer with nothing to do", () => {
    expect(rankNextActions(quiet(), asOf)).toEqual([]);
  });

  it("ranks every kind of action with its reason and target", () => {
    const actions = rankNextActions(
      quiet({
        stageSince: daysAgo(400),
        openNeeds: [
          need(21, "core", "quality", 5),
          need(20, "core", "service", 50),
          need(22, "additional", "brand"),
        ],
        suggestions: [suggestion(30, 5, "core")],
        goals: [
          { planId: 40, planName: "季度回访", text: "确认续约意向", due: daysAgo(2) },
          { planId: 40, planName: "季度回访", text: "邀请参加年会", due: daysAgo(-7) },
          { planId: 40, planName: "季度回访", text: "later", due: daysAgo(-60) },
          { planId: 41, planName: "x", text: "no date", due: null },
        ],
        planContacts: [
          { planId: 42, planName: "月度电话", dueAt: daysAgo(1) },
          { planId: 43, planName: "not yet", dueAt: daysAgo(-3) },
        ],
        openComplaints: [
          { id: 50, title: "送货延迟", step: "propose", stepDueAt: daysAgo(-2) },
          { id: 51, title: "质量问题", step: "record", stepDueAt: daysAgo(3) },
        ],
        openProposal: {
          id: 60,
          from: "old",
          to: "problem",
          rule: "complaints_to_problem",
          direction: "down",
        },
      }),
      asOf,
    );
    expect(actions.map((a) => [a.kind, a.target.type, a.target.id, a.priority])).toEqual([
      ["complaint", "complaint", 51, 95],
      ["core_need", "need", 20, 90],
      ["core_need", "need", 21, 90],
      ["proposal", "proposal", 60, 85],
      ["overdue_stage", "customer", 7, 80],
      ["complaint", "complaint", 50, 75],
      ["interaction", "interaction_plan", 40, 70],
      ["delivery", "value_item", 30, 60],
      ["interaction", "interaction_plan", 40, 55],
      ["interaction", "interaction_plan", 42, 55],
    ]);
    expect(actions.find((a) => a.kind === "overdue_stage")!.reason).toMatch(
      /past the typical time in old\. Expect competitors/,
    );
    expect(actions.find((a) => a.kind === "delivery")!.reason).toBe("reason 30");
  });

  it.each([
    ["down", 85],
    ["up", 65],
  ] as const)("ranks a proposed %s move at %i", (direction, priority) => {
    const [action] = rankNextActions(
      quiet({ openProposal: { id: 1, from: "new", to: "old", rule: "repeat_to_old", direction } }),
      asOf,
    );
    expect(action).toMatchObject({ kind: "proposal", priority });
  });

  it("takes the three best delivery suggestions, a core need's first", () => {
    const actions = rankNextActions(
      quiet({
        suggestions: [
          suggestion(1, 9, "core"),
          suggestion(2, 12),
          suggestion(3, 2),
          suggestion(4, 1),
        ],
      }),
      asOf,
    );
    expect(actions.map((a) => [a.target.id, a.priority])).toEqual([
      [1, 60],
      [2, 58],
      [3, 44],
    ]);
  });

  it("flags an overdue stage only past the typical time", () => {
    expect(rankNextActions(quiet({ stage: "new", stageSince: daysAgo(100) }), asOf)).toEqual([]);
    expect(
      rankNextActions(quiet({ stage: "new", stageSince: daysAgo(130) }), asOf).map((a) => a.kind),
    ).toEqual(["overdue_stage"]);
    expect(rankNextActions(quiet({ stage: "target", stageSince: daysAgo(3000) }), asOf)).toEqual(
      [],
    );
  });
});
