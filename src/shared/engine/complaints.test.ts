import { describe, expect, it } from "vitest";
import { COMPLAINT_STEPS, type ComplaintStep } from "../enums.js";
import {
  advanceComplaint,
  complaintCauseSide,
  complaintStepDueAt,
  isComplaintOverdue,
  nextComplaintSteps,
  type ComplaintState,
  type ComplaintStepFields,
} from "./complaints.js";

const asOf = new Date("2025-03-10T08:00:00Z");
const blank: ComplaintState = {
  step: "listen",
  cause: null,
  valid: null,
  keyPoints: null,
  solution: null,
  followUp: null,
  satisfaction: null,
};
const at = (step: ComplaintStep, more: Partial<ComplaintState> = {}): ComplaintState => ({
  ...blank,
  step,
  ...more,
});

/** The fields that make each allowed move succeed. */
const enough: Record<string, ComplaintStepFields> = {
  "listen→record": {},
  "record→propose": { keyPoints: "late twice", valid: true, cause: "service" },
  "record→closed": {
    keyPoints: "wants a refund for misuse",
    valid: false,
    explanation: "not covered",
  },
  "propose→follow_up": { solution: "replace the part" },
  "follow_up→closed": { followUp: "called back, works", satisfaction: "satisfied" },
  "follow_up→propose": { followUp: "still broken" },
};

describe("complaint transitions", () => {
  const pairs = COMPLAINT_STEPS.flatMap((from) => COMPLAINT_STEPS.map((to) => [from, to] as const));
  it.each(pairs)("%s → %s is allowed exactly when listed", (from, to) => {
    const key = `${from}→${to}`;
    const result = advanceComplaint(at(from), to, enough[key] ?? {}, asOf);
    if (key in enough) {
      expect(result).toMatchObject({ ok: true, changes: { step: to } });
    } else {
      expect(result).toEqual({ ok: false, error: "invalid_transition", from, to });
    }
  });

  it("lists the next steps of each step", () => {
    expect(Object.fromEntries(COMPLAINT_STEPS.map((s) => [s, nextComplaintSteps(s)]))).toEqual({
      listen: ["record"],
      record: ["propose", "closed"],
      propose: ["follow_up"],
      follow_up: ["closed", "propose"],
      closed: [],
    });
  });
});

describe("required fields per transition", () => {
  const cases: [string, ComplaintState, ComplaintStep, ComplaintStepFields, string][] = [
    [
      "record needs key points",
      at("record"),
      "propose",
      { valid: true, cause: "staff" },
      "keyPoints",
    ],
    [
      "record needs a judgement",
      at("record"),
      "propose",
      { keyPoints: "k", cause: "staff" },
      "valid",
    ],
    [
      "a valid complaint needs its cause",
      at("record"),
      "propose",
      { keyPoints: "k", valid: true },
      "cause",
    ],
    [
      "an invalid one needs an explanation",
      at("record"),
      "closed",
      { keyPoints: "k", valid: false },
      "explanation",
    ],
    ["propose needs a solution", at("propose"), "follow_up", {}, "solution"],
    ["a blank solution is no solution", at("propose"), "follow_up", { solution: "  " }, "solution"],
    [
      "closing needs the follow-up note",
      at("follow_up"),
      "closed",
      { satisfaction: "delighted" },
      "followUp",
    ],
    [
      "closing needs the satisfaction grade",
      at("follow_up"),
      "closed",
      { followUp: "ok" },
      "satisfaction",
    ],
    ["re-proposing needs the follow-up note", at("follow_up"), "propose", {}, "followUp"],
    // The first pass's solution does not carry over to a second pass.
    [
      "a second pass needs a new solution",
      at("propose", { solution: "old" }),
      "follow_up",
      {},
      "solution",
    ],
  ];
  it.each(cases)("%s", (_name, state, to, fields, field) => {
    expect(advanceComplaint(state, to, fields, asOf)).toMatchObject({
      ok: false,
      error: "missing_field",
      field,
    });
  });

  it("uses the judgement stored earlier", () => {
    const judged = at("record", { keyPoints: "k", valid: true, cause: "product" });
    expect(advanceComplaint(judged, "propose", {}, asOf).ok).toBe(true);
  });

  it("refuses fields that belong to another step, naming them", () => {
    expect(
      advanceComplaint(at("listen"), "record", { satisfaction: "satisfied" }, asOf),
    ).toMatchObject({
      ok: false,
      error: "field_not_for_step",
      field: "satisfaction",
    });
    expect(
      advanceComplaint(at("propose"), "follow_up", { solution: "s", valid: false }, asOf),
    ).toMatchObject({
      ok: false,
      field: "valid",
    });
  });

  it("sends only a valid complaint on to a solution, and closes only an invalid one from record", () => {
    expect(
      advanceComplaint(
        at("record"),
        "propose",
        { keyPoints: "k", valid: false, cause: "misuse" },
        asOf,
      ),
    ).toMatchObject({ ok: false, error: "validity_mismatch", field: "valid" });
    expect(
      advanceComplaint(
        at("record"),
        "closed",
        { keyPoints: "k", valid: true, explanation: "e" },
        asOf,
      ),
    ).toMatchObject({ ok: false, error: "validity_mismatch" });
  });
});

