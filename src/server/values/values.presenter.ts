/** Value items between the API's shape (FABE as one object, `unique` computed) and the table's. */
import type { valueItems } from "../db/schema.js";
import { isoDates } from "../http/crud/present.js";
import { isUniqueValue } from "../../shared/engine/deliverySuggestions.js";
import type {
  CreateValueItemInput,
  UpdateValueItemInput,
  ValueItem,
} from "../../shared/schemas/values.js";

export type ValueItemRow = typeof valueItems.$inferSelect;

export function presentValueItem(row: ValueItemRow): ValueItem {
  const { fabeFeature, fabeAdvantage, fabeBenefit, fabeEvidence, ...rest } = isoDates(row);
  return {
    ...(rest as Omit<ValueItem, "fabe" | "unique">),
    unique: isUniqueValue(row),
    fabe: {
      feature: fabeFeature,
      advantage: fabeAdvantage,
      benefit: fabeBenefit,
      evidence: fabeEvidence,
    },
  };
}

const distinct = <T>(list: T[] | undefined) => (list ? [...new Set(list)] : undefined);

/** The columns to write for a create or update: FABE flattened, lists without repeats. */
export function valueItemColumns(
  input:
    | Omit<CreateValueItemInput, "title" | "scope" | "kind" | "statement">
    | Omit<UpdateValueItemInput, "version">,
) {
  const { fabe, competitorsLacking, competitorsHaving, dimensions, stages, needKinds, ...rest } =
    input;
  const columns: Partial<typeof valueItems.$inferInsert> = { ...rest };
  const lists = { competitorsLacking, competitorsHaving, dimensions, stages, needKinds };
  for (const [key, list] of Object.entries(lists)) {
    if (list !== undefined) (columns as Record<string, unknown>)[key] = distinct(list as string[]);
  }
  if (fabe?.feature !== undefined) columns.fabeFeature = fabe.feature;
  if (fabe?.advantage !== undefined) columns.fabeAdvantage = fabe.advantage;
  if (fabe?.benefit !== undefined) columns.fabeBenefit = fabe.benefit;
  if (fabe?.evidence !== undefined) columns.fabeEvidence = fabe.evidence;
  return columns;
}
