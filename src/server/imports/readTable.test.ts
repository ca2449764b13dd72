import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { cellText, readTable } from "./readTable.js";
import { csvRecords, CsvSyntaxError } from "./csvRecords.js";

const rows = async (input: Readable) => {
  const out: { line: number; cells: string[] }[] = [];
  for await (const batch of readTable(input)) out.push(...batch);
  return out;
};

/** Splits text into chunks of `size` characters, to cross every boundary. */
async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("csvRecords", () => {
  const text =
    'a,b,c\r\n1,"two, with comma","x ""quoted"""\r\n\r\n2,"multi\nline\nvalue",\n3,,"end"';
  const expected = [
    { line: 1, cells: ["a", "b", "c"] },
    { line: 2, cells: ["1", "two, with comma", 'x "quoted"'] },
    { line: 4, cells: ["2", "multi\nline\nvalue", ""] },
    { line: 7, cells: ["3", "", "end"] },
  ];

  it("parses quotes, CRLF, empty lines and multi-line fields with their first line, at any chunking", async () => {
    for (const size of [1, 2, 3, 5, 7, 64, 10_000]) {
      const out = [];
      for await (const batch of csvRecords(pieces(text, size))) out.push(...batch);
      expect(out, `chunks of ${size}`).toEqual(expected);
    }
  });

  it("names the line of a broken quote", async () => {
    const read = async (t: string) => {
      for await (const _ of csvRecords(pieces(t, 4))) void _;
    };
    await expect(read('a,b\n1,"open\n2,3\n')).rejects.toMatchObject({ line: 2 });
    await expect(read('a,b\n1,"x"y\n')).rejects.toBeInstanceOf(CsvSyntaxError);
  });
});

describe("readTable", () => {
  it("reads UTF-8 with a BOM and GB18030 (Excel's CSV on Chinese Windows)", async () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("客户名称,行业\n星河科技,制造业\n"),
    ]);
    expect(await rows(Readable.from([utf8]))).toEqual([
      { line: 1, cells: ["客户名称", "行业"] },
      { line: 2, cells: ["星河科技", "制造业"] },
    ]);
    // "客户名称,行业\n星河,制造\n" in GBK
    const gbk = Buffer.from("bfcdbba7c3fbb3c62cd0d0d2b50ad0c7bad32cd6c6d4ec0a", "hex");
    expect((await rows(Readable.from([gbk])))[1]).toEqual({ line: 2, cells: ["星河", "制造"] });
  });

  it("reads the first sheet of an xlsx, cells as Excel shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("data");
    sheet.addRow(["name", "amount", "when", "flag"]);
    sheet.addRow(["星河", 12.34, new Date("2024-03-05T00:00:00Z"), true]);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: "rich " }, { text: "text" }] },
      { formula: "1+1", result: 0.1 + 0.2 },
      new Date("2024-03-05T09:30:00Z"),
      false,
    ]);
    workbook.addWorksheet("ignored").addRow(["x"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await rows(Readable.from([buffer]))).toEqual([
      { line: 1, cells: ["name", "amount", "when", "flag"] },
      { line: 2, cells: ["星河", "12.34", "2024-03-05", "true"] },
      { line: 4, cells: ["rich text", "0.3", "2024-03-05T09:30:00.000Z", "false"] },
    ]);
  });

  it("shows numbers with Excel's 15 significant digits", () => {
    expect(cellText(12.340000000000002)).toBe("12.34");
    expect(cellText(1234567)).toBe("1234567");
  });
});
