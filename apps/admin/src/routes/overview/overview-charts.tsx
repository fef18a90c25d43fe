import { BreakdownChart } from "@revita/ui/charts/breakdown-chart";
import { FundFlowChart } from "@revita/ui/charts/fund-flow-chart";
import { InvestmentOverTimeChart } from "@revita/ui/charts/investment-over-time-chart";
import { PillarRadarChart } from "@revita/ui/charts/pillar-radar-chart";
import { DataTable } from "@revita/ui/components/data-table";
import { ProgressBar } from "@revita/ui/components/progress-bar";
import { formatCount } from "@revita/ui/format/numbers";
import { useKitMessages } from "@revita/ui/i18n";
import { COMPLETED_COLOR, PLANNED_COLOR } from "@revita/ui/tokens";
import { remainingMoney } from "../../features/money/sums.js";
import type { OverviewQuery } from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import type { AppMessages } from "../../i18n/messages.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import type { ScopedRegion } from "../../shell/region-scope.js";
import { radarScores } from "./overview-figures.js";

type Figures = NonNullable<OverviewQuery["region"]>;
type Group = Figures["byCategory"][number];

/** Completed against the rest of the plan, stacked: the bar is the plan. */
function completedAndRemaining(groups: Group[], label: (g: Group) => string) {
  return groups.map((group) => ({
    key: group.key ?? "",
    label: label(group),
    values: {
      completed: group.completedInvestment,
      remaining: remainingMoney(group.plannedInvestment, group.completedInvestment),
    },
  }));
}

/** The overview's charts, in their own chunk so the key figures show before Recharts loads. */
export default function OverviewCharts({
  place,
  region,
  year,
  figures,
  windowText,
}: {
  place: Place;
  region: ScopedRegion;
  year: number;
  figures: Figures;
  windowText: [string, string];
}) {
  const { t, locale } = useAppLocale();
  const kit = useKitMessages();
  const name = useNamer();
  const groupLabel = (group: Group) =>
    group.key === null ? t.ownLevel : ((locale === "en" ? group.labelEn : group.label) ?? group.key);
  const series = [
    { key: "completed", label: kit.completed, color: COMPLETED_COLOR },
    { key: "remaining", label: t.overview.remaining, color: PLANNED_COLOR },
  ];
  const childGroups = figures.byChild.filter((group) => group.key !== null);
  const drill = (code: string) => navigate(withParams(place, { region: code }));
  const byChild = new Map(figures.byChild.map((group) => [group.key, group]));
  // A table of towns that all read 0 says nothing: only regions below with projects are rows,
  // and one line counts the rest.
  const withProjects = region.children.filter((child) => (byChild.get(child.code)?.projectCount ?? 0) > 0);
  const withoutProjects = region.children.length - withProjects.length;

  return (
    <>
      <div className="chart-grid">
        <InvestmentOverTimeChart
          title={t.overview.investmentOverTime}
          description={t.overview.investmentOverTimeDescription({ from: windowText[0], to: windowText[1] })}
          points={
            // A region with nothing planned or done in the window draws no flat line: the chart says so instead.
            figures.investmentOverTime.some((m) => Number(m.planned) !== 0 || Number(m.completed) !== 0)
              ? figures.investmentOverTime.map((m) => ({ period: m.month, planned: m.planned, completed: m.completed }))
              : []
          }
        />
        <BreakdownChart
          title={t.overview.byCategory}
          rows={completedAndRemaining(figures.byCategory, groupLabel)}
          series={series}
          stacked
        />
        <FundFlowChart
          title={t.overview.fundsBySource}
          rows={figures.fundsBySource.map((group) => ({
            key: group.key ?? "",
            label: t.sourceTypes[group.key as keyof AppMessages["sourceTypes"]] ?? group.key ?? "",
            allocated: group.allocated,
            disbursed: group.disbursed,
          }))}
        />
        <PillarRadarChart
          title={t.overview.scorecard}
          description={t.overview.scorecardDescription({ year })}
          scoreLabel={t.overview.scoreLabel}
          emptyText={t.overview.scorecardEmpty({ year })}
          pillars={radarScores(figures.scorecard).map(({ pillar, score, scored }) => ({
            key: pillar,
            label: t.pillars[pillar],
            score,
            detail: scored ? t.overview.pillarDetail(scored) : undefined,
          }))}
        />
      </div>
      {region.children.length > 0 && (
        <section className="panel">
          <h2>{t.overview.byChildRegion}</h2>
          {childGroups.length > 0 && (
            <BreakdownChart
              title={t.overview.byChildRegion}
              description={t.overview.byChildRegionDescription}
              rows={completedAndRemaining(figures.byChild, groupLabel)}
              series={series}
              stacked
              onSelect={(code) => code && drill(code)}
            />
          )}
          {withProjects.length === 0 && <p className="muted">{t.overview.noChildProjects}</p>}
          {withProjects.length > 0 && (
            <DataTable
              caption={t.childRegions}
              rowKey={(child) => child.code}
              rows={withProjects}
              pageSize={50}
              exportName={`regions-${region.code}`}
              columns={[
                {
                  key: "name",
                  header: t.region,
                  value: (child) => name(child),
                  render: (child) => <PlaceLink place={withParams(place, { region: child.code })}>{name(child)}</PlaceLink>,
                },
                {
                  key: "projects",
                  header: t.overview.projects,
                  numeric: true,
                  value: (child) => byChild.get(child.code)?.projectCount ?? 0,
                  render: (child) => formatCount(byChild.get(child.code)?.projectCount ?? 0, { locale }),
                },
                {
                  key: "planned",
                  header: kit.planned,
                  numeric: true,
                  value: (child) => byChild.get(child.code)?.plannedInvestment ?? null,
                  money: true,
                },
                {
                  key: "completed",
                  header: kit.completed,
                  numeric: true,
                  value: (child) => byChild.get(child.code)?.completedInvestment ?? null,
                  money: true,
                },
                {
                  key: "rate",
                  header: kit.investmentCompletion,
                  numeric: true,
                  value: (child) => byChild.get(child.code)?.completionRate ?? null,
                  render: (child) => {
                    const rate = byChild.get(child.code)?.completionRate;
                    return rate ? <ProgressBar completionRate={rate} physicalProgress={null} compact /> : "—";
                  },
                },
              ]}
            />
          )}
          {withProjects.length > 0 && withoutProjects > 0 && (
            <p className="muted">{t.overview.childRegionsWithout({ count: withoutProjects })}</p>
          )}
        </section>
      )}
    </>
  );
}
