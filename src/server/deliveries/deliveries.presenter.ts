/** Deliveries as the API shows them, and a customer's rounds as the spiral. */
import { isoDates } from "../http/crud/present.js";
import { summariseRound } from "../../shared/engine/deliveries.js";
import type { Delivery } from "../../shared/schemas/deliveries.js";
import type { Stage } from "../../shared/enums.js";
import type { DeliveryRow } from "./deliveries.repository.js";

export const presentDelivery = (row: DeliveryRow): Delivery => isoDates(row) as Delivery;

export function presentRound({ round, deliveries }: { round: number; deliveries: DeliveryRow[] }) {
  const startedAt = deliveries.reduce(
    (first, d) => (d.createdAt < first ? d.createdAt : first),
    deliveries[0]!.createdAt,
  );
  return {
    round,
    stages: [...new Set(deliveries.map((d) => d.stageAtPlan as Stage))],
    startedAt: startedAt.toISOString(),
    ...summariseRound(deliveries),
    deliveries: deliveries.map(presentDelivery),
  };
}
