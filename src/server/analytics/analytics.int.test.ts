import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { seedSimulatedBase } from "../../../test/support/simulatedBase.js";

describe("analytics API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 400,
      asOf: new Date(),
    });
  });
  afterAll(() => t.close());

  const waitForRefresh = async () => {
    const analyst = await t.as("analyst");
    for (let i = 0; i < 300; i++) {
      const status = (await analyst.request("GET", "/api/analytics/status")).json();
      if (!status.running) return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("refresh did not finish");
  };

  it("refreshes in the background and reports the published run", async () => {
    const analyst = await t.as("analyst");
    const started = await analyst.request("POST", "/api/analytics/refresh", { horizonMonths: 24 });
    expect(started.statusCode, started.body).toBe(202);
    const status = await waitForRefresh();
    expect(status.error).toBeNull();
    expect(status.lastRun.fit.bgnbd.converged).toBe(true);
    expect(
      (await (await t.as("manager")).request("POST", "/api/analytics/refresh", {})).statusCode,
    ).toBe(403);
  });

  it("summarises ABC, RFM, CLV quadrants and life-cycle phases with consistent totals", async () => {
    const overview = (
      await (await t.as("analyst")).request("GET", "/api/analytics/overview")
    ).json();
    expect(overview.customersScored).toBe(400);
    const sum = (list: { customers: number }[]) => list.reduce((n, x) => n + x.customers, 0);
    for (const key of ["abc", "rfmSegments", "rfmGrid", "quadrants", "lifecycle"])
      expect(sum(overview[key]), key).toBe(400);
    expect(overview.abc.map((a: { abcClass: string }) => a.abcClass)).toEqual(["A", "B", "C"]);
    expect(overview.clvTotalCents).toBeGreaterThan(0);
  });

  it("draws the Pareto curve from 0 to 100 %, rising and concave", async () => {
    const { points } = (
      await (await t.as("analyst")).request("GET", "/api/analytics/pareto")
    ).json();
    expect(points[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(points.at(-1)).toEqual({ customerShare: 1, valueShare: 1 });
    for (let i = 1; i < points.length; i++)
      expect(points[i].valueShare).toBeGreaterThanOrEqual(points[i - 1].valueShare);
    // Customers sorted by value: the top fifth holds at least a fifth of the revenue.
    expect(
      points.find((p: { customerShare: number }) => p.customerShare >= 0.2).valueShare,
    ).toBeGreaterThanOrEqual(0.2);
  });

  it("samples the CLV scatter, cohorts and size tiers, and shows an outsider nothing", async () => {
    const analyst = await t.as("analyst");
    const scatter = (await analyst.request("GET", "/api/analytics/clv-scatter?limit=50")).json();
    expect(scatter.points.length).toBeLessThanOrEqual(50);
    expect(scatter.points.length).toBeGreaterThan(30);
    const retention = (
      await analyst.request("GET", "/api/analytics/retention?period=quarter")
    ).json();
    const sizes = retention.cohorts.reduce((n: number, c: { size: number }) => n + c.size, 0);
    expect(sizes).toBe(400);
    for (const c of retention.cohorts) expect(c.retention[0]).toBe(1);
    const tiers = (await analyst.request("GET", "/api/analytics/size-tiers")).json().tiers;
    expect(tiers.map((x: { tier: string }) => x.tier)).toEqual(["top", "large", "medium", "small"]);
    expect(tiers[0].customers).toBe(4);
    const outsider = (
      await (await t.as("outsider")).request("GET", "/api/analytics/overview")
    ).json();
    expect(outsider.customersScored).toBe(0);
  });
});

describe("drilling down from a chart to its customers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedSimulatedBase(t.database.db, {
      ownerId: t.users.manager,
      buyers: 200,
      asOf: new Date(),
    });
    const { refreshScores } = await import("./refreshScores.js");
    await refreshScores({ database: t.database });
  });
  afterAll(() => t.close());

  it("lists exactly the customers a chart segment counts", async () => {
    const analyst = await t.as("analyst");
    const overview = (await analyst.request("GET", "/api/analytics/overview")).json();
    for (const { abcClass, customers } of overview.abc) {
      const list = (
        await analyst.request("GET", `/api/customers?abcClass=${abcClass}&limit=200`)
      ).json();
      expect(list.items.length, abcClass).toBe(customers);
    }
    const quadrant = overview.quadrants[0];
    const inQuadrant = (
      await analyst.request("GET", `/api/customers?clvQuadrant=${quadrant.quadrant}&limit=200`)
    ).json();
    expect(inQuadrant.items.length).toBe(quadrant.customers);
    const bad = await analyst.request("GET", "/api/customers?abcClass=Z");
    expect(bad.json().error).toMatchObject({ id: "validation_error", field: "abcClass.0" });
  });
});
