import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { MAX_UNPACKED_BYTES, readTable, UnreadableFileError, unpackedSize } from "./table-reader.js";

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

describe("reading workbooks safely", () => {
  /** A zip of one entry whose directory says it unpacks to `size` bytes (its data is not there: the check reads the directory). */
  const zipClaiming = (size: number) => {
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(1024, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const directory = Buffer.concat([central, name]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    return Buffer.concat([local, name, directory, end]);
  };

  it("refuses a workbook that unpacks to more than 200 MB before unpacking any of it", () => {
    expect(() => readTable(zipClaiming(300 * 1024 * 1024))).toThrow(
      expect.objectContaining({ refusal: { reason: "FILE_XLSX_TOO_LARGE", params: {} } }),
    );
    expect(unpackedSize(zipClaiming(1000))).toBe(1000);
  });

  /** A two-tab workbook as ExcelJS writes it: 进度 (a header and a row), then 填写说明. */
  const twoTabs = async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("进度").addRows([
      ["项目编码", "报告期"],
      ["CG-1", "2024-06"],
    ]);
    workbook.addWorksheet("填写说明").addRows([["列名", "填写要求"]]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };

  /** Those two tabs with the zip entries stored in `order` and the relations edited by `rels`. */
  const restored = async (order: (path: string) => number, rels: (xml: string) => string = (xml) => xml) => {
    const JSZip = (await import("jszip")).default;
    const source = await JSZip.loadAsync(await twoTabs());
    const target = new JSZip();
    const paths = Object.keys(source.files).filter((path) => !source.files[path]!.dir);
    for (const path of paths.sort((a, b) => order(a) - order(b))) {
      const text = await source.file(path)!.async("string");
      target.file(path, path === "xl/_rels/workbook.xml.rels" ? rels(text) : text);
    }
    return new Uint8Array(await target.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  };

  it("reads a workbook whose sheet list is stored after its worksheets and shared strings", async () => {
    // The order that made ExcelJS's one-pass reader parse a worksheet before it knew the sheets.
    const rank = (path: string) =>
      path.endsWith("workbook.xml.rels")
        ? 0
        : path.endsWith("sharedStrings.xml")
          ? 1
          : path.includes("worksheets/")
            ? 2
            : path === "xl/workbook.xml"
              ? 4
              : 3;
    expect(await cells(await restored(rank))).toEqual([
      ["项目编码", "报告期"],
      ["CG-1", "2024-06"],
    ]);
  });

  it("reads the first tab as the clerk sees it, whatever number its file has", async () => {
    const swapped = (xml: string) =>
      xml
        .replace("worksheets/sheet1.xml", "worksheets/SWAP")
        .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml")
        .replace("worksheets/SWAP", "worksheets/sheet2.xml");
    expect(await cells(await restored(() => 0, swapped))).toEqual([["列名", "填写要求"]]);
  });

  it("stops inflating a workbook whose directory understates what it unpacks to", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("xl/workbook.xml", '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file("xl/sharedStrings.xml", new Uint8Array(MAX_UNPACKED_BYTES + 1024 * 1024).fill(0x20));
    const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // Rewrite every size the central directory gives as 1 KB.
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 46 < bytes.length; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024, true);
    expect(unpackedSize(bytes)).toBeLessThan(10_000);
    await expect(rowsOf(bytes)).rejects.toEqual(
      expect.objectContaining({ refusal: { reason: "FILE_XLSX_TOO_LARGE", params: {} } }),
    );
  });

  it("leaves no temporary file behind after reading a workbook of several sheets", async () => {
    const bytes = await twoTabs();
    const scratch = mkdtempSync(join(tmpdir(), "revita-xlsx-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      expect(await cells(bytes)).toEqual([
        ["项目编码", "报告期"],
        ["CG-1", "2024-06"],
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      process.env.TMPDIR = before;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
