/** Turns a customer filter (list query or saved segment) into SQL conditions on `customers`. */
import {
  and,
  arrayOverlaps,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { bonds, customers, needs } from "../db/schema.js";
import { UNMET_NEED_STATUSES } from "../../shared/engine/needs.js";
import type { CustomerFilter } from "../../shared/schemas/customers.js";

/** Escapes LIKE wildcards so user text matches literally. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const oneOf = <T extends string | number>(
  column: Parameters<typeof inArray>[0],
  values: T[] | undefined,
) => (values?.length ? inArray(column, values) : undefined);

export function customerFilterConditions(filter: CustomerFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    oneOf(customers.stage, filter.stage),
    oneOf(customers.kind, filter.kind),
    oneOf(customers.purpose, filter.purpose),
    oneOf(customers.industry, filter.industry),
    oneOf(customers.region, filter.region),
    oneOf(customers.scale, filter.scale),
    oneOf(customers.positioning, filter.positioning),
    oneOf(customers.managementModel, filter.managementModel),
    oneOf(customers.marketingModel, filter.marketingModel),
    oneOf(customers.orgStructure, filter.orgStructure),
    oneOf(customers.ownerId, filter.ownerId),
    filter.tag?.length ? arrayOverlaps(customers.tags, filter.tag) : undefined,
    filter.product?.length ? arrayOverlaps(customers.products, filter.product) : undefined,
    filter.archived === "only"
      ? isNotNull(customers.archivedAt)
      : filter.archived === "true"
        ? undefined
        : isNull(customers.archivedAt),
  ];
  const scores = [
    filter.abcClass?.length ? sql`cs.abc_class in ${filter.abcClass}` : undefined,
    filter.rfmSegment?.length ? sql`cs.rfm_segment in ${filter.rfmSegment}` : undefined,
    filter.clvQuadrant?.length ? sql`cs.clv_quadrant in ${filter.clvQuadrant}` : undefined,
    filter.lifecyclePhase?.length ? sql`cs.lifecycle_phase in ${filter.lifecyclePhase}` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (scores.length) {
    // Scores of the newest published refresh (see analytics/refreshScores.ts).
    conditions.push(sql`exists (select 1 from customer_scores cs
      where cs.customer_id = ${customers.id}
        and cs.run_id = (select id from score_runs where status = 'published' order by published_at desc, id desc limit 1)
        and ${and(...scores)})`);
  }
  if (filter.needLevel?.length || filter.needKind?.length) {
    const need = and(
      eq(needs.customerId, customers.id),
      inArray(needs.status, [...UNMET_NEED_STATUSES]),
      oneOf(needs.level, filter.needLevel),
      oneOf(needs.kind, filter.needKind),
    );
    conditions.push(sql`exists (select 1 from ${needs} where ${need})`);
  }
  if (filter.bondLevel?.length) {
    const bond = and(
      eq(bonds.customerId, customers.id),
      inArray(bonds.level, filter.bondLevel),
      sql`(${bonds.endedOn} is null or ${bonds.endedOn} >= current_date)`,
    );
    conditions.push(sql`exists (select 1 from ${bonds} where ${bond})`);
  }
  if (filter.q) {
    const pattern = likeLiteral(filter.q);
    // Name search uses the trigram index (substring, works for Chinese); references match exactly.
    // (Not email or phone: searching graded fields would reveal them to readers without the grade.)
    conditions.push(or(ilike(customers.name, pattern), eq(customers.externalRef, filter.q)));
  }
  return and(...conditions.filter((c): c is SQL => c !== undefined)) ?? sql`true`;
}
