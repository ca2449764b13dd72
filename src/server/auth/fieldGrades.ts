/**
 * Field sensitivity grades (SPEC §11, 分级管理). Grades live in the `field_grades` table so
 * admins can change them; the server keeps them in memory and reloads after a change.
 * Fields without a row are public.
 */
import { GRADES, type Grade } from "../../shared/enums.js";
import type { Queryable } from "../db/client.js";
import { fieldGrades } from "../db/schema.js";
import { ROLE_GRADE, type Actor } from "./actor.js";

export type GradedEntity = "customer" | "contact";

const rank = (grade: Grade) => GRADES.indexOf(grade);

export class FieldGrades {
  private byEntity = new Map<string, Map<string, Grade>>();

  async load(db: Queryable): Promise<void> {
    const rows = await db.select().from(fieldGrades);
    const next = new Map<string, Map<string, Grade>>();
    for (const row of rows) {
      const fields = next.get(row.entity) ?? new Map<string, Grade>();
      fields.set(row.field, row.grade as Grade);
      next.set(row.entity, fields);
    }
    this.byEntity = next;
  }

  gradeOf(entity: GradedEntity, field: string): Grade {
    return this.byEntity.get(entity)?.get(field) ?? "public";
  }

  all(): { entity: string; field: string; grade: Grade }[] {
    return [...this.byEntity].flatMap(([entity, fields]) =>
      [...fields].map(([field, grade]) => ({ entity, field, grade })),
    );
  }

  /**
   * Drops the fields the actor's role may not read (or that are above `ceiling`, e.g.
   * "internal" for lists). Says whether any confidential field was kept, so the read is audited.
   */
  redact<T extends Record<string, unknown>>(
    entity: GradedEntity,
    record: T,
    actor: Actor,
    ceiling: Grade = "confidential",
  ): { visible: Partial<T>; confidentialShown: boolean } {
    const allowed = Math.min(rank(ROLE_GRADE[actor.role]), rank(ceiling));
    const visible: Partial<T> = {};
    let confidentialShown = false;
    for (const [key, value] of Object.entries(record)) {
      const grade = this.gradeOf(entity, key);
      if (rank(grade) > allowed) continue;
      if (grade === "confidential" && value !== null && value !== undefined)
        confidentialShown = true;
      (visible as Record<string, unknown>)[key] = value;
    }
    return { visible, confidentialShown };
  }
}
