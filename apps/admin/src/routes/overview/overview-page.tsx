import { useQuery } from "@apollo/client/react";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { formatMoney } from "@revita/ui/format/money";
import { formatCount, formatPercent } from "@revita/ui/format/numbers";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { lazy, Suspense } from "react";
import { moneyRatio } from "../../features/money/sums.js";
import { projectColumns } from "../../features/projects/project-columns.js";
import { OverviewDocument } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace } from "../../navigation/places.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "./attention-list.js";
import { investmentWindow, projectCounts, targetCount, yearOnYear } from "./overview-figures.js";
import { IndicatorReportingPanel, ReportingPanel } from "./reporting-panel.js";

// Recharts is most of a chart page's weight, so the charts are their own chunk: the key figures
// and tables do not wait for it. Its download starts with the app, beside the data queries.
const overviewCharts = import("./overview-charts.js");
const OverviewCharts = lazy(() => overviewCharts);

export default function OverviewPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.overview.title} untitled={t.nav.overview}>
      {(region) => <Overview place={place} region={region} year={scope.year} />}
    </RegionPage>
  );
}

/** Where a region manages few funds of its own, its fund card counts the money that reached its projects. */
const FUNDS_RECEIVED_BELOW = new Set(["TOWNSHIP", "VILLAGE", "GRID", "BUILDING"]);

function Overview({ place, region, year }: { place: Place; region: ScopedRegion; year: number }) {
  const { t, locale } = useAppLocale();
  const chartSpan = investmentWindow(year, region.years);
  const { data, loading, error, refetch } = useQuery(OverviewDocument, {
    variables: { code: region.code, year: String(year), ...chartSpan, fundsReceived: FUNDS_RECEIVED_BELOW.has(region.level) },
  });
  const figures = data?.region;
  const investment = moneyRatio(
    (figures?.byCategory ?? []).map((g) => ({ part: g.completedInvestment, whole: g.plannedInvestment })),
  );
  const funds = moneyRatio((figures?.fundsBySource ?? []).map((g) => ({ part: g.disbursed, whole: g.allocated })));
  const projects = projectCounts(figures?.byStatus ?? []);
  const targets = targetCount(figures?.scorecard ?? []);
  const money = (amount: string) => formatMoney(amount, { locale });
  const kpiLoading = loading && !data;
  // The overview's short lists leave out what the project page shows anyway.
  const columns = projectColumns(t, locale, place).filter((column) => column.key !== "region");

  const grades = figures?.assessments ?? [];
  // Completed investment and payments against the same day a year before (the end of the year shown).
  const yearBefore = figures ? formatDate(figures.investmentYearOnYear.yearBeforeAsOf, { locale }) : "";
  const change = (moved: ReturnType<typeof yearOnYear>, what: string) =>
    moved
      ? {
          text: `${moved.change > 0 ? "+" : moved.change < 0 ? "−" : "±"}${formatPercent(Math.abs(moved.change), { locale })}`,
          trend: moved.trend,
          favourable: moved.trend !== "down",
          versus: t.overview.versusYearBefore({ what, date: yearBefore }),
        }
      : undefined;
  const investmentChange = change(
    yearOnYear(figures?.investmentYearOnYear.completed, figures?.investmentYearOnYear.completedYearBefore),
    t.overview.completedWord,
  );
  const fundsChange = change(
    yearOnYear(figures?.fundsYearOnYear.disbursed, figures?.fundsYearOnYear.disbursedYearBefore),
    t.overview.disbursedWord,
  );

  return (
    <div className="overview">
      <AttentionList place={place} regionCode={region.code} />
      <section className="kpi-grid" aria-label={t.nav.overview}>
        <KpiCard
          label={t.overview.projects}
          loading={kpiLoading}
          value={formatCount(projects.total, { locale })}
          detail={t.overview.projectsDetail({ inProgress: projects.underway })}
        />
        <KpiCard
          label={t.overview.investment}
          loading={kpiLoading}
          value={formatPercent(investment.percent, { locale })}
          detail={t.overview.investmentDetail({ completed: money(investment.part), planned: money(investment.whole) })}
          change={investmentChange}
        />
        <KpiCard
          label={t.overview.funds}
          loading={kpiLoading}
          value={formatPercent(funds.percent, { locale })}
          detail={t.overview.fundsDetail({ disbursed: money(funds.part), allocated: money(funds.whole) })}
          change={fundsChange}
        />
        <KpiCard
          label={t.overview.indicators}
          loading={kpiLoading}
          value={
            targets.withTarget
              ? t.overview.indicatorsValue({ onTarget: targets.onTarget, withTarget: targets.withTarget })
              : t.overview.noTargets
          }
          detail={t.overview.indicatorsDetail({ year })}
        />
      </section>
      {grades.length > 0 && (
        <p className="overview__grades">
          <strong>{t.overview.grades}</strong> {grades.map((grade) => t.overview.grade(grade)).join(" · ")}
        </p>
      )}

      <div className="panel-grid">
        <ReportingPanel place={place} regionCode={region.code} ready={Boolean(data)} />
        <IndicatorReportingPanel place={place} regionCode={region.code} year={year} ready={Boolean(data)} />
      </div>

      <DataState loading={kpiLoading} error={error} empty={false} onRetry={() => void refetch()}>
        {figures && (
          <Suspense fallback={<div className="chart-grid chart-grid--loading" aria-busy="true" />}>
            <OverviewCharts
              place={place}
              region={region}
              year={year}
              figures={figures}
              windowText={[formatPeriod(chartSpan.from, { locale }), formatPeriod(chartSpan.to, { locale })]}
            />
          </Suspense>
        )}
      </DataState>

      <div className="panel-grid">
        <section className="panel">
          <h2>{t.overview.largestProjects}</h2>
          <DataTable
            caption={t.overview.largestProjects}
            columns={columns}
            rows={data?.largest.edges.map((edge) => edge.node) ?? []}
            rowKey={(p) => p.id}
            loading={loading}
            error={error}
            onRetry={() => void refetch()}
            exportName={`key-projects-${region.code}`}
          />
          <p>
            <PlaceLink place={pagePlace(place, "projects")}>{t.overview.allProjects} →</PlaceLink>
          </p>
        </section>
      </div>
    </div>
  );
}
