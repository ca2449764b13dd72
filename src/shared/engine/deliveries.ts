/**
 * Value delivery (SPEC §5): a delivery is planned (steps 1–4: stage, content, timing, medium),
 * delivered, then evaluated (step 5: accepted, partly, rejected — the customer's acceptance is
 * the only criterion). Deliveries are grouped in rounds: the spiral of value delivered again and
 * again. A round is open while any of its deliveries is still planned or delivered but unjudged.
 */

export type DeliveryStatus = "planned" | "delivered" | "evaluated" | "cancelled";
export type DeliveryOutcome = "accepted" | "partly" | "rejected";

/** Allowed moves; evaluated and cancelled are final. */
export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  planned: ["delivered", "cancelled"],
  delivered: ["evaluated", "cancelled"],
  evaluated: [],
  cancelled: [],
};

export const canMoveDelivery = (from: DeliveryStatus, to: DeliveryStatus): boolean =>
  DELIVERY_TRANSITIONS[from].includes(to);

/** Still in play: planned, or delivered and waiting for the customer's verdict. */
export const isOpenDelivery = (status: string): boolean =>
  status === "planned" || status === "delivered";

/** The round a new delivery joins: the one asked for if it is open, else the next one. */
export function roundForNewDelivery(
  rounds: readonly { round: number; open: boolean }[],
  requested: number | undefined,
): { ok: true; round: number } | { ok: false; message: string } {
  const next = Math.max(0, ...rounds.map((r) => r.round)) + 1;
  if (requested === undefined) return { ok: true, round: next };
  const found = rounds.find((r) => r.round === requested);
  if (found?.open) return { ok: true, round: requested };
  return {
    ok: false,
    message: found
      ? `Round ${requested} is finished (every delivery evaluated or cancelled); omit round to start round ${next}`
      : `There is no round ${requested} yet; omit round to start round ${next}`,
  };
}

export interface RoundSummary {
  planned: number;
  delivered: number;
  accepted: number;
  partly: number;
  rejected: number;
  cancelled: number;
  /** Some delivery still planned or awaiting its verdict. */
  open: boolean;
  /** Accepted share of the judged deliveries (partly counts half); null before any verdict. */
  acceptance: number | null;
}

/** Counts one round of the spiral. */
export function summariseRound(
  deliveries: readonly { status: string; outcome: string | null }[],
): RoundSummary {
  const count = (test: (d: { status: string; outcome: string | null }) => boolean) =>
    deliveries.filter(test).length;
  const accepted = count((d) => d.status === "evaluated" && d.outcome === "accepted");
  const partly = count((d) => d.status === "evaluated" && d.outcome === "partly");
  const rejected = count((d) => d.status === "evaluated" && d.outcome === "rejected");
  const judged = accepted + partly + rejected;
  return {
    planned: count((d) => d.status === "planned"),
    delivered: count((d) => d.status === "delivered"),
    accepted,
    partly,
    rejected,
    cancelled: count((d) => d.status === "cancelled"),
    open: deliveries.some((d) => isOpenDelivery(d.status)),
    acceptance: judged ? (accepted + partly / 2) / judged : null,
  };
}
