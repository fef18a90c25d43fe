import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { formatPercent } from "../format/numbers.js";
import { LocaleProvider } from "../i18n/locale-context.js";
import { BreakdownChart } from "./breakdown-chart.js";
import { MAX_TABLE_ROWS } from "./chart-frame.js";
import { FundFlowChart } from "./fund-flow-chart.js";
import { IndicatorTargetChart } from "./indicator-target-chart.js";
import { IndicatorTrendChart } from "./indicator-trend-chart.js";
import { InvestmentOverTimeChart } from "./investment-over-time-chart.js";
import { PillarRadarChart } from "./pillar-radar-chart.js";
import { ProgressHistoryChart } from "./progress-history-chart.js";
import { RankingChart } from "./ranking-chart.js";
import { TrendSparkline } from "./trend-sparkline.js";

const phases = [
  { key: "1", label: "一期", values: { planned: "43375700", completed: "15340000" } },
  { key: "2", label: "二期", values: { planned: "35061400", completed: "7870000" } },
  { key: "3", label: "三期", values: { planned: "51075400", completed: "39800000" } },
];

const tableOf = (title: string) => within(screen.getByRole("table", { name: title }));

describe("charts", () => {
  it("key their table's columns by position, so two series of one name draw without React's duplicate-key warning", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      render(
        <BreakdownChart
          title="同名系列"
          rows={phases}
          series={[
            { key: "planned", label: "投资" },
            { key: "completed", label: "投资" },
          ]}
          width={600}
        />,
      );
      expect(errors.mock.calls.filter(([message]) => String(message).includes("same key"))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("draw an SVG and give screen readers the figures as a formatted table", () => {
    const { container } = render(
      <BreakdownChart
        title="生态防洪堤分期投资"
        rows={phases}
        series={[
          { key: "planned", label: "计划投资" },
          { key: "completed", label: "完成投资" },
        ]}
        width={600}
      />,
    );
    expect(container.querySelector("svg.recharts-surface")).not.toBeNull();
    expect(screen.getByRole("figure", { name: "生态防洪堤分期投资" })).toBeInTheDocument();
    expect(tableOf("生态防洪堤分期投资").getByRole("row", { name: /三期/ })).toHaveTextContent("三期5,107.54万元3,980.00万元");
  });

  it("show the data table to sighted readers on request", () => {
    render(
      <FundFlowChart
        title="资金拨付"
        rows={[{ key: "CENTRAL", label: "中央衔接资金", allocated: "497000000", disbursed: "447300000" }]}
        width={500}
      />,
    );
    const toggle = screen.getByRole("button", { name: "查看数据表" });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "查看图表" })).toBeInTheDocument();
    expect(tableOf("资金拨付").getByRole("row", { name: /中央衔接资金/ })).toHaveTextContent("4.97亿元4.47亿元");
  });

  it("report a clicked bar's key, for drilling down into a child region", async () => {
    const chosen: string[] = [];
    const { container } = render(
      <BreakdownChart
        title="各乡镇投资"
        rows={[
          { key: "522626100000", label: "思旸镇", values: { planned: "200000000" } },
          { key: "522626101000", label: "水尾镇", values: { planned: "50000000" } },
        ]}
        series={[{ key: "planned", label: "计划投资" }]}
        onSelect={(key) => chosen.push(key)}
        width={600}
      />,
    );
    // Bars grow in with an animation before they can be clicked.
    const bars = await waitFor(() => {
      const drawn = container.querySelectorAll(".recharts-bar-rectangle");
      expect(drawn).toHaveLength(2);
      return drawn;
    });
    fireEvent.click(bars[1]!.firstElementChild ?? bars[1]!);
    expect(chosen).toEqual(["522626101000"]);
  });

  it("stay light with 10,000 monthly points: at most 600 drawn, 500 in the table", () => {
    const points = Array.from({ length: 10_000 }, (_, index) => {
      // Period keys only run 1949–2100, so the years repeat; the chart does not mind.
      const year = 1950 + (Math.floor(index / 12) % 150);
      return {
        period: `${year}-${String((index % 12) + 1).padStart(2, "0")}`,
        planned: String(index * 1000),
        completed: String(index * 700),
      };
    });
    const started = performance.now();
    const { container } = render(<InvestmentOverTimeChart title="长序列" points={points} width={800} />);
    const elapsed = performance.now() - started;
    const table = screen.getByRole("table", { name: "长序列" });
    expect(table.querySelectorAll("tbody tr")).toHaveLength(MAX_TABLE_ROWS + 1);
    expect(table).toHaveTextContent("另有 9,500 条未列出");
    const curve = container.querySelector(".recharts-area-curve")?.getAttribute("d") ?? "";
    expect(curve.length).toBeGreaterThan(0);
    expect(curve.match(/[CL]/g)?.length ?? 0).toBeLessThanOrEqual(600);
    console.info(`10,000-point investment chart rendered in ${elapsed.toFixed(0)} ms (jsdom)`);
  });

  it("rank child regions best first, lower-is-better when told", () => {
    const rows = [
      { key: "a", label: "郢城镇", value: "95" },
      { key: "b", label: "纪南镇", value: "88.5" },
      { key: "c", label: "川店镇", value: null },
      { key: "d", label: "马山镇", value: "97" },
    ];
    const { unmount } = render(
      <RankingChart title="污水治理率" rows={rows} format={(v) => formatPercent(v)} target="93" width={500} />,
    );
    expect(
      tableOf("污水治理率")
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(["1马山镇97.0%", "2郢城镇95.0%", "3纪南镇88.5%", "4川店镇—"]);
    unmount();
    render(<RankingChart title="返贫率" rows={rows} format={(v) => formatPercent(v)} lowerIsBetter width={500} />);
    expect(tableOf("返贫率").getAllByRole("row")[1]).toHaveTextContent("纪南镇");
  });

  it("draw bullets against target and baseline, with the standing in words", () => {
    render(
      <LocaleProvider locale="en">
        <IndicatorTargetChart
          title="Indicators"
          indicators={[
            {
              key: "SEWAGE",
              label: "Rural sewage coverage",
              value: "93",
              target: "90",
              baseline: "85",
              unit: "%",
              standing: "ON_TARGET",
            },
            { key: "INCOME", label: "Income", value: null, target: "20000", baseline: null, unit: "元", standing: null },
          ]}
        />
      </LocaleProvider>,
    );
    const table = tableOf("Indicators");
    expect(table.getByRole("row", { name: /sewage/ })).toHaveTextContent("Rural sewage coverage93.0%90.0%85.0%On target");
    expect(table.getByRole("row", { name: /Income/ })).toHaveTextContent("Income—20000 yuan——");
  });

  it("draw the five pillars, and a sparkline that reads as its label", () => {
    const { container } = render(
      <>
        <PillarRadarChart
          title="五大振兴"
          scoreLabel="达标率"
          width={400}
          pillars={[
            { key: "INDUSTRY", label: "产业", score: 75, detail: "3 / 4" },
            { key: "ECOLOGY", label: "生态", score: 100 },
            { key: "CULTURE", label: "文化", score: null },
            { key: "GOVERNANCE", label: "组织", score: 50 },
            { key: "LIVELIHOOD", label: "人才", score: 80 },
          ]}
        />
        <TrendSparkline values={["81", "85", null, "93"]} label="2020–2023: 81% → 93%" />
      </>,
    );
    expect(container.querySelector(".recharts-radar")).not.toBeNull();
    expect(tableOf("五大振兴").getByRole("row", { name: /文化/ })).toHaveTextContent("文化—");
    expect(screen.getByRole("img", { name: "2020–2023: 81% → 93%" }).querySelector("svg")).not.toBeNull();
  });

  it("draw a project's history: completed investment and physical progress, period by period", () => {
    const { container } = render(
      <ProgressHistoryChart
        title="进度历程"
        totalInvestment="51075400"
        width={600}
        points={[
          { period: "2020-06", completedInvestment: "20000000", physicalProgress: "50" },
          { period: "2020-12", completedInvestment: "39800000", physicalProgress: "98" },
          { period: "2021-01", completedInvestment: null, physicalProgress: "99" },
        ]}
      />,
    );
    expect(container.querySelectorAll(".recharts-bar-rectangle").length).toBeGreaterThan(0);
    const rows = tableOf("进度历程")
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(["2020年6月2,000.00万元50.0%", "2020年12月3,980.00万元98.0%", "2021年1月—99.0%"]);
  });

  it("draw an indicator over the years in its unit, with target and baseline lines", () => {
    const { container } = render(
      <LocaleProvider locale="en">
        <IndicatorTrendChart
          title="Sewage coverage"
          unit="%"
          target="90"
          baseline="61"
          width={600}
          points={[
            { period: "2019", value: "61" },
            { period: "2022", value: null },
            { period: "2023", value: "93" },
          ]}
        />
      </LocaleProvider>,
    );
    expect(container.querySelectorAll(".recharts-reference-line").length).toBe(2);
    expect(container.textContent).toContain("Target 90%");
    expect(
      tableOf("Sewage coverage")
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(["201961%", "2022—", "202393%"]);
  });
});
