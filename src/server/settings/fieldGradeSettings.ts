/**
 * Field grades as admins manage them (SPEC §11, 分级管理): every gradable field of customers and
 * contacts, and bulk changes that take effect at once in this server's memory. The grades live
 * in `field_grades`; their version, which makes a bulk change from a stale list a 409, lives in
 * the `settings` row FIELD_GRADES_KEY.
 */
import { sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client.js";
import { fieldGrades } from "../db/schema.js";
import { ROLE_GRADE, type Actor } from "../auth/actor.js";
import { requireRole } from "../auth/access.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { Grade } from "../../shared/enums.js";
import {
  GRADABLE_FIELDS,
  GRADED_ENTITIES,
  type FieldGradeList,
  type UpdateFieldGradesInput,
} from "../../shared/schemas/settings.js";
import { lockSetting, readSetting, saveSetting } from "./versionedSetting.js";

export const FIELD_GRADES_KEY = "field_grades";
/** The row only carries the grades' version; the grades themselves are rows of `field_grades`. */
const VERSION_ONLY = {};

const keyOf = (entity: string, field: string) => `${entity}.${field}`;

async function storedGrades(db: Queryable, lock = false): Promise<Map<string, Grade>> {
  const query = db.select().from(fieldGrades);
  const rows = lock ? await query.for("update") : await query;
  return new Map(rows.map((row) => [keyOf(row.entity, row.field), row.grade as Grade]));
}

/** Every gradable field with its stored grade (public when none), each role's ceiling and the version. */
export async function listFieldGrades({ db }: { db: Queryable }): Promise<FieldGradeList> {
  const { version } = await readSetting(db, FIELD_GRADES_KEY);
  const stored = await storedGrades(db);
  return {
    fields: GRADED_ENTITIES.flatMap((entity) =>
      GRADABLE_FIELDS[entity].map((field) => ({
        entity,
        field,
        grade: stored.get(keyOf(entity, field)) ?? "public",
      })),
    ),
    roleCeilings: { ...ROLE_GRADE },
    version,
  };
}

/**
 * Sets grades in bulk (admins; a field listed twice takes the last grade) from the version of
 * the list the client read (a stale one is a 409, even for fields the other admin left alone:
 * the client chose its grades seeing the whole list). Audits what changed
 * as `{ "customer.phone": grade }` before and after, then reloads `grades` so the change
 * applies to the next request. Other server processes pick it up when they next load grades.
 */
export async function setFieldGrades({
  db,
  actor,
  grades,
  input,
  requestId,
}: {
  db: Db;
  actor: Actor;
  grades: FieldGrades;
  input: UpdateFieldGradesInput;
  requestId?: string;
}): Promise<FieldGradeList> {
  requireRole(actor, "admin");
  await db.transaction(async (tx) => {
    const what = "field grade list";
    await lockSetting(tx, FIELD_GRADES_KEY, { what, version: input.version });
    const current = await storedGrades(tx, true);
    const wanted = new Map(input.grades.map((g) => [keyOf(g.entity, g.field), g]));
    const before: Record<string, Grade> = {};
    const after: Record<string, Grade> = {};
    const changes = [...wanted.values()].filter((g) => {
      const was = current.get(keyOf(g.entity, g.field)) ?? "public";
      if (was === g.grade) return false;
      before[keyOf(g.entity, g.field)] = was;
      after[keyOf(g.entity, g.field)] = g.grade;
      return true;
    });
    // Nothing changed: nobody's list is out of date, so the version stays.
    if (changes.length === 0) return;
    await tx
      .insert(fieldGrades)
      .values(changes)
      .onConflictDoUpdate({
        target: [fieldGrades.entity, fieldGrades.field],
        set: { grade: sql`excluded.grade` },
      });
    await saveSetting(tx, FIELD_GRADES_KEY, { what, version: input.version, value: VERSION_ONLY });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "field_grades",
      before,
      after,
      requestId: requestId ?? null,
    });
  });
  await grades.load(db);
  return listFieldGrades({ db });
}
