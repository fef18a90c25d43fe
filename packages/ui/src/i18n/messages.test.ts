import { catalogueProblems, englishInChinese } from "@revita/messages";
import { describe, expect, it } from "vitest";
import { KIT_CATALOGUE, KIT_MESSAGES } from "./messages.js";

describe("the kit's words", () => {
  it("are in both languages with the same parameters, and no English on a Chinese screen", () => {
    expect(catalogueProblems(KIT_CATALOGUE)).toEqual([]);
    expect(englishInChinese(KIT_CATALOGUE, ["Excel"])).toEqual([]);
  });

  it("count rows with English plurals and grouped digits", () => {
    expect(KIT_MESSAGES.en.rowsCount({ count: 1 })).toBe("1 row");
    expect(KIT_MESSAGES.en.moreRows({ count: 1200 })).toBe("… and 1,200 more rows");
    expect(KIT_MESSAGES["zh-CN"].rowsCount({ count: 12000 })).toBe("共 12,000 条");
  });
});
