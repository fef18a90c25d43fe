import { describe, expect, it } from "vitest";
import { foldForSearch, pinyinSearchKey } from "./project-search.js";

describe("pinyinSearchKey", () => {
  it("holds the full toneless pinyin and the initials, letters and digits only", () => {
    expect(pinyinSearchKey("城北新区防洪堤")).toBe("chengbeixinqufanghongdi cbxqfhd");
    expect(pinyinSearchKey("病险水库除险加固工程（5座）")).toBe("bingxianshuikuchuxianjiagugongcheng5zuo bxskcxjggc5z");
  });

  it("reads polyphonic characters in context", () => {
    expect(pinyinSearchKey("重庆银行")).toBe("chongqingyinhang cqyh");
    expect(pinyinSearchKey("重点工程")).toBe("zhongdiangongcheng zdgc");
  });

  it("keeps latin letters and digits already in the name", () => {
    expect(pinyinSearchKey("G320国道PPP项目")).toBe("g320guodaopppxiangmu g320gdpppxm");
  });
});

describe("foldForSearch", () => {
  it("compares typed pinyin whatever its case and spacing", () => {
    expect(foldForSearch(" Fang Hong-Di ")).toBe("fanghongdi");
  });
});
