import { describe, expect, it } from "vitest";
import { fitBgNbd } from "../analytics/clv/bgnbd.js";
import { drawBuyerTraits, simulatePurchases } from "./purchaseProcess.js";
import { DemoRandom } from "./random.js";
import { DAY_MS } from "./time.js";

const WEEK_MS = 7 * DAY_MS;
const AS_OF = Date.UTC(2025, 5, 30);

describe("the demo purchase process", () => {
  // Households buy any day, so their purchases are BG/NBD exactly: a maximum-likelihood fit
  // must give back the population parameters (r 0.2, α = r / (8 a year) = 1.30 weeks, a 0.8,
  // b 4). 3,000 customers over up to three years keep the fit quick and the errors small.
  it("is BG/NBD: a fit recovers the parameters it was drawn from", () => {
    const histories = Array.from({ length: 3_000 }, (_, index) => {
      const random = DemoRandom.for(21, 1, index + 1);
      const traits = drawBuyerTraits(random, "individual", null);
      const first = AS_OF - random.uniform(4, 156) * WEEK_MS;
      const { times } = simulatePurchases(random, traits, first, AS_OF);
      const last = times[times.length - 1] ?? first;
      return { x: times.length - 1, tx: (last - first) / WEEK_MS, T: (AS_OF - first) / WEEK_MS };
    });
    const { params, converged } = fitBgNbd(histories);
    expect(converged).toBe(true);
    expect(params.r).toBeGreaterThan(0.14);
    expect(params.r).toBeLessThan(0.28);
    expect(params.alpha).toBeGreaterThan(0.8);
    expect(params.alpha).toBeLessThan(2);
    expect(params.a / (params.a + params.b)).toBeGreaterThan(0.1);
    expect(params.a / (params.a + params.b)).toBeLessThan(0.3);
  });

  it("never drops a customer right after its first purchase, and keeps purchases in order", () => {
    const random = new DemoRandom(4);
    const traits = {
      ...drawBuyerTraits(random, "organization", "medium"),
      dropoutAfterPurchase: 1,
    };
    for (let i = 0; i < 200; i++) {
      const run = simulatePurchases(random, traits, AS_OF - 400 * DAY_MS, AS_OF);
      // p = 1: it drops out right after its first repeat purchase, if it makes one in time.
      expect(run.times.length).toBeLessThanOrEqual(2);
      if (run.times.length === 2) expect(run.droppedOutAt).toBe(run.times[1]);
      else expect(run.droppedOutAt).toBeNull();
      expect([...run.times].sort((a, b) => a - b)).toEqual(run.times);
    }
  });
});
