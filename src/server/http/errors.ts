/**
 * Errors that leave the API: each has a stable machine id, an HTTP status and whether it is
 * worth logging. One handler (app.ts) maps them; anything else becomes a bare 500.
 */
export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
    readonly log = false,
  ) {
    super(message);
  }
}

export const ValidationError = (field: string, message: string) =>
  new AppError("validation_error", 400, message, { field });

export const NotFound = (what: string, id?: string | number) =>
  new AppError(
    "not_found",
    404,
    id === undefined ? `${what} not found` : `${what} ${id} not found`,
  );

export const Unauthorized = (message = "Log in first") =>
  new AppError("unauthorized", 401, message);

export const InvalidCredentials = () =>
  new AppError("invalid_credentials", 401, "Wrong email or password");

export const AccountLocked = (until: Date) =>
  new AppError(
    "account_locked",
    423,
    `Too many failed logins; try again after ${until.toISOString()}`,
    {
      lockedUntil: until.toISOString(),
    },
  );

export const Forbidden = (message = "You are not allowed to do this") =>
  new AppError("forbidden", 403, message);

export const CsrfFailed = () =>
  new AppError("csrf_failed", 403, "Missing or wrong x-csrf-token header for a cookie session");

export const StaleWrite = (what: string, current: number) =>
  new AppError(
    "stale_write",
    409,
    `This ${what} was changed by someone else (now at version ${current}); reload and apply your change again`,
    { currentVersion: current },
  );

export const Conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError("conflict", 409, message, details);

export const InvalidStageTransition = (from: string, to: string) =>
  new AppError("invalid_stage_transition", 409, `A customer cannot move from ${from} to ${to}`, {
    from,
    to,
  });
