import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS, mapHeader, normaliseHeader } from "./importFields.js";
import { IMPORT_KINDS } from "./imports.schema.js";

describe("header mapping", () => {
  it("gives every header name of a kind one meaning", () => {
    for (const kind of IMPORT_KINDS) {
      const owner = new Map<string, string>();
      for (const spec of IMPORT_FIELDS[kind]) {
        for (const name of [spec.field, spec.zh, ...(spec.aliases ?? [])]) {
          const key = normaliseHeader(name);
          expect(owner.get(key) ?? spec.field, `${kind}: "${name}"`).toBe(spec.field);
          owner.set(key, spec.field);
        }
      }
    }
  });

  it("maps English camelCase, snake_case, spaced and Chinese headers, ignoring unknown ones", () => {
    const mapping = mapHeader("transactions", [
      "Customer_Ref",
      "occurredAt",
      "金额（元）",
      "Cost (CNY)",
      "数量",
      "备注",
      "",
    ]);
    expect(mapping.columns).toEqual([
      "customerRef",
      "occurredAt",
      "amount",
      "cost",
      "quantity",
      null,
      null,
    ]);
    expect(mapping.ignored).toEqual(["备注"]);
    const customers = mapHeader("customers", [
      "客户编号",
      "客户名称",
      "客户类别",
      "行业",
      "地区",
      "Owner Email",
    ]);
    expect(customers.columns).toEqual([
      "externalRef",
      "name",
      "kind",
      "industry",
      "region",
      "ownerEmail",
    ]);
  });

  it("refuses a missing required column and a doubled one", () => {
    expect(() => mapHeader("transactions", ["customer_ref", "amount"])).toThrow(
      /occurredAt \(交易时间\)/,
    );
    expect(() => mapHeader("customers", ["name", "客户名称", "kind"])).toThrow(/both mean name/);
  });
});
