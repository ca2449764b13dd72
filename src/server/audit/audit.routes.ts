/**
 * Searching the audit log (admins only). Read-only by design: no route changes or removes an
 * entry, and the database refuses UPDATE, DELETE and TRUNCATE on it besides.
 */
import { and, desc, eq, getTableColumns, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import type { Queryable } from "../db/client.js";
import { auditLog, users } from "../db/schema.js";
import {
  AuditPageSchema,
  AuditQuerySchema,
  type AuditEntry,
  type AuditQuery,
} from "../../shared/schemas/audit.js";
import { errorResponses } from "../customers/customers.routes.js";
import { decodeCursor, encodeCursor } from "../http/cursor.js";

type AuditRow = typeof auditLog.$inferSelect & { actorName: string | null };

const presentAuditEntry = (row: AuditRow): AuditEntry => ({ ...row, at: row.at.toISOString() });

/**
 * One page of audit entries matching every given filter, newest first. Pages are keyed on the
 * entry id, the order entries were appended in, so a page never repeats or skips an entry
 * even when many share a timestamp.
 */
export async function searchAuditLog(db: Queryable, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.actorId !== undefined) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.entity !== undefined) conditions.push(eq(auditLog.entity, query.entity));
  if (query.entityId !== undefined) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.customerId !== undefined) conditions.push(eq(auditLog.customerId, query.customerId));
  if (query.action !== undefined) conditions.push(eq(auditLog.action, query.action));
  if (query.from !== undefined) conditions.push(gte(auditLog.at, new Date(query.from)));
  if (query.to !== undefined) conditions.push(lt(auditLog.at, new Date(query.to)));
  if (query.cursor) conditions.push(lt(auditLog.id, decodeCursor(query.cursor).id));
  const rows = await db
    .select({ ...getTableColumns(auditLog), actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentAuditEntry),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ value: last.id, id: last.id }) : null,
  };
}

export const auditRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.get(
    "/api/audit",
    {
      config: { access: { roles: ["admin"] } },
      schema: {
        tags: ["audit"],
        summary: "Search the audit log by actor, record, customer, action and time, newest first",
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses },
      },
    },
    async (request) => searchAuditLog(db, request.query),
  );
};
