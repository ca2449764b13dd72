/** Bonds as the API shows them, with whether each is in force. */
import { isoDates } from "../http/crud/present.js";
import type { Bond } from "../../shared/schemas/bonds.js";
import type { BondRow } from "./bonds.repository.js";

export function presentBond(row: BondRow, today = new Date().toISOString().slice(0, 10)): Bond {
  return {
    ...(isoDates(row) as Omit<Bond, "active">),
    active: row.endedOn === null || row.endedOn >= today,
  };
}
