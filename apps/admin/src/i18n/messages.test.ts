import { catalogueProblems, englishInChinese } from "@revita/messages";
import { describe, expect, it } from "vitest";
import { APP_CATALOGUE, APP_MESSAGES } from "./messages.js";

describe("the dashboard's catalogue", () => {
  it("has every message in both languages with the same parameters, in valid ICU", () => {
    expect(catalogueProblems(APP_CATALOGUE)).toEqual([]);
  });

  it("says nothing in English on a Chinese screen but names of formats and products", () => {
    const allowed = ["English", "Excel", "Revita", "GraphQL", "GraphiQL", "Ctrl", "Enter", "ANALYST", "ADMIN"];
    const english = englishInChinese(APP_CATALOGUE, allowed);
    expect(english).toEqual([]);
  });

  it("counts in English with the right plural and in Chinese with grouped digits", () => {
    expect(APP_MESSAGES.en.dataEntry.checking({ rows: 1 })).toBe("1 row read…");
    expect(APP_MESSAGES.en.dataEntry.checking({ rows: 12000 })).toBe("12,000 rows read…");
    expect(APP_MESSAGES.en.dataEntry.problemCount({ count: 1, listed: 1, cut: "no" })).toBe("1 problem; nothing was written.");
    expect(APP_MESSAGES["zh-CN"].dataEntry.problemCount({ count: 1500, listed: 1000, cut: "yes" })).toBe(
      "发现 1,500 个问题（下面列出前 1,000 个），未写入任何数据。",
    );
    expect(APP_MESSAGES["zh-CN"].project.phase({ n: 3 })).toBe("三期");
  });
});
