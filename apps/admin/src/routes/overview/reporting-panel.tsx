import { useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { formatCount, formatPercent } from "@revita/ui/format/numbers";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { IndicatorReportingDocument, ReportingDocument, type ReportingQuery } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import type { AppMessages } from "../../i18n/messages.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { chinaToday, dueMonth } from "./reporting-month.js";

type Group = NonNullable<ReportingQuery["region"]>["progressReporting"]["groups"][number];

/** What both reporting tables count, per region below. */
interface Counted {
  key: string | null;
  label: string | null;
  labelEn: string | null;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  reportingRate: string | null;
}

/** A reporting panel's title, and its counts in one sentence when anything was expected. */
function ReportingHeader({
  id,
  title,
  counts,
}: {
  id: string;
  title: string;
  counts: (Omit<Counted, "key" | "label" | "labelEn" | "late"> & { received: number }) | undefined;
}) {
  const { t, locale } = useAppLocale();
  return (
    <div className="panel__header">
      <h2 id={id}>{title}</h2>
      {counts && counts.expected > 0 && (
        <p className="muted">
          {t.reporting.summary({
            expected: counts.expected,
            received: counts.received,
            onTime: counts.onTime,
            missing: counts.missing,
            rate: formatPercent(counts.reportingRate, { locale }),
          })}
        </p>
      )}
    </div>
  );
}

function countColumns<Row extends Counted>(t: AppMessages, locale: "zh-CN" | "en", place: Place) {
  const name = (group: Row) => (group.key === null ? t.ownLevel : ((locale === "en" ? group.labelEn : group.label) ?? group.key));
  const count = (value: number) => formatCount(value, { locale });
  return [
    {
      key: "region",
      header: t.region,
      value: name,
      render: (group: Row) =>
        group.key ? <PlaceLink place={withParams(place, { region: group.key })}>{name(group)}</PlaceLink> : name(group),
    },
    {
      key: "expected",
      header: t.reporting.expected,
      numeric: true,
      value: (g: Row) => g.expected,
      render: (g: Row) => count(g.expected),
    },
    {
      key: "onTime",
      header: t.reporting.onTime,
      numeric: true,
      value: (g: Row) => g.onTime,
      render: (g: Row) => count(g.onTime),
    },
    { key: "late", header: t.reporting.late, numeric: true, value: (g: Row) => g.late, render: (g: Row) => count(g.late) },
    {
      key: "missing",
      header: t.reporting.missing,
      numeric: true,
      value: (g: Row) => g.missing,
      render: (g: Row) => count(g.missing),
    },
    {
      key: "rate",
      header: t.reporting.rate,
      numeric: true,
      value: (g: Row) => g.reportingRate,
      render: (g: Row) => formatPercent(g.reportingRate, { locale }),
    },
  ];
}

/**
 * Who reported last month's progress (the latest month now due), on time or late, per region
 * below, and which projects are missing: DHIS2's reporting rate, for the dispatch meeting.
 */
export function ReportingPanel({ place, regionCode, ready = true }: { place: Place; regionCode: string; ready?: boolean }) {
  const { t, locale } = useAppLocale();
  const period = dueMonth(chinaToday());
  // Asked once the page's key figures are in (ready): on the embedded database queries take
  // turns, and this one is below the first screen, so it must not hold up the charts.
  const { data, loading, error, refetch } = useQuery(ReportingDocument, {
    variables: { code: regionCode, period },
    skip: !ready,
  });
  const reporting = data?.region?.progressReporting;
  const name = (group: Group) =>
    group.key === null ? t.ownLevel : ((locale === "en" ? group.labelEn : group.label) ?? group.key);
  const missing = reporting?.groups.flatMap((group) => group.missingReports.map((report) => ({ group, report }))) ?? [];

  return (
    <section className="panel" aria-labelledby="reporting-title">
      <ReportingHeader
        id="reporting-title"
        title={t.reporting.title({ period: formatPeriod(period, { locale }) })}
        counts={reporting}
      />
      <DataTable
        caption={t.reporting.table}
        rows={reporting?.groups ?? []}
        rowKey={(group) => group.key ?? "own"}
        loading={(loading || !ready) && !data}
        error={error}
        onRetry={() => void refetch()}
        emptyText={t.reporting.noneExpected}
        exportName={`reporting-${regionCode}-${period}`}
        columns={countColumns<Group>(t, locale, place)}
      />
      {missing.length > 0 && (
        <details className="reporting__missing">
          <summary>{t.reporting.missingList({ count: missing.length })}</summary>
          <ul>
            {missing.map(({ group, report }) => (
              <li key={`${report.projectCode} ${report.period}`}>
                <PlaceLink place={pagePlace(place, "project", {}, report.projectCode)}>
                  {(locale === "en" && report.nameEn) || report.nameZh}
                </PlaceLink>{" "}
                <span className="muted">
                  {name(group)} ·{" "}
                  {report.lastReport
                    ? t.reporting.lastReport({ date: formatDate(report.lastReport, { locale }) })
                    : t.reporting.neverReported}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/**
 * Who reported the year's indicator values: each region is expected to report again what it
 * reported for an earlier year (indicatorReporting), per region below, with what is missing.
 */
export function IndicatorReportingPanel({
  place,
  regionCode,
  year,
  ready = true,
}: {
  place: Place;
  regionCode: string;
  year: number;
  ready?: boolean;
}) {
  const { t, locale } = useAppLocale();
  const { data, loading, error, refetch } = useQuery(IndicatorReportingDocument, {
    variables: { code: regionCode, period: String(year) },
    skip: !ready,
  });
  const reporting = data?.region?.indicatorReporting;
  const missing = reporting?.groups.flatMap((group) => group.missingValues) ?? [];
  return (
    <section className="panel" aria-labelledby="indicator-reporting-title">
      <ReportingHeader id="indicator-reporting-title" title={t.reporting.indicatorsTitle({ year })} counts={reporting} />
      <DataTable
        caption={t.reporting.indicatorsTable}
        rows={reporting?.groups ?? []}
        rowKey={(group) => group.key ?? "own"}
        loading={(loading || !ready) && !data}
        error={error}
        onRetry={() => void refetch()}
        emptyText={t.reporting.noIndicatorsExpected}
        exportName={`indicator-reporting-${regionCode}-${year}`}
        columns={countColumns<NonNullable<typeof reporting>["groups"][number]>(t, locale, place)}
      />
      {missing.length > 0 && (
        <details className="reporting__missing">
          <summary>{t.reporting.missingValues({ count: missing.length })}</summary>
          <ul>
            {missing.map((value) => (
              <li key={`${value.regionCode} ${value.indicatorCode}`}>
                <PlaceLink
                  place={withParams(pagePlace(place, "indicators", { indicator: value.indicatorCode }), {
                    region: value.regionCode,
                  })}
                >
                  {locale === "en" ? value.nameEn : value.nameZh}
                </PlaceLink>{" "}
                <span className="muted">
                  {locale === "en" ? value.regionNameEn : value.regionNameZh}
                  {value.lastPeriod ? ` · ${t.reporting.lastValue({ period: formatPeriod(value.lastPeriod, { locale }) })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
