/** The application's tables with their primary keys, in an order where parents come first. */
import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

export interface TableInfo {
  name: string;
  primaryKey: string[];
}

export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.execute<{ name: string; pk: string[] }>(sql`
    select c.relname::text as name,
           array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                 join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)::text[] as pk
    from pg_class c
    join pg_namespace ns on ns.oid = c.relnamespace and ns.nspname = 'public'
    join pg_index i on i.indrelid = c.oid and i.indisprimary
    where c.relkind = 'r'
    order by c.relname`);
  const edges = await db.execute<{ child: string; parent: string }>(sql`
    select distinct c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace and ns.nspname = 'public'
    where c.contype = 'f' and c.conrelid <> c.confrelid`);
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of edges.rows) {
    const set = parents.get(child.replaceAll('"', "")) ?? new Set<string>();
    set.add(parent.replaceAll('"', ""));
    parents.set(child.replaceAll('"', ""), set);
  }
  // Depth-first topological order: a table after every table it references.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const byName = new Map(tables.rows.map((t) => [t.name, { name: t.name, primaryKey: t.pk }]));
  const visit = (name: string) => {
    if (done.has(name) || !byName.has(name)) return;
    done.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(byName.get(name)!);
  };
  for (const name of byName.keys()) visit(name);
  return ordered;
}
