import { describe, expect, it } from "vitest";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../server/db/schema.js";
import { VALUE_DIMENSIONS, VALUE_KINDS } from "../shared/enums.js";
import { TABLES } from "./rows.js";
import { VALUE_CATALOGUE } from "./vocabulary/valueCatalogue.js";

describe("table specs", () => {
  const columnsOf = new Map(
    (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => {
        const config = getTableConfig(table);
        return [config.name, config.columns] as const;
      }),
  );

  it.each(Object.values(TABLES).map((spec) => [spec.table, spec] as const))(
    "%s names real columns and every required one",
    (table, spec) => {
      const columns = columnsOf.get(table);
      expect(columns, table).toBeDefined();
      const names = new Set(columns?.map((c) => c.name));
      for (const column of spec.columns) expect(names.has(column), `${table}.${column}`).toBe(true);
      for (const column of columns ?? []) {
        if (column.notNull && !column.hasDefault)
          expect(spec.columns, `${table}.${column.name}`).toContain(column.name);
      }
    },
  );
});

describe("value catalogue", () => {
  it("covers every value dimension and kind of SPEC §4", () => {
    const dimensions = new Set(VALUE_CATALOGUE.flatMap((item) => item.dimensions));
    for (const dimension of VALUE_DIMENSIONS)
      expect(dimensions.has(dimension), dimension).toBe(true);
    for (const item of VALUE_CATALOGUE) expect(VALUE_KINDS).toContain(item.kind);
    expect(new Set(VALUE_CATALOGUE.map((item) => item.kind)).size).toBe(VALUE_KINDS.length);
  });
});
