import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readTable, UnreadableFileError } from "./table-reader.js";

const rowsOf = async (bytes: Uint8Array) => {
  const rows: { row: number; cells: string[] }[] = [];
  for await (const row of readTable(bytes).rows) rows.push(row);
  return rows;
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const cells = async (bytes: Uint8Array) => (await rowsOf(bytes)).map((row) => row.cells);

describe("reading CSV as clerks' programs write it", () => {
  it("drops a byte-order mark and reads CRLF line ends as one", async () => {
    expect(await cells(utf8("\uFEFF项目编码,报告期\r\nCG-1,2024-06\r\n"))).toEqual([
      ["项目编码", "报告期"],
      ["CG-1", "2024-06"],
    ]);
  });

  it("keeps separators, quotes and newlines inside quoted cells, counting rows as a spreadsheet does", async () => {
    const rows = await rowsOf(utf8('a,b\n"1,5","第一行\n第二行"\n"他说""好""",x\n'));
    expect(rows).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["1,5", "第一行\n第二行"] },
      { row: 3, cells: ['他说"好"', "x"] },
    ]);
  });

  it("gives ragged rows as they are, short or long, and a last line without its newline", async () => {
    expect(await cells(utf8("a,b,c\n1\n1,2,3,4\nlast,row"))).toEqual([
      ["a", "b", "c"],
      ["1"],
      ["1", "2", "3", "4"],
      ["last", "row"],
    ]);
  });

  it("reads GBK, as Excel saves CSV on Chinese Windows, and UTF-16 with tabs, as its Unicode text", async () => {
    const gbk = await readTable(iconv.encode("项目编码,累计完成投资\nCG-1,1298万\n", "gbk"));
    expect(gbk.encoding).toBe("GBK");
    expect(await cells(iconv.encode("项目编码,累计完成投资\nCG-1,1298万\n", "gbk"))).toEqual([
      ["项目编码", "累计完成投资"],
      ["CG-1", "1298万"],
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("项目编码\t报告期\r\nCG-1\t2024年6月\r\n", "utf16le")]);
    expect(readTable(utf16).encoding).toBe("UTF-16");
    expect(await cells(utf16)).toEqual([
      ["项目编码", "报告期"],
      ["CG-1", "2024年6月"],
    ]);
  });

  it("reads a large file whose Chinese characters fall across the reader's 64 KB slices", async () => {
    const line = "CG-项目编码测试,岑巩县平庄镇\n";
    const text = `a,b\n${line.repeat(5000)}`;
    const rows = await cells(utf8(text));
    expect(rows).toHaveLength(5001);
    expect(rows.every((row, index) => index === 0 || (row[0] === "CG-项目编码测试" && row[1] === "岑巩县平庄镇"))).toBe(true);
  });

  it("refuses a quote that is never closed, naming its row, and files that are not tables", async () => {
    await expect(rowsOf(utf8('a,b\n1,"open\n2,3\n'))).rejects.toMatchObject({
      refusal: { reason: "FILE_QUOTE_UNCLOSED", params: { row: 2 } },
    });
    expect(() => readTable(new Uint8Array())).toThrow(UnreadableFileError);
    expect(() => readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toThrow(
      expect.objectContaining({ refusal: { reason: "FILE_XLS", params: {} } }),
    );
    expect(() => readTable(new Uint8Array([0xff, 0xff, 0xfe, 0x80, 0x81]))).toThrow(UnreadableFileError);
  });
});
