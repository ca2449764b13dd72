import { describe, expect, it } from "vitest";
import { dueGoals, dueHorizon, type PlanGoal } from "./interactionPlans.js";

const goals: PlanGoal[] = [
  { text: "visit the plant", due: "2025-03-20", met: false },
  { text: "send the newsletter", due: "2025-03-05", met: false },
  { text: "first order", due: "2025-03-01", met: true },
  { text: "annual review", due: "2025-12-01", met: false },
  { text: "call the buyer", due: "2025-03-10", met: false },
];

describe("due goals", () => {
  const cases: [string, number, string[]][] = [
    ["today only: overdue and due today", 0, ["send the newsletter", "call the buyer"]],
    ["within 10 days", 10, ["send the newsletter", "call the buyer", "visit the plant"]],
    [
      "within a year",
      365,
      ["send the newsletter", "call the buyer", "visit the plant", "annual review"],
    ],
  ];
  it.each(cases)("%s", (_name, days, texts) => {
    expect(dueGoals(goals, "2025-03-10", days).map((g) => g.text)).toEqual(texts);
  });

  it("says how many days are left, flags overdue ones and keeps each goal's index", () => {
    expect(dueGoals(goals, "2025-03-10", 10)).toEqual([
      {
        text: "send the newsletter",
        due: "2025-03-05",
        met: false,
        index: 1,
        daysLeft: -5,
        overdue: true,
      },
      {
        text: "call the buyer",
        due: "2025-03-10",
        met: false,
        index: 4,
        daysLeft: 0,
        overdue: false,
      },
      {
        text: "visit the plant",
        due: "2025-03-20",
        met: false,
        index: 0,
        daysLeft: 10,
        overdue: false,
      },
    ]);
  });

  it.each([
    ["2025-03-10", 0, "2025-03-10"],
    ["2025-02-27", 2, "2025-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
  ])("from %s, %i days reach %s", (asOf, days, horizon) => {
    expect(dueHorizon(asOf, days)).toBe(horizon);
  });
});
