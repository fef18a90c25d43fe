import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { columnUnitAmount, formatMoney } from "../format/money.js";
import { Money } from "./money.js";

describe("the money rule", () => {
  it("says 亿元 from 1亿, 万元 from 1万 and 元 below, always with two decimals", () => {
    expect(formatMoney("389000000")).toBe("3.89亿元");
    expect(formatMoney("100000000")).toBe("1.00亿元");
    expect(formatMoney("99999999.99")).toBe("10,000.00万元");
    expect(formatMoney("75990000")).toBe("7,599.00万元");
    expect(formatMoney("10000")).toBe("1.00万元");
    expect(formatMoney("9999.5")).toBe("9,999.50元");
  });

  it("says millions of yuan in English from one million", () => {
    expect(formatMoney("389000000", { locale: "en" })).toBe("389.00 million yuan");
    expect(formatMoney("220000", { locale: "en" })).toBe("220,000.00 yuan");
  });

  it("shows the rule and keeps the exact yuan on hover", () => {
    render(<Money amount="260000000.00" locale="zh-CN" />);
    const shown = screen.getByText("2.60亿元");
    expect(shown).toHaveAttribute("title", "260,000,000.00元");
  });

  it("shows a missing amount as missing, not as zero", () => {
    const { container } = render(<Money amount={null} locale="zh-CN" />);
    expect(container.textContent).toBe("—");
  });
});

describe("a column of amounts", () => {
  it("is said in the unit its smallest non-zero amount needs, in both languages", () => {
    const column = ["115000000.00", "8000000.00", "0.00", null, "-12000000"];
    const unitFor = columnUnitAmount(column);
    expect(unitFor).toBe("8000000.00");
    expect(column.map((amount) => formatMoney(amount, { unitFor: unitFor! }))).toEqual([
      "11,500.00万元",
      "800.00万元",
      "0.00万元",
      "—",
      "-1,200.00万元",
    ]);
    expect(formatMoney("115000000", { locale: "en", unitFor: "8000000" })).toBe("115.00 million yuan");
    expect(formatMoney("115000000", { locale: "en", unitFor: "800" })).toBe("115,000,000.00 yuan");
  });

  it("has no unit of its own when it holds no amount", () => {
    expect(columnUnitAmount([null, "0", undefined])).toBeUndefined();
  });
});
