/**
 * Declared access: every /api route states who may call it in `config.access`, and this hook
 * enforces it before the body is even validated, so a denied caller learns nothing about the
 * input rules. The authorisation matrix test reads the same declarations, so a route without
 * one fails the suite.
 *
 * - "public": no login;
 * - "user": any logged-in user (token scope: read for GET, write otherwise);
 * - "customer:read" / "customer:write": the `:id` customer must be readable / writable by the
 *   actor (an unreadable customer is a 404, as if it did not exist);
 * - { roles }: only these roles (admin-only routes also need the token's admin scope).
 */
import fp from "fastify-plugin";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../shared/enums.js";
import type { AppContext } from "../context.js";
import { customers } from "../db/schema.js";
import {
  readableCustomers,
  requireRole,
  requireScope,
  requireWriter,
  writableCustomers,
} from "../auth/access.js";
import { actorOf } from "./auth.plugin.js";
import { Forbidden, NotFound } from "./errors.js";

export type Access =
  "public" | "user" | "customer:read" | "customer:write" | { roles: readonly Role[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

const READ_METHODS = new Set(["GET", "HEAD"]);

export const accessPlugin = fp(async function accessPlugin(
  app: FastifyInstance,
  { context }: { context: AppContext },
) {
  const { db } = context.database;
  app.addHook("preValidation", async function enforceAccess(request) {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith("/api/") || access === undefined || access === "public") return;
    const actor = actorOf(request);
    const writing = !READ_METHODS.has(request.method);
    if (typeof access === "object") {
      requireRole(actor, ...access.roles);
      requireScope(
        actor,
        access.roles.length === 1 && access.roles[0] === "admin"
          ? "admin"
          : writing
            ? "write"
            : "read",
      );
      return;
    }
    requireScope(actor, writing ? "write" : "read");
    if (access === "user") return;
    if (access === "customer:write") requireWriter(actor);
    const id = Number((request.params as { id?: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) return; // the params schema answers with a 400
    const [readable] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, id), readableCustomers(actor)));
    if (!readable) throw NotFound("Customer", id);
    if (access === "customer:write") {
      const [writable] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.id, id), writableCustomers(actor)));
      if (!writable) throw Forbidden("You may read this customer but not change it");
    }
  });
});
