/**
 * Typed errors of the analytics. Each carries a stable machine `id` so the HTTP layer and the
 * CLI can map it (both are client errors: the input cannot be analysed as given).
 */

/** The input is malformed: a negative frequency, a recency after T, an unparsable date. */
export class AnalyticsInputError extends Error {
  readonly id = "invalid_analytics_input";
  constructor(
    /** The offending field, e.g. "tx" or "amount". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "AnalyticsInputError";
  }
}

/** The data are valid but too few to fit a model (e.g. almost nobody bought twice). */
export class InsufficientDataError extends Error {
  readonly id = "insufficient_data";
  constructor(
    message: string,
    /** How many qualifying records were needed and how many were found. */
    readonly required: number,
    readonly found: number,
  ) {
    super(`${message} (need at least ${required}, found ${found})`);
    this.name = "InsufficientDataError";
  }
}
