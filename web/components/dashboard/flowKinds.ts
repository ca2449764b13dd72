/** The kinds of stage moves in a period, as the flows panel and the upgrade count read them. */
import type { Stage } from "../../../src/shared/enums.js";
import { classifyMove, type MoveKind } from "../../../src/shared/ladder/stages.js";
import type { Flows } from "../../api/ladder.js";

export type FlowKind = MoveKind | "registered";
export const KIND_ORDER: FlowKind[] = [
  "registered",
  "upgrade",
  "recover",
  "win_back",
  "downgrade",
  "fall",
  "exit",
];
export const KIND_COLORS: Record<FlowKind, string> = {
  registered: "default",
  upgrade: "green",
  recover: "cyan",
  win_back: "blue",
  downgrade: "orange",
  fall: "red",
  exit: "volcano",
};

export function flowKind(from: Stage | null, to: Stage): FlowKind | null {
  return from === null ? "registered" : classifyMove(from, to);
}

/** Moves in the period by kind: upgrades, falls, exits, registrations, … */
export function countFlowKinds(flows: Flows["flows"]): Partial<Record<FlowKind, number>> {
  const totals: Partial<Record<FlowKind, number>> = {};
  for (const flow of flows) {
    const kind = flowKind(flow.from, flow.to);
    if (kind) totals[kind] = (totals[kind] ?? 0) + flow.count;
  }
  return totals;
}
