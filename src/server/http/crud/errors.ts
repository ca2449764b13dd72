/** Errors of the workflows built on the CRUD helpers. */
import { AppError } from "../errors.js";

/** A workflow step that does not follow from the current one (a delivery, a complaint). */
export const InvalidTransition = (what: string, from: string, to: string, message?: string) =>
  new AppError(
    "invalid_transition",
    409,
    message ?? `A ${what} cannot move from ${from} to ${to}`,
    { from, to },
  );
