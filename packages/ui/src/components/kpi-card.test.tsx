import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../format/money.js";
import { formatChange } from "../format/numbers.js";
import { KpiCard } from "./kpi-card.js";

describe("KpiCard", () => {
  it("shows the value, its change against the previous period and its target", () => {
    render(
      <KpiCard
        label="完成投资"
        value={formatMoney("63010000")}
        detail={`计划 ${formatMoney("129512500")}`}
        change={{ text: formatChange("63010000", "55000000"), trend: "up", favourable: true }}
        target={{ text: "50%", standing: "AT_RISK" }}
      />,
    );
    const card = screen.getByRole("region", { name: "完成投资" });
    expect(card).toHaveTextContent("6,301.00万元");
    expect(card).toHaveTextContent("计划 1.30亿元");
    expect(screen.getByText(/\+14\.6%/)).toHaveClass("revita-kpi__change--good");
    expect(card).toHaveTextContent("目标值 50%");
    expect(card).toHaveTextContent("! 有风险");
  });

  it("marks an unfavourable rise as bad news", () => {
    render(<KpiCard label="返贫户" value="12" change={{ text: "+20.0%", trend: "up", favourable: false }} />);
    expect(screen.getByText(/\+20\.0%/)).toHaveClass("revita-kpi__change--bad");
  });

  it("holds its place with a skeleton while loading", () => {
    render(<KpiCard label="项目数" value="11" loading />);
    expect(screen.getByRole("status")).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByText("11")).toBeNull();
  });
});
