/**
 * Row-level access to customers, in one place so every path (reads, lists, search, segments,
 * exports, analytics drill-downs) applies the same rule:
 * - admins, marketing managers and analysts read every customer (analysts only public fields);
 * - account managers read and change their own and their team's customers;
 * - only admins, marketing managers and the owning account manager (or team) write.
 */
import { sql, type SQL } from "drizzle-orm";
import { customers, users } from "../db/schema.js";
import type { Actor } from "./actor.js";
import { Forbidden } from "../http/errors.js";

/** A SQL condition on `customers` limiting rows to those the actor may read. */
export function readableCustomers(actor: Actor): SQL {
  if (actor.role !== "account_manager") return sql`true`;
  if (actor.teamId === null) return sql`${customers.ownerId} = ${actor.id}`;
  return sql`(${customers.ownerId} = ${actor.id} or ${customers.ownerId} in
    (select ${users.id} from ${users} where ${users.teamId} = ${actor.teamId}))`;
}

/** A SQL condition limiting rows to those the actor may change. */
export function writableCustomers(actor: Actor): SQL {
  if (actor.role === "analyst") return sql`false`;
  return readableCustomers(actor);
}

export function requireScope(actor: Actor, scope: "read" | "write" | "admin"): void {
  if (!actor.scopes.includes(scope)) throw Forbidden(`This API token lacks the "${scope}" scope`);
}

export function requireRole(actor: Actor, ...roles: Actor["role"][]): void {
  if (!roles.includes(actor.role)) throw Forbidden(`Only ${roles.join(" or ")} may do this`);
}

/** Writes need the write scope and a role that may write at all. */
export function requireWriter(actor: Actor): void {
  requireScope(actor, "write");
  if (actor.role === "analyst") throw Forbidden("Analysts have read-only access");
}
