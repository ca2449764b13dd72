import { describe, expect, it } from "vitest";
import type { Customer } from "../../api/types.js";
import { CUSTOMER_GROUPS } from "./customerFields.js";
import { customerPatch, editableFields, formValuesOf } from "./customerForm.js";

const fields = CUSTOMER_GROUPS.flatMap((group) => group.fields);
const customer: Customer = {
  id: 1,
  kind: "organization",
  name: "华东制造",
  version: 4,
  ownerId: 2,
  stage: "core",
  stageSince: "2024-01-01T00:00:00Z",
  archivedAt: null,
  createdAt: "2023-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
  notes: null,
  employees: 120,
  tags: ["VIP"],
  foundedOn: "2003-05-18",
  categorySpendCents: 12345,
};

describe("customer edit form", () => {
  it("offers only fields the user can see, never the read-only ones", () => {
    const keys = editableFields(customer, fields).map((f) => f.key);
    expect(keys).toEqual(["name", "notes", "foundedOn", "employees", "categorySpendCents", "tags"]);
    expect(formValuesOf(customer, fields)).toMatchObject({ name: "华东制造", notes: null });
  });

  it.each([
    ["nothing changed", {}, null],
    ["blank text stays null", { notes: "  " }, null],
    ["same list", { tags: ["VIP", " VIP "] }, null],
    ["text", { notes: " 新备注 " }, { notes: "新备注", version: 4 }],
    ["cleared text", { name: "华东制造", notes: "" }, null],
    ["number cleared", { employees: null }, { employees: null, version: 4 }],
    ["list", { tags: ["VIP", "重点"] }, { tags: ["VIP", "重点"], version: 4 }],
    ["date", { foundedOn: "2004-01-01" }, { foundedOn: "2004-01-01", version: 4 }],
    ["money in cents", { categorySpendCents: 20000 }, { categorySpendCents: 20000, version: 4 }],
    ["read-only field ignored", { stage: "new" }, null],
    ["hidden field ignored", { creditGrade: "AAA" }, null],
  ])("%s", (_, values, expected) => {
    expect(
      customerPatch(customer, fields, { ...formValuesOf(customer, fields), ...values }),
    ).toEqual(expected);
  });
});
