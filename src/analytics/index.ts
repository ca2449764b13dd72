/**
 * The customer-value analytics (SPEC §7, §8, §12): pure functions over plain data, no I/O and
 * no clock. Import from here; the files behind it are free to move.
 */
export * from "./abc.js";
export * from "./clv/index.js";
export * from "./errors.js";
export * from "./kpis.js";
export * from "./lifecycle.js";
export * from "./rfm.js";
export * from "./units.js";
