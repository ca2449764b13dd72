import { describe, expect, it } from "vitest";
import { STAGES, type Stage } from "../enums.js";
import {
  rankNextActions,
  suggestDeliveries,
  type CatalogueItem,
  type NextActionInput,
  type OpenNeed,
} from "./nextActions.js";

const asOf = new Date("2025-06-30T00:00:00Z");
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

const value = (
  id: number,
  kind: string,
  stages: Stage[],
  needKinds: string[],
  over: Partial<CatalogueItem> = {},
): CatalogueItem => ({
  id,
  title: `v${id}`,
  kind,
  scope: "additional",
  stages,
  needKinds,
  lifecycle: "growing",
  competitorsLacking: [],
  ...over,
});

const need = (
  id: number,
  level: OpenNeed["level"],
  kind: OpenNeed["kind"],
  createdDaysAgo = 10,
): OpenNeed => ({ id, title: `n${id}`, level, kind, createdAt: daysAgo(createdDaysAgo) });

/** A catalogue with one item per playbook kind of each stage, all serving every stage. */
const ALL = [...STAGES];
const CATALOGUE: CatalogueItem[] = [
  value(1, "brand", ALL, ["brand"]),
  value(2, "people", ALL, ["emotional"]),
  value(3, "product", ALL, ["quality"]),
  value(4, "model", ALL, ["benefit"]),
  value(5, "technology", ALL, ["information", "quality"]),
  value(6, "social", ALL, ["brand"]),
  value(7, "service", ALL, ["service"]),
  value(8, "historical", ["core"], ["brand"]),
];

describe("delivery suggestions per stage", () => {
  it.each<[Stage, OpenNeed[], number[]]>([
    // No open needs: the stage's playbook value kinds, best first.
    ["potential", [], [1]],
    ["target", [], [1, 2]],
    ["new", [], [3, 4]],
    ["old", [], [1, 5, 6]],
    ["strategic", [], [3, 5, 7]],
    ["problem", [], [2, 7]],
    ["exited", [], [1, 2]],
    // Core keeps delivering all of the catalogue; the top three by id when scores tie.
    ["core", [], [1, 2, 3]],
    // With open needs: only items answering them, needs the playbook works on.
    ["new", [need(10, "core", "quality")], [3, 5]],
    // New satisfies core needs only: an additional need does not drive a suggestion…
    ["new", [need(11, "additional", "service")], [3, 4]],
    // …but an old customer's additional and potential needs do.
    ["old", [need(11, "additional", "service"), need(12, "potential", "brand")], [1, 6, 7]],
    ["core", [need(13, "core", "brand")], [1, 6, 8]],
  ])("%s with needs %j suggests %j", (stage, needs, ids) => {
    expect(suggestDeliveries(stage, needs, CATALOGUE).map((s) => s.item.id)).toEqual(ids);
  });

  it("ranks by needs answered, playbook fit, scope, uniqueness and life cycle", () => {
    const catalogue = [
      value(1, "service", ["old"], ["quality"]),
      value(2, "technology", ["old"], ["quality"]),
      value(3, "service", ["old"], ["quality"], { scope: "core", competitorsLacking: ["对手甲"] }),
      value(4, "technology", ["old"], ["quality"], { lifecycle: "declining" }),
      value(5, "technology", ["new"], ["quality"]),
    ];
    const suggestions = suggestDeliveries("old", [need(1, "core", "quality")], catalogue, [], 10);
    expect(suggestions.map((s) => [s.item.id, s.score])).toEqual([
      [2, 5],
      [3, 5],
      [4, 4],
      [1, 3],
    ]);
    expect(suggestions[1]!.reason).toMatch(
      /answers the core quality need "n1".*unique: 对手甲 lack it/,
    );
    expect(suggestions[0]!.needIds).toEqual([1]);
  });

  it("leaves out items planned or delivered lately", () => {
    expect(suggestDeliveries("new", [], CATALOGUE, [3]).map((s) => s.item.id)).toEqual([4]);
  });
});

const quiet = (over: Partial<NextActionInput> = {}): NextActionInput => ({
  customerId: 7,
  stage: "old",
  stageSince: daysAgo(30),
  openNeeds: [],
  catalogue: [],
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
        catalogue: [value(30, "technology", ["old"], ["quality"])],
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
      ["interaction", "interaction_plan", 40, 55],
      ["interaction", "interaction_plan", 42, 55],
      ["delivery", "value_item", 30, 55],
    ]);
    expect(actions.find((a) => a.kind === "overdue_stage")!.reason).toMatch(
      /past the typical time in old\. Expect competitors/,
    );
    expect(actions.find((a) => a.kind === "delivery")!.reason).toMatch(/core quality need/);
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
