/** Needs as the API shows them: every column, times as ISO strings. */
import { isoDates } from "../http/crud/present.js";
import type { Need } from "../../shared/schemas/needs.js";
import type { NeedRow } from "./needs.repository.js";

export const presentNeed = (row: NeedRow): Need => isoDates(row) as Need;
