import { describe, expect, it } from "vitest";
import { DELIVERY_STATUSES } from "../enums.js";
import {
  canMoveDelivery,
  roundForNewDelivery,
  summariseRound,
  type DeliveryStatus,
} from "./deliveries.js";

describe("delivery transitions", () => {
  const allowed = new Set([
    "planned→delivered",
    "planned→cancelled",
    "delivered→evaluated",
    "delivered→cancelled",
  ]);
  const pairs = DELIVERY_STATUSES.flatMap((from) =>
    DELIVERY_STATUSES.map((to) => [from, to] as [DeliveryStatus, DeliveryStatus]),
  );
  it.each(pairs)("%s → %s", (from, to) => {
    expect(canMoveDelivery(from, to)).toBe(allowed.has(`${from}→${to}`));
  });
});

describe("rounds of the spiral", () => {
  const rounds = [
    { round: 1, open: false },
    { round: 2, open: true },
    { round: 3, open: false },
  ];
  const cases: [string, typeof rounds, number | undefined, number | null][] = [
    ["the first delivery starts round 1", [], undefined, 1],
    ["no round asked: the next round", rounds, undefined, 4],
    ["an open round can be continued", rounds, 2, 2],
    ["a finished round cannot", rounds, 3, null],
    ["nor a round that does not exist", rounds, 7, null],
  ];
  it.each(cases)("%s", (_name, existing, requested, expected) => {
    const result = roundForNewDelivery(existing, requested);
    expect(result.ok ? result.round : null).toBe(expected);
  });

  it("says what to do instead", () => {
    expect(roundForNewDelivery(rounds, 3)).toEqual({
      ok: false,
      message:
        "Round 3 is finished (every delivery evaluated or cancelled); omit round to start round 4",
    });
  });

  it("summarises a round: counts, openness and acceptance (partly counts half)", () => {
    const d = (status: string, outcome: string | null = null) => ({ status, outcome });
    expect(
      summariseRound([
        d("evaluated", "accepted"),
        d("evaluated", "partly"),
        d("evaluated", "rejected"),
        d("evaluated", "accepted"),
        d("cancelled"),
        d("delivered"),
      ]),
    ).toEqual({
      planned: 0,
      delivered: 1,
      accepted: 2,
      partly: 1,
      rejected: 1,
      cancelled: 1,
      open: true,
      acceptance: 2.5 / 4,
    });
    expect(summariseRound([d("planned")])).toMatchObject({ open: true, acceptance: null });
    expect(summariseRound([d("cancelled"), d("evaluated", "rejected")])).toMatchObject({
      open: false,
      acceptance: 0,
    });
  });
});
