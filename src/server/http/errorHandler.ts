/**
 * The one place errors become responses (STYLE §3, §6): schema failures name the field,
 * AppErrors keep their id and status, database constraint failures become precise 4xx, and
 * anything else is a bare 500 that is logged but never leaks a stack, SQL or message.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./errors.js";

interface ErrorBody {
  error: { id: string; message: string; field?: string; [key: string]: unknown };
}

const send = (reply: FastifyReply, status: number, body: ErrorBody) =>
  reply.status(status).send(body);

/** node-postgres errors arrive wrapped by Drizzle ("Failed query: …") with the driver error as cause. */
function postgresError(
  error: unknown,
): { code: string; constraint?: string; column?: string } | null {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as never;
  }
  return null;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const keys = (first?.params as { keys?: string[] } | undefined)?.keys;
    // An unknown key is reported on the object that holds it; name the key itself.
    const path = (first?.instancePath ?? "").split("/").filter(Boolean);
    if (first?.keyword === "unrecognized_keys" && keys?.[0]) path.push(keys[0]);
    const field = path.length ? path.join(".") : (error.validationContext ?? "body");
    return send(reply, 400, {
      error: { id: "validation_error", field, message: `${field}: ${first?.message ?? "invalid"}` },
    });
  }
  if (error instanceof AppError) {
    if (error.log) request.log.warn({ err: error }, error.message);
    return send(reply, error.status, {
      error: { id: error.id, message: error.message, ...error.details },
    });
  }
  const pg = postgresError(error);
  if (pg) {
    if (pg.code === "23505")
      return send(reply, 409, {
        error: {
          id: "duplicate",
          message: "A record with the same unique value already exists",
          ...(pg.constraint ? { constraint: pg.constraint } : {}),
        },
      });
    if (pg.code === "23503")
      return send(reply, 400, {
        error: { id: "invalid_reference", message: "A referenced record does not exist" },
      });
    if (pg.code === "23514" || pg.code === "23502")
      return send(reply, 400, {
        error: {
          id: "validation_error",
          message: "A value breaks a data rule",
          ...(pg.column ? { field: pg.column } : {}),
        },
      });
    if (pg.code === "22P02" || pg.code === "22007" || pg.code === "22008" || pg.code === "22003")
      return send(reply, 400, {
        error: { id: "validation_error", message: "A value has the wrong form or is out of range" },
      });
  }
  // Fastify's own client errors: bad JSON, wrong content type, body too large, …
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const id =
      error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
        ? "payload_too_large"
        : error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "unsupported_media_type"
          : error.code?.startsWith("FST_ERR_CTP")
            ? "invalid_body"
            : status === 429
              ? "rate_limited"
              : "bad_request";
    return send(reply, status, { error: { id, message: error.message } });
  }
  request.log.error({ err: error }, "unhandled error");
  return send(reply, 500, {
    error: {
      id: "internal_error",
      message: "Something went wrong on our side; it has been logged",
    },
  });
}