describe("step times and SLA", () => {
  // SLA: listen 1 day, record 2, propose 3, follow up 7; closed has no due time.
  const slas: [ComplaintStep, string | null][] = [
    ["listen", "2025-03-11T08:00:00.000Z"],
    ["record", "2025-03-12T08:00:00.000Z"],
    ["propose", "2025-03-13T08:00:00.000Z"],
    ["follow_up", "2025-03-17T08:00:00.000Z"],
    ["closed", null],
  ];
  it.each(slas)("%s is due at %s", (step, due) => {
    expect(complaintStepDueAt(step, asOf)?.toISOString() ?? null).toBe(due);
  });

  it("takes another SLA when given one", () => {
    const sla = { listen: 0.5, record: 1, propose: 1, follow_up: 2 };
    expect(complaintStepDueAt("listen", asOf, sla)?.toISOString()).toBe("2025-03-10T20:00:00.000Z");
  });

  it.each(Object.keys(enough))("%s stamps the step's entry, due and closing times", (key) => {
    const [from, to] = key.split("→") as [ComplaintStep, ComplaintStep];
    const result = advanceComplaint(at(from), to, enough[key]!, asOf);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.changes.stepEnteredAt).toEqual(asOf);
    expect(result.changes.stepDueAt).toEqual(complaintStepDueAt(to, asOf));
    expect(result.changes.closedAt).toEqual(to === "closed" ? asOf : null);
  });

  it("stores an invalid complaint's explanation as its solution", () => {
    const result = advanceComplaint(at("record"), "closed", enough["record→closed"]!, asOf);
    expect(result).toMatchObject({
      ok: true,
      changes: { solution: "not covered", valid: false, stepDueAt: null },
    });
  });

  const overdue: [string, ComplaintStep, string | null, boolean][] = [
    ["before the due time", "record", "2025-03-10T09:00:00Z", false],
    ["exactly at the due time", "record", "2025-03-10T08:00:00Z", false],
    ["past the due time", "propose", "2025-03-10T07:59:59Z", true],
    ["closed, whatever the time", "closed", "2025-01-01T00:00:00Z", false],
    ["without a due time", "listen", null, false],
  ];
  it.each(overdue)("is overdue %s: %s", (_name, step, due, expected) => {
    expect(isComplaintOverdue({ step, stepDueAt: due ? new Date(due) : null }, asOf)).toBe(
      expected,
    );
  });
});

describe("cause sides", () => {
  it.each([
    ["product", "company"],
    ["service", "company"],
    ["staff", "company"],
    ["environment", "company"],
    ["misuse", "customer"],
    ["expectation", "customer"],
    [null, null],
  ] as const)("%s is on the %s side", (cause, side) => {
    expect(complaintCauseSide(cause)).toBe(side);
  });
});
