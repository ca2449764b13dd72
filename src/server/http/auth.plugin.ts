/**
 * Authenticates every /api request except the public ones: a session cookie (with a CSRF
 * header on writes) or an `Authorization: Bearer` API token. Puts the actor on the request.
 */
import fp from "fastify-plugin";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../auth/actor.js";
import { actorFromApiToken, actorFromSession, SESSION_COOKIE } from "../auth/sessions.js";
import { CsrfFailed, Unauthorized } from "./errors.js";
import type { AppContext } from "../context.js";
import "./access.plugin.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    /** The cookie session's CSRF token, handed to the web app by /api/auth/me. */
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The actor of an authenticated route; the hook guarantees it is there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw Unauthorized();
  return request.actor;
}

export const authPlugin = fp(async function authPlugin(
  app: FastifyInstance,
  { context }: { context: AppContext },
) {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async function authenticate(request) {
    const isPublic =
      request.routeOptions.config?.access === "public" || request.url.startsWith("/api/docs");
    if (!request.url.startsWith("/api/") || isPublic) return;
    const db = context.database.db;
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      request.actor = await actorFromApiToken(db, header.slice(7).trim());
      if (!request.actor) throw Unauthorized("Invalid or expired API token");
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await actorFromSession(db, token) : null;
    if (!session) throw Unauthorized();
    if (
      !SAFE_METHODS.has(request.method) &&
      request.headers["x-csrf-token"] !== session.csrfToken
    ) {
      throw CsrfFailed();
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
  });
});
