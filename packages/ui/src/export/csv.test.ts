import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv.js";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends rows with CRLF, so Excel reads the Chinese", () => {
    expect(toCsv(["项目", "总投资"], [["城北新区防洪堤", "60000000.00"]])).toBe(
      "\uFEFF项目,总投资\r\n城北新区防洪堤,60000000.00\r\n",
    );
  });

  it("quotes commas, quotes and line breaks, and leaves missing values empty", () => {
    expect(csvField('二期（幸福广场,地英段）"重点"')).toBe('"二期（幸福广场,地英段）""重点"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField(null)).toBe("");
  });

  it("defuses text that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-12440000.00")).toBe("-12440000.00");
    expect(csvField(-5)).toBe("-5");
  });
});
