/**
 * Bulk export of customers, contacts or transactions as CSV or xlsx, streamed into `output`.
 * Rows: those the actor may read, narrowed by the customer list's filters. Columns: only the
 * fields the actor's grade allows (分级管理) — a field they may not see is not in the file at
 * all. The export is audited, naming any confidential fields it carried.
 */
import type { Writable } from "node:stream";
import { GRADES } from "../../shared/enums.js";
import type { Queryable } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { ROLE_GRADE } from "../auth/actor.js";
import { requireScope } from "../auth/access.js";
import type { FieldGrades } from "../auth/fieldGrades.js";
import { recordAudit } from "../audit/recordAudit.js";
import { timeJob } from "../http/metrics.plugin.js";
import { EXPORT_COLUMNS, type ExportColumn } from "./exportColumns.js";
import { exportBatches } from "./exportRows.js";
import { cellValue, tableWriter } from "./tableWriter.js";
import type { ExportKind, ExportQuery } from "./exports.schema.js";

const ENTITY: Record<ExportKind, string> = {
  customers: "customer",
  contacts: "contact",
  transactions: "transaction",
};
const SHEET: Record<ExportKind, { en: string; zh: string }> = {
  customers: { en: "customers", zh: "客户" },
  contacts: { en: "contacts", zh: "联系人" },
  transactions: { en: "transactions", zh: "交易" },
};

/** The columns an actor may see, and which of them are confidential. */
export function visibleColumns<Row>(
  columns: readonly ExportColumn<Row>[],
  actor: Actor,
  grades: FieldGrades,
) {
  const allowed = GRADES.indexOf(ROLE_GRADE[actor.role]);
  const visible: ExportColumn<Row>[] = [];
  const confidential: string[] = [];
  for (const column of columns) {
    if (!column.graded) {
      visible.push(column);
      continue;
    }
    const grade = grades.gradeOf(column.graded.entity, column.graded.field);
    if (GRADES.indexOf(grade) > allowed) continue;
    if (grade === "confidential") confidential.push(column.field);
    visible.push(column);
  }
  return { visible, confidential };
}

export interface ExportProps {
  db: Queryable;
  grades: FieldGrades;
  actor: Actor;
  kind: ExportKind;
  /** Filters, format and header language. */
  query: Partial<ExportQuery> & Pick<ExportQuery, "format">;
  output: Writable;
  requestId?: string;
  onRows?: (rows: number) => void;
}

/** Writes the file and resolves with the number of rows once it is complete. */
export async function exportTable(
  props: ExportProps,
): Promise<{ rows: number; columns: string[] }> {
  const { db, grades, actor, kind, query, output } = props;
  requireScope(actor, "read");
  return timeJob(`export_${kind}`, async () => {
    const { visible, confidential } = visibleColumns(
      EXPORT_COLUMNS[kind] as ExportColumn<unknown>[],
      actor,
      grades,
    );
    const language = query.headers ?? "en";
    const writer = tableWriter(
      query.format,
      output,
      SHEET[kind][language],
      visible.map((column) => (language === "zh" ? column.zh : column.field)),
    );
    let rows = 0;
    let complete = false;
    try {
      for await (const batch of exportBatches(db, actor, kind, query)) {
        for (const row of batch) {
          await writer.write(
            visible.map((column) => cellValue(column.value(row), column.kind, query.format)),
          );
        }
        rows += batch.length;
        props.onRows?.(rows);
      }
      await writer.end();
      complete = true;
    } finally {
      const { format, headers: _headers, ...filter } = query;
      await recordAudit(db, {
        actor,
        action: "export",
        entity: ENTITY[kind],
        after: {
          format,
          filter,
          rows,
          complete,
          ...(confidential.length ? { confidentialFields: confidential } : {}),
        },
        requestId: props.requestId ?? null,
      });
    }
    return { rows, columns: visible.map((column) => column.field) };
  });
}
