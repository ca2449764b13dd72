import { describe, expect, it } from "vitest";
import {
  formatParameter,
  heatShade,
  inVocabularyOrder,
  readModelReport,
  retentionHeatmap,
  withShare,
} from "./analyticsReport.js";

describe("readModelReport", () => {
  it("reads both fitted models, the quadrant cut points and the notes", () => {
    const report = readModelReport({
      bgnbd: {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
        logLikelihood: -9582.4,
        converged: true,
        customers: 2357,
        repeatCustomers: 1011,
      },
      gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, logLikelihood: -4000, converged: true },
      quadrantThresholds: { current: 12_000, future: 8_000 },
      notes: ["a note"],
    });
    expect(report.bgnbd).toEqual({
      r: 0.243,
      alpha: 4.414,
      a: 0.793,
      b: 2.426,
      logLikelihood: -9582.4,
      converged: true,
      customers: 2357,
      repeatCustomers: 1011,
    });
    expect(report.gammaGamma).toMatchObject({ p: 6.25, q: 3.74, gamma: 15.44, customers: null });
    expect(report.thresholds).toEqual({ current: 12_000, future: 8_000 });
    expect(report.notes).toEqual(["a note"]);
  });

  it("reads a model the data could not support as not fitted, with the server's reason", () => {
    const report = readModelReport({
      bgnbd: null,
      gammaGamma: { p: 1, q: 2 },
      quadrantThresholds: {},
      notes: ["Too few repeat customers to fit BG/NBD", 42],
    });
    expect(report.bgnbd).toBeNull();
    expect(report.gammaGamma).toBeNull();
    expect(report.thresholds).toBeNull();
    expect(report.notes).toEqual(["Too few repeat customers to fit BG/NBD"]);
  });

  it("takes anything that is not a fit for an empty report", () => {
    for (const fit of [null, undefined, "x", [1], 3]) {
      expect(readModelReport(fit)).toEqual({
        bgnbd: null,
        gammaGamma: null,
        thresholds: null,
        notes: [],
      });
    }
  });

  it("does not call a fit converged unless it says so", () => {
    const report = readModelReport({ bgnbd: { r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1 } });
    expect(report.bgnbd?.converged).toBe(false);
  });
});

describe("withShare and inVocabularyOrder", () => {
  it("gives each row its share of the total, and 0 of an empty total", () => {
    expect(withShare([{ n: 1 }, { n: 3 }], (r) => r.n).map((r) => r.share)).toEqual([0.25, 0.75]);
    expect(withShare([{ n: 0 }], (r) => r.n)[0]!.share).toBe(0);
  });

  it("orders rows by the vocabulary and keeps unknown names after, as they came", () => {
    const rows = ["lost", "x", "champions", "y", "new"].map((name) => ({ name }));
    const ordered = inVocabularyOrder(rows, (r) => r.name, ["champions", "new", "lost"]);
    expect(ordered.map((r) => r.name)).toEqual(["champions", "new", "lost", "x", "y"]);
  });
});

describe("retentionHeatmap", () => {
  it("measures each quarterly cohort up to the newest period, the last one still running", () => {
    const { periods, rows } = retentionHeatmap({
      period: "quarter",
      cohorts: [
        { cohort: "2024-01", size: 10, retained: [10, 6, 3], retention: [1, 0.6, 0.3] },
        // Nobody of this cohort bought after its first quarter: still measured, at 0.
        { cohort: "2024-04", size: 4, retained: [4], retention: [1] },
        { cohort: "2024-07", size: 5, retained: [5], retention: [1] },
      ],
    });
    expect(periods).toBe(3);
    expect(rows.map((r) => r.cells.map((c) => c && [c.retention, c.running]))).toEqual([
      [
        [1, false],
        [0.6, false],
        [0.3, true],
      ],
      [[1, false], [0, true], null],
      [[1, false], null, null],
    ]);
    expect(rows[0]!.cells[1]!.retained).toBe(6);
  });

  it("counts months between cohorts across a year's end", () => {
    const { periods } = retentionHeatmap({
      period: "month",
      cohorts: [
        { cohort: "2023-11", size: 1, retained: [1], retention: [1] },
        { cohort: "2024-02", size: 1, retained: [1], retention: [1] },
      ],
    });
    expect(periods).toBe(4);
  });

  it("has no rows and no columns without cohorts", () => {
    expect(retentionHeatmap({ period: "year", cohorts: [] })).toEqual({ periods: 0, rows: [] });
  });
});

describe("heatShade", () => {
  it("deepens with the share, turns the text white on dark cells, and clamps", () => {
    expect(heatShade(0).color).not.toBe("#fff");
    expect(heatShade(1).color).toBe("#fff");
    expect(heatShade(2)).toEqual(heatShade(1));
    expect(heatShade(-1)).toEqual(heatShade(0));
  });
});

describe("formatParameter", () => {
  it("keeps four significant digits, and the tenths of large magnitudes", () => {
    expect(formatParameter(0.24301, "en")).toBe("0.243");
    expect(formatParameter(4.41396, "en")).toBe("4.414");
    expect(formatParameter(0.000123456, "en")).toBe("0.0001235");
    expect(formatParameter(-9582.43, "en")).toBe("-9,582.4");
    expect(formatParameter(-9582.43, "zh-CN")).toBe("-9,582.4");
  });
});
