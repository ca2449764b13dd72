import { describe, expect, it } from "vitest";
import { upgradeVelocity } from "./velocity.js";

const period = { from: "2025-01-01T00:00:00Z", to: "2025-04-02T00:00:00Z" }; // 91 days ≈ 2.99 months

describe("upgrade velocity by Little's law", () => {
  it("estimates months to upgrade as customers in stage over upgrades per month", () => {
    const rows = upgradeVelocity(
      { new: 300, old: 600, core: 50 },
      {
        ...period,
        total: 0,
        flows: [
          { from: "new", to: "old", count: 300 }, // 100 a month → 3 months: within 2–4
          { from: "new", to: "problem", count: 30 },
          { from: "old", to: "core", count: 30 }, // 10 a month → 60 months: slower than 12
          { from: "target", to: "new", count: 99 },
        ],
      },
    );
    expect(rows.map((r) => r.stage)).toEqual(["new", "old", "core"]);
    const [fresh, old, core] = rows;
    expect(fresh!.upgrades).toBe(300);
    expect(fresh!.departures).toBe(330);
    expect(fresh!.monthsToUpgrade).toBeCloseTo(300 / (300 / (91 / 30.4375)), 6);
    expect(fresh!.pace).toBe("typical");
    expect(old!.monthsToUpgrade).toBeCloseTo(59.8, 1);
    expect(old!.pace).toBe("slow");
    // Nobody went from core to strategic in the period: no pace to speak of.
    expect(core!.monthsToUpgrade).toBeNull();
    expect(core!.pace).toBe("stalled");
  });

  it("calls an upgrade faster than the typical minimum fast", () => {
    const [fresh] = upgradeVelocity(
      { new: 10 },
      { ...period, total: 0, flows: [{ from: "new", to: "old", count: 300 }] },
    );
    expect(fresh!.monthsToUpgrade).toBeLessThan(2);
    expect(fresh!.pace).toBe("fast");
  });
});
