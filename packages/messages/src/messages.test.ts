import { describe, expect, it } from "vitest";
import { briefingMessages } from "./briefing.js";
import { catalogueProblems, englishInChinese, formatMessage, localize, msg, parameterNames } from "./catalogue.js";
import * as labels from "./labels.js";
import { localeFromAcceptLanguage } from "./locale.js";
import { formatReason, REASONS } from "./reasons/index.js";

describe("the reasons catalogue", () => {
  it("has every reason in both languages with the same parameters", () => {
    expect(catalogueProblems(REASONS)).toEqual([]);
  });

  it("has no English words in its Chinese texts, only names of files, formats and the product", () => {
    expect(
      englishInChinese(REASONS, [
        "Bearer",
        "Authorization",
        "xlsx",
        "heic",
        "webp",
        "text",
        "Excel",
        "UTF",
        "UUID",
        "Revita",
        "JSON",
        "after",
        "before",
      ]),
    ).toEqual([]);
  });

  it("renders a reason with its parameters in the asker's language", () => {
    const params = { value: "99999999.00", total: "43375700.00", project: "城北新区防洪堤" };
    expect(formatReason("zh-CN", "EXCEEDS_TOTAL_INVESTMENT", params)).toBe(
      "99999999.00 元超过城北新区防洪堤的总投资 43375700.00 元；如确实超概算，请填写超概算原因",
    );
    expect(formatReason("en", "EXCEEDS_TOTAL_INVESTMENT", params)).toBe(
      "99999999.00 exceeds the total investment 43375700.00 of 城北新区防洪堤; give an over-budget reason to record it",
    );
  });

  it("says a plural in English as English does and counts in Chinese without one", () => {
    expect(formatReason("en", "ROWS_REFUSED", { count: 1 })).toBe("1 problem: nothing was imported");
    expect(formatReason("en", "ROWS_REFUSED", { count: 1200 })).toBe("1,200 problems: nothing was imported");
    expect(formatReason("zh-CN", "ROWS_REFUSED", { count: 1200 })).toBe("有 1,200 个问题，未导入任何数据");
  });

  it("names levels, states and capabilities in words, never as codes", () => {
    expect(formatReason("zh-CN", "PARENT_REQUIRED", { level: "TOWNSHIP", parentLevel: "COUNTY" })).toBe(
      "必填：乡镇级须隶属于县级",
    );
    expect(formatReason("zh-CN", "OUTSIDE_YOUR_REGIONS", { what: "荆州区", capability: "edit" })).toBe(
      "荆州区不在您可以填报的地区范围内（需要填报员权限）",
    );
  });

  it("falls back to the given text for a code it does not know", () => {
    expect(formatReason("zh-CN", "SOMETHING_NEWER", {}, "the server's own words")).toBe("the server's own words");
  });
});

describe("catalogue checks", () => {
  it("finds a missing language, a parameter only one language uses, and broken ICU", () => {
    const problems = catalogueProblems({
      good: msg<{ n: number }>("{n, plural, other {# 行}}", "{n, plural, one {# row} other {# rows}}"),
      area: { noEnglish: msg("只有中文", ""), mismatch: msg<{ a: string }>("{a}", "{b}") },
      broken: msg("{unclosed", "{unclosed"),
    });
    expect(problems).toEqual([
      "area.noEnglish: no English text",
      "area.mismatch: the Chinese text uses {a}, the English does not",
      "area.mismatch: the English text uses {b}, the Chinese does not",
      expect.stringMatching(/^broken: not valid ICU MessageFormat/),
    ]);
  });

  it("reads parameters inside plural and select branches", () => {
    expect([...parameterNames("{a, select, x {{b}} other {{c, plural, other {# {d}}}}}")].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("localizes a catalogue into strings and functions", () => {
    const t = localize(
      { title: msg<{ region: string }>("{region}总览", "{region}: overview"), plain: msg("总览", "Overview") },
      "en",
    );
    expect(t.plain).toBe("Overview");
    expect(t.title({ region: "Cengong" })).toBe("Cengong: overview");
    expect(formatMessage("zh-CN", "{n, number}", { n: 1234567 })).toBe("1,234,567");
  });
});

describe("the asker's language", () => {
  it.each([
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR, en;q=0.5", "en"],
    ["en;q=0.3, zh;q=0.8", "zh-CN"],
    ["de", "zh-CN"],
    ["en;q=0", "zh-CN"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe("the alert texts", () => {
  it("has every alert text in both languages with the same parameters, and no English in the Chinese", async () => {
    const { alertMessages } = await import("./alerts.js");
    expect(catalogueProblems(alertMessages)).toEqual([]);
    expect(englishInChinese(alertMessages, [])).toEqual([]);
  });
});

describe("an alert's summary", () => {
  it("writes money, dates and periods the way the screen asks, in either language", async () => {
    const { alertSummary } = await import("./alert-summary.js");
    const formats = {
      money: (yuan: string) => `¥${yuan}`,
      date: (iso: string) => `[${iso}]`,
      period: (key: string) => `<${key}>`,
    };
    const over = {
      rule: "OVER_ALLOCATED" as const,
      value: "49.62",
      amber: "0",
      figures: { allocated: "389000000.00", totalInvestment: "260000000.00" },
    };
    expect(alertSummary(over, "zh-CN", formats)).toBe("已安排资金 ¥389000000.00，超过总投资 ¥260000000.00 的 49.62%");
    expect(alertSummary(over, "en", formats)).toBe("¥389000000.00 allocated, 49.62% above its total of ¥260000000.00");
    const late = {
      rule: "REPORT_MISSING" as const,
      value: "51",
      amber: "10",
      figures: { period: "2026-10", expected: 7, missing: 7 },
    };
    expect(alertSummary(late, "zh-CN", formats)).toBe("<2026-10>的月报：应报 7 个项目，7 个逾期未报");
    const never = { rule: "STALE" as const, value: "2891", amber: "62", figures: { lastReport: null, started: "2019-01-01" } };
    expect(alertSummary(never, "en", formats)).toBe("Never reported since it started on [2019-01-01] (2891 days)");
  });
});

describe("the briefing's and the shared labels' catalogues", () => {
  it("say everything in both languages with the same parameters, and no English in Chinese", () => {
    const catalogues = { briefingMessages, ...labels };
    expect(catalogueProblems(catalogues)).toEqual([]);
    expect(englishInChinese(catalogues, [])).toEqual([]);
  });
});
