import { describe, expect, it } from "vitest";
import { columnTexts, copyTextLines, valueText } from "./copyText.js";
import type { TableSpec } from "./rows.js";

describe("valueText", () => {
  it.each([
    ["text as is", "上海星河科技有限公司", false, "上海星河科技有限公司"],
    ["numbers", 12_345, false, "12345"],
    ["booleans as t/f", true, false, "t"],
    ["null as SQL NULL", null, false, null],
    [
      "arrays as quoted literals",
      ["a,b", 'say "hi"', "back\\slash"],
      false,
      '{"a,b","say \\"hi\\"","back\\\\slash"}',
    ],
    ["an empty array", [], false, "{}"],
    [
      "jsonb columns as JSON",
      { spouse: "王芳", children: [] },
      true,
      '{"spouse":"王芳","children":[]}',
    ],
    ["a jsonb array as JSON, not a PostgreSQL array", [{ text: "a" }], true, '[{"text":"a"}]'],
  ] as const)("writes %s", (_, value, json, expected) => {
    expect(valueText(value, json)).toBe(expected);
  });
});

describe("copyTextLines", () => {
  const spec: TableSpec = {
    table: "t",
    columns: ["id", "note", "tags", "family"],
    json: ["family"],
  };

  it("separates columns by tabs, writes \\N for null and escapes tab, newline and backslash", () => {
    const text = copyTextLines(spec, [
      { id: 1, note: "第一行\n第二行\t制表\\", tags: ["x"], family: null },
      { id: 2, note: null, tags: [], family: { spouse: "李\t娜" } },
    ]);
    expect(text).toBe(
      '1\t第一行\\n第二行\\t制表\\\\\t{"x"}\t\\N\n' + '2\t\\N\t{}\t{"spouse":"李\\\\t娜"}\n',
    );
  });

  it("writes nothing for no rows", () => {
    expect(copyTextLines(spec, [])).toBe("");
  });
});

describe("columnTexts", () => {
  it("turns rows into one text array per column, unescaped", () => {
    const spec: TableSpec = { table: "t", columns: ["id", "note"] };
    expect(
      columnTexts(spec, [
        { id: 1, note: "a\tb" },
        { id: 2, note: null },
      ]),
    ).toEqual([
      ["1", "2"],
      ["a\tb", null],
    ]);
  });
});
