/** Interactions and plans as the API shows them. */
import { isoDates } from "../http/crud/present.js";
import {
  NON_PERSONAL_CHANNELS,
  type Interaction,
  type InteractionPlan,
} from "../../shared/schemas/interactions.js";
import type { InteractionRow } from "./interactions.repository.js";
import type { InteractionPlanRow } from "./interactionPlans.repository.js";

export const presentInteraction = (row: InteractionRow): Interaction =>
  ({
    ...isoDates(row),
    personal: !(NON_PERSONAL_CHANNELS as readonly string[]).includes(row.channel),
  }) as Interaction;

export const presentPlan = (row: InteractionPlanRow): InteractionPlan =>
  isoDates(row) as InteractionPlan;
