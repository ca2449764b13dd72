/**
 * The demo company's value catalogue (SPEC §4): what it offers across the nine kinds of
 * company value, each with the FABE pitch an account manager uses, where it sits on the
 * value-creation dimensions, and which stages and need kinds it suits.
 */
import { ASSET_VALUES } from "./valueAssets.js";
import type { ValueItemSource } from "./valueItem.js";
import { OFFERING_VALUES } from "./valueOfferings.js";

export { COMPETITORS, type ValueItemSource } from "./valueItem.js";

/** The whole catalogue: what we do, then what we have built up, then the home line. */
export const VALUE_CATALOGUE: readonly ValueItemSource[] = [...OFFERING_VALUES, ...ASSET_VALUES];
