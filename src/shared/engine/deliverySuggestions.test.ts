import { describe, expect, it } from "vitest";
import { STAGES, VALUE_KINDS, type Stage } from "../enums.js";
import {
  STAGE_VALUE_PLAYBOOK,
  isUniqueValue,
  suggestDeliveries,
  type SuggestionHistoryEntry,
  type SuggestionNeed,
  type SuggestionValueItem,
} from "./deliverySuggestions.js";

const asOf = new Date("2025-06-01T00:00:00Z");
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

const item = (
  id: number,
  kind: string,
  more: Partial<SuggestionValueItem> = {},
): SuggestionValueItem => ({
  id,
  title: `${kind} ${id}`,
  kind,
  scope: "additional",
  lifecycle: "mature",
  stages: [],
  needKinds: [],
  competitorsLacking: [],
  competitorsHaving: [],
  ...more,
});
/** One plain item per default kind: ids 1–9 in VALUE_KINDS order (product = 1 … historical = 9). */
const catalogue = VALUE_KINDS.map((kind, i) => item(i + 1, kind));
const ids = (stage: Stage, more: Partial<Parameters<typeof suggestDeliveries>[0]> = {}) =>
  suggestDeliveries({ stage, needs: [], items: catalogue, history: [], asOf, ...more }).map((s) => [
    s.valueItemId,
    s.score,
  ]);

describe("the stage playbook (SPEC §2), without needs", () => {
  // [item id, score]: playbook kinds score 3, supporting kinds 1, ties by id.
  const expected: Record<Stage, [number, number][]> = {
    potential: [
      [7, 3],
      [8, 1],
      [9, 1],
    ], // brand; social, historical
    target: [
      [3, 3],
      [7, 3],
      [8, 1],
      [9, 1],
    ], // people, brand; social, historical
    new: [
      [1, 3],
      [2, 1],
      [4, 1],
    ], // product; service, model
    old: [
      [5, 3],
      [7, 3],
      [8, 3],
      [2, 1],
      [6, 1],
    ], // technology, brand, social; service, customer resources
    core: [
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
      [5, 3],
      [6, 3],
      [7, 3],
      [8, 3],
      [9, 3],
    ], // everything
    strategic: [
      [5, 3],
      [4, 1],
      [6, 1],
    ], // technology; model, customer resources
    problem: [
      [2, 3],
      [3, 3],
      [1, 1],
    ], // service, people; product
    exited: [
      [3, 3],
      [7, 3],
      [8, 1],
    ], // people, brand; social
  };
  it.each(STAGES)("%s", (stage) => {
    expect(ids(stage)).toEqual(expected[stage]);
  });

  it("explains each suggestion", () => {
    const [first] = suggestDeliveries({
      stage: "new",
      needs: [],
      items: catalogue,
      history: [],
      asOf,
    });
    expect(first).toEqual({
      valueItemId: 1,
      score: 3,
      needId: null,
      needLevel: null,
      reasons: [{ code: "stage_playbook", message: "The new playbook conveys product value" }],
    });
  });

  it("keeps every stage's need levels within the three levels, core always served", () => {
    for (const stage of STAGES) expect(STAGE_VALUE_PLAYBOOK[stage].needLevels).toContain("core");
  });
});

describe("needs", () => {
  const needs: SuggestionNeed[] = [
    { id: 100, level: "core", kind: "quality", title: "stable quality" },
    { id: 101, level: "additional", kind: "service", title: "faster support" },
    { id: 102, level: "potential", kind: "information", title: "market insight" },
  ];
  // A kind no playbook names (except core's "everything"), so only the needs score.
  const answering = [
    item(20, "good_trend", { needKinds: ["quality"] }),
    item(21, "good_trend", { needKinds: ["service"] }),
    item(22, "good_trend", { needKinds: ["information"] }),
  ];
  const run = (stage: Stage) =>
    suggestDeliveries({ stage, needs, items: [...catalogue, ...answering], history: [], asOf });

  const cases: [Stage, number[], [number, number, number | null][]][] = [
    // stage, first ids in order, [id, score, linked need] for the need-answering items
    ["new", [20, 1], [[20, 4, 100]]], // core need first; additional and potential needs not served
    ["target", [20, 3, 7], [[20, 4, 100]]],
    [
      "old",
      [20, 5, 7, 8],
      [
        [20, 4, 100],
        [21, 2, 101],
        [22, 1, 102],
      ],
    ],
    [
      "strategic",
      [20, 5, 22],
      [
        [20, 4, 100],
        [22, 3, 102],
        [21, 2, 101],
      ],
    ], // potential needs weigh more
    [
      "core",
      [20, 21],
      [
        [20, 7, 100],
        [21, 5, 101],
        [22, 4, 102],
      ],
    ], // every kind also scores 3
  ];
  it.each(cases)(
    "%s: core-need items first, and only the need levels the stage serves",
    (stage, head, rows) => {
      const result = run(stage);
      expect(result.slice(0, head.length).map((s) => s.valueItemId)).toEqual(head);
      const answered = result
        .filter((s) => s.valueItemId >= 20)
        .map((s) => [s.valueItemId, s.score, s.needId]);
      expect(answered).toEqual(rows);
    },
  );

  it("names the need in the reason and counts further needs, up to two", () => {
    const many = item(30, "product", { needKinds: ["quality", "service", "information", "brand"] });
    const extra: SuggestionNeed = {
      id: 103,
      level: "additional",
      kind: "brand",
      title: "prestige",
    };
    const [top] = suggestDeliveries({
      stage: "old",
      needs: [...needs, extra],
      items: [many],
      history: [],
      asOf,
    });
    expect(top!.score).toBe(4 + 1 + 1); // core need, two more needs (the third is capped)
    expect(top!.reasons[0]).toEqual({
      code: "core_need",
      message: 'Answers the unmet core quality need "stable quality"',
      needId: 100,
    });
    // Needs are taken core first, then additional, then potential.
    expect(top!.reasons.map((r) => r.needId)).toEqual([100, 101, 103]);
  });
});

