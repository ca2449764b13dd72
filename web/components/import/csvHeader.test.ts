import { describe, expect, it } from "vitest";
import { mappedNames, readCsvHeader, splitRecord, withHeader } from "./csvHeader.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("splitRecord", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ['"客户名称","行业, 细分",地区', ["客户名称", "行业, 细分", "地区"]],
    ['"say ""hi""",x', ['say "hi"', "x"]],
    ["a,,c", ["a", "", "c"]],
  ])("splits %s", (record, fields) => {
    expect(splitRecord(record)).toEqual(fields);
  });
});

describe("readCsvHeader", () => {
  it("reads the first record and where it ends, after a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("客户名称,行业\r\n张三,零售\n")]);
    const header = readCsvHeader(bytes);
    expect(header?.headers).toEqual(["客户名称", "行业"]);
    expect(header?.start).toBe(3);
    // "客户名称,行业" is 4×3 + 1 + 2×3 = 19 bytes of UTF-8.
    expect(header?.end).toBe(3 + 19);
  });

  it("keeps a quoted line break inside the header", () => {
    const header = readCsvHeader(utf8('"name\nfull",region\nx,y\n'));
    expect(header?.headers).toEqual(["name\nfull", "region"]);
  });

  it("decodes GB18030 when the bytes are not UTF-8", () => {
    // 名称 in GBK is C3 FB B3 C6.
    const bytes = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x61, 0x0a, 0x62]);
    expect(readCsvHeader(bytes)?.headers).toEqual(["名称", "a"]);
  });

  it("answers null when the first record does not end in the bytes read", () => {
    expect(readCsvHeader(utf8("a,b,c"))).toBeNull();
  });
});

describe("withHeader", () => {
  it("replaces the header and keeps the data bytes as they are", async () => {
    const text = "\uFEFF客户名称,备注,行业\n张三,x,零售\n";
    const file = new Blob([text]);
    const header = readCsvHeader(new Uint8Array(await file.arrayBuffer()))!;
    const out = withHeader(file, header, mappedNames(["name", null, "industry"]));
    expect(await out.text()).toBe("name,skip_column_2,industry\n张三,x,零售\n");
  });
});
