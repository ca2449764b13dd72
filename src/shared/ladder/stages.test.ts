import { describe, expect, it } from "vitest";
import { STAGES, type Stage } from "../enums.js";
import {
  allowedMoves,
  canMove,
  classifyMove,
  dueAt,
  isOverdue,
  isTimely,
  PLAYBOOK,
  timeInStage,
  type MoveKind,
} from "./stages.js";

/**
 * Every pair of stages (8 × 8 = 64), read row by row: from → the kind of move to each target
 * in STAGES order (potential, target, new, old, core, strategic, problem, exited); "-" is forbidden.
 */
// prettier-ignore
const MATRIX: Record<Stage, (MoveKind | "-")[]> = {
  //          potential    target       new          old          core         strategic    problem      exited
  potential: ["-",         "upgrade",   "-",         "-",         "-",         "-",         "fall",      "exit"],
  target:    ["downgrade", "-",         "upgrade",   "-",         "-",         "-",         "fall",      "exit"],
  new:       ["-",         "downgrade", "-",         "upgrade",   "-",         "-",         "fall",      "exit"],
  old:       ["-",         "-",         "downgrade", "-",         "upgrade",   "-",         "fall",      "exit"],
  core:      ["-",         "-",         "-",         "downgrade", "-",         "upgrade",   "fall",      "exit"],
  strategic: ["-",         "-",         "-",         "-",         "downgrade", "-",         "fall",      "exit"],
  problem:   ["recover",   "recover",   "recover",   "recover",   "recover",   "recover",   "-",         "exit"],
  exited:    ["-",         "win_back",  "-",         "-",         "-",         "-",         "-",         "-"],
};

const pairs = STAGES.flatMap((from) =>
  STAGES.map((to, i) => ({ from, to, expected: MATRIX[from][i]! })),
);

describe("stage moves", () => {
  it("covers all 64 pairs", () => expect(pairs).toHaveLength(64));

  it.each(pairs)("$from → $to is $expected", ({ from, to, expected }) => {
    expect(classifyMove(from, to)).toBe(expected === "-" ? null : expected);
    expect(canMove(from, to)).toBe(expected !== "-");
  });

  it.each([
    // Out of problem: back up to the stage it fell from, never above it.
    { fellFrom: "old", to: "old", ok: true },
    { fellFrom: "old", to: "new", ok: true },
    { fellFrom: "old", to: "potential", ok: true },
    { fellFrom: "old", to: "core", ok: false },
    { fellFrom: "old", to: "strategic", ok: false },
    { fellFrom: "core", to: "core", ok: true },
    { fellFrom: "potential", to: "target", ok: false },
    { fellFrom: "strategic", to: "strategic", ok: true },
    { fellFrom: "old", to: "exited", ok: true },
    { fellFrom: null, to: "strategic", ok: true },
  ] as const)("problem (fell from $fellFrom) → $to: $ok", ({ fellFrom, to, ok }) => {
    expect(canMove("problem", to, { fellFrom })).toBe(ok);
  });

  it("lists the moves allowed from a stage", () => {
    expect(allowedMoves("old")).toEqual(["new", "core", "problem", "exited"]);
    expect(allowedMoves("exited")).toEqual(["target"]);
    expect(allowedMoves("problem", { fellFrom: "new" })).toEqual([
      "potential",
      "target",
      "new",
      "exited",
    ]);
  });
});

describe("time in stage", () => {
  const at = (iso: string) => new Date(iso);

  it.each([
    // stage, since, asOf, overdue, timely — new 2–4 months, old 3–12, core 12; others never.
    ["new", "2025-01-15T00:00:00Z", "2025-03-14T23:59:59Z", false, false],
    ["new", "2025-01-15T00:00:00Z", "2025-03-15T00:00:00Z", false, true],
    ["new", "2025-01-15T00:00:00Z", "2025-05-14T00:00:00Z", false, true],
    ["new", "2025-01-15T00:00:00Z", "2025-05-15T00:00:00Z", true, true],
    ["new", "2025-01-31T00:00:00Z", "2025-05-30T00:00:00Z", false, true], // Jan 31 + 4 months is May 31
    ["new", "2025-01-31T00:00:00Z", "2025-05-31T00:00:00Z", true, true],
    ["new", "2024-10-31T00:00:00Z", "2025-02-28T00:00:00Z", true, true], // Oct 31 + 4 months clamps to Feb 28
    ["old", "2025-01-01T00:00:00Z", "2025-03-31T00:00:00Z", false, false],
    ["old", "2025-01-01T00:00:00Z", "2025-04-01T00:00:00Z", false, true],
    ["old", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true, true],
    ["core", "2024-02-29T00:00:00Z", "2025-02-28T00:00:00Z", true, true], // leap day + 12 months clamps to Feb 28
    ["core", "2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z", false, false],
    ["potential", "2000-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false, true],
    ["target", "2000-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false, true],
    ["strategic", "2000-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false, true],
    ["problem", "2000-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false, true],
    ["exited", "2000-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false, true],
  ] as const)(
    "%s since %s, as of %s: overdue %s, timely %s",
    (stage, since, asOf, overdue, timely) => {
      expect(isOverdue(stage, at(since), at(asOf))).toBe(overdue);
      expect(isTimely(stage, at(since), at(asOf))).toBe(timely);
    },
  );

  it("counts whole days and calendar months, never negative", () => {
    expect(timeInStage(at("2025-01-31T00:00:00Z"), at("2025-02-28T00:00:00Z"))).toEqual({
      days: 28,
      months: 1,
    });
    expect(timeInStage(at("2025-01-15T12:00:00Z"), at("2025-03-15T11:59:59Z"))).toEqual({
      days: 58,
      months: 1,
    });
    expect(timeInStage(at("2025-03-01T00:00:00Z"), at("2025-01-01T00:00:00Z"))).toEqual({
      days: 0,
      months: 0,
    });
  });

  it("gives the due date of stages with a typical time only", () => {
    expect(dueAt("old", at("2025-01-01T00:00:00Z"))?.toISOString()).toBe(
      "2026-01-01T00:00:00.000Z",
    );
    expect(dueAt("target", at("2025-01-01T00:00:00Z"))).toBeNull();
  });
});

describe("playbook", () => {
  it.each([
    ["potential", ["brand"]],
    ["target", ["people", "brand"]],
    ["new", ["product", "model"]],
    ["old", ["brand", "technology", "social"]],
  ] as const)("%s conveys %j by default (SPEC §2)", (stage, kinds) => {
    expect(PLAYBOOK[stage].valueKinds).toEqual(kinds);
  });

  it("has advice for every stage", () => {
    for (const stage of STAGES) expect(PLAYBOOK[stage].advice.length).toBeGreaterThan(10);
  });
});