describe("history", () => {
  const one = [item(1, "product")];
  const history = (entry: Partial<SuggestionHistoryEntry>): SuggestionHistoryEntry[] => [
    { valueItemId: 1, status: "evaluated", outcome: "accepted", at: daysAgo(1), ...entry },
  ];
  const cases: [string, SuggestionHistoryEntry[], number | null][] = [
    ["accepted 30 days ago: left out", history({ at: daysAgo(30) }), null],
    ["accepted 200 days ago: back in", history({ at: daysAgo(200) }), 3],
    ["planned: left out", history({ status: "planned", outcome: null }), null],
    ["delivered, not yet judged: left out", history({ status: "delivered", outcome: null }), null],
    ["cancelled: no effect", history({ status: "cancelled", outcome: null }), 3],
    ["partly accepted: no effect", history({ outcome: "partly" }), 3],
    ["rejected recently: lower", history({ outcome: "rejected" }), 1],
    ["rejected long ago: no effect", history({ outcome: "rejected", at: daysAgo(365) }), 3],
  ];
  it.each(cases)("%s", (_name, entries, score) => {
    const [top] = suggestDeliveries({
      stage: "new",
      needs: [],
      items: one,
      history: entries,
      asOf,
    });
    expect(top?.score ?? null).toBe(score);
  });

  it("uses the window it is given", () => {
    const entries = history({ at: daysAgo(30) });
    expect(
      suggestDeliveries({
        stage: "new",
        needs: [],
        items: one,
        history: entries,
        asOf,
        recentDays: 7,
      }),
    ).toHaveLength(1);
  });
});

describe("catalogue attributes", () => {
  const cases: [string, Stage, SuggestionValueItem, number, string[]][] = [
    [
      "unique value",
      "new",
      item(1, "product", { competitorsLacking: ["A"] }),
      4,
      ["stage_playbook", "unique_value"],
    ],
    [
      "unique value, old customer",
      "old",
      item(5, "technology", { competitorsLacking: ["A"] }),
      5,
      ["stage_playbook", "unique_value"],
    ],
    [
      "parity is not unique",
      "new",
      item(1, "product", { competitorsLacking: ["A"], competitorsHaving: ["B"] }),
      3,
      ["stage_playbook"],
    ],
    [
      "core scope for a new customer",
      "new",
      item(1, "product", { scope: "core" }),
      4,
      ["stage_playbook", "scope_fit"],
    ],
    [
      "potential scope for a strategic partner",
      "strategic",
      item(5, "technology", { scope: "potential" }),
      4,
      ["stage_playbook", "scope_fit"],
    ],
    [
      "declining value",
      "new",
      item(1, "product", { lifecycle: "declining" }),
      2,
      ["stage_playbook", "declining"],
    ],
    [
      "tagged for the stage",
      "new",
      item(9, "historical", { stages: ["new"] }),
      2,
      ["tagged_for_stage"],
    ],
    [
      "tagged and in the playbook",
      "new",
      item(1, "product", { stages: ["new", "old"] }),
      5,
      ["stage_playbook", "tagged_for_stage"],
    ],
    ["a custom kind, core customer", "core", item(40, "clear_goals"), 3, ["stage_playbook"]],
  ];
  it.each(cases)("%s", (_name, stage, it_, score, codes) => {
    const [top] = suggestDeliveries({ stage, needs: [], items: [it_], history: [], asOf });
    expect(top?.score).toBe(score);
    expect(top?.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("leaves out items with no stage or need reason, however unique", () => {
    const lone = item(9, "historical", { competitorsLacking: ["A"], scope: "core" });
    expect(
      suggestDeliveries({ stage: "new", needs: [], items: [lone], history: [], asOf }),
    ).toEqual([]);
  });

  it.each([
    [["A"], [], true],
    [[], [], false],
    [["A"], ["B"], false],
    [[], ["B"], false],
  ])("lacking %j, having %j: unique %s", (lacking, having, unique) => {
    expect(isUniqueValue({ competitorsLacking: lacking, competitorsHaving: having })).toBe(unique);
  });
});
