/**
 * The one way the web app talks to the server: JSON over fetch on the same origin, the session
 * cookie sent automatically, the CSRF token sent on every request that can change something, and
 * every failure turned into an ApiError with the server's stable error id.
 */

/** Error ids the server uses (SPEC and the API contract), plus two produced on this side. */
export type ApiErrorId =
  | "invalid_credentials"
  | "account_locked"
  | "unauthorized"
  | "forbidden"
  | "csrf_failed"
  | "not_found"
  | "stale_write"
  | "conflict"
  | "duplicate"
  | "invalid_reference"
  | "invalid_stage_transition"
  | "validation_error"
  | "rate_limited"
  | "internal_error"
  /** No answer at all: offline, server down, proxy without upstream. */
  | "network_error"
  /** An answer that is not the JSON error envelope (e.g. an HTML 502 page). */
  | "unexpected_response"
  | (string & {});

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly id: ApiErrorId,
    message: string,
    /** For validation errors: the request field at fault, as the server names it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, id?: ApiErrorId): error is ApiError {
  return error instanceof ApiError && (id === undefined || error.id === id);
}

let csrfToken: string | null = null;

/** Set from the login and `me` answers; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Query values: arrays become repeated parameters (`stage=new&stage=old`, meaning OR). */
export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const search = options.query ? toSearchParams(options.query).toString() : "";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE_METHODS.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(search ? `${path}?${search}` : path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) {
    if (data === undefined && text) {
      throw new ApiError(response.status, "unexpected_response", "The server did not answer JSON.");
    }
    return data as T;
  }
  throw toApiError(response.status, data);
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: unknown } | undefined)?.error;
  if (error && typeof error === "object") {
    const { id, message, field } = error as { id?: unknown; message?: unknown; field?: unknown };
    if (typeof id === "string") {
      return new ApiError(
        status,
        id,
        typeof message === "string" ? message : id,
        typeof field === "string" ? field : undefined,
      );
    }
  }
  // A gateway answering for a server that is down or restarting: the server was not reached.
  const fallback: ApiErrorId =
    status === 502 || status === 503 || status === 504
      ? "network_error"
      : status === 401
        ? "unauthorized"
        : status === 403
          ? "forbidden"
          : status === 404
            ? "not_found"
            : status === 429
              ? "rate_limited"
              : status >= 500
                ? "internal_error"
                : "unexpected_response";
  return new ApiError(status, fallback, `HTTP ${status}`);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>("GET", path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
};
