import { useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { formatCount, formatPercent } from "@revita/ui/format/numbers";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { ReportingDocument, type ReportingQuery } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { chinaToday, dueMonth } from "./reporting-month.js";

type Group = NonNullable<ReportingQuery["region"]>["progressReporting"]["groups"][number];

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
  const count = (value: number) => formatCount(value, { locale });
  const missing = reporting?.groups.flatMap((group) => group.missingReports.map((report) => ({ group, report }))) ?? [];

  return (
    <section className="panel" aria-labelledby="reporting-title">
      <div className="panel__header">
        <h2 id="reporting-title">{t.reporting.title({ period: formatPeriod(period, { locale }) })}</h2>
        {reporting && reporting.expected > 0 && (
          <p className="muted">
            {t.reporting.summary({
              expected: reporting.expected,
              received: reporting.received,
              onTime: reporting.onTime,
              missing: reporting.missing,
              rate: formatPercent(reporting.reportingRate, { locale }),
            })}
          </p>
        )}
      </div>
      <DataTable
        caption={t.reporting.table}
        rows={reporting?.groups ?? []}
        rowKey={(group) => group.key ?? "own"}
        loading={(loading || !ready) && !data}
        error={error}
        onRetry={() => void refetch()}
        emptyText={t.reporting.noneExpected}
        exportName={`reporting-${regionCode}-${period}`}
        columns={[
          {
            key: "region",
            header: t.region,
            value: name,
            render: (group) =>
              group.key ? <PlaceLink place={withParams(place, { region: group.key })}>{name(group)}</PlaceLink> : name(group),
          },
          {
            key: "expected",
            header: t.reporting.expected,
            numeric: true,
            value: (g) => g.expected,
            render: (g) => count(g.expected),
          },
          { key: "onTime", header: t.reporting.onTime, numeric: true, value: (g) => g.onTime, render: (g) => count(g.onTime) },
          { key: "late", header: t.reporting.late, numeric: true, value: (g) => g.late, render: (g) => count(g.late) },
          {
            key: "missing",
            header: t.reporting.missing,
            numeric: true,
            value: (g) => g.missing,
            render: (g) => count(g.missing),
          },
          {
            key: "rate",
            header: t.reporting.rate,
            numeric: true,
            value: (g) => g.reportingRate,
            render: (g) => formatPercent(g.reportingRate, { locale }),
          },
        ]}
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
