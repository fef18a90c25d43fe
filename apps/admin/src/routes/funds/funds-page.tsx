import { useQuery } from "@apollo/client/react";
import { BreakdownChart } from "@revita/ui/charts/breakdown-chart";
import { FundFlowChart } from "@revita/ui/charts/fund-flow-chart";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { StatusBadge } from "@revita/ui/components/status-badge";
import { formatPercent } from "@revita/ui/format/numbers";
import { useKitMessages } from "@revita/ui/i18n";
import { COMPLETED_COLOR, PLANNED_COLOR } from "@revita/ui/tokens";
import { useEffect } from "react";
import { tableMoney } from "../../features/projects/project-columns.js";
import { type FlowFiguresFragment, type FundSourceType, FundsPageDocument } from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { APP_MESSAGES, type AppMessages } from "../../i18n/messages.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { FundEntry } from "./fund-entry.js";

/** In the order the labels list them; every source type the schema has (the labels' type makes sure). */
const SOURCE_TYPES = Object.keys(APP_MESSAGES["zh-CN"].sourceTypes) as FundSourceType[];

const GRADE_TONE = { A: "good", B: "info", C: "warning", D: "bad" } as const;

export default function FundsPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.funds.title} untitled={t.nav.funds}>
      {(region) => <Funds place={place} region={region} year={scope.year} latestYear={scope.latestYear} />}
    </RegionPage>
  );
}

function Funds({ place, region, year, latestYear }: { place: Place; region: ScopedRegion; year: number; latestYear: boolean }) {
  const { t, locale } = useAppLocale();
  const kit = useKitMessages();
  const name = useNamer();
  const source = SOURCE_TYPES.find((s) => s === place.params.source);
  const variables = { code: region.code, year, sourceType: source };
  const { data, loading, error, refetch } = useQuery(FundsPageDocument, { variables });
  const flows = data?.region;
  // Opened without a year, the page shows the latest year with indicator values; a region's
  // funds may end earlier: then it opens on the latest year that has funds instead of an empty one.
  const latestFundYear = Math.max(...(flows?.byYear ?? []).map((group) => Number(group.key)).filter(Number.isFinite));
  useEffect(() => {
    if (latestYear && data && data.funds.totalCount === 0 && Number.isFinite(latestFundYear) && latestFundYear !== year) {
      navigate(withParams(place, { year: String(latestFundYear) }), { replace: true });
    }
  }, [latestYear, data, latestFundYear, year, place]);
  const label = (group: FlowFiguresFragment, kind: "source" | "other") =>
    kind === "source"
      ? (t.sourceTypes[group.key as keyof AppMessages["sourceTypes"]] ?? group.key ?? "")
      : group.key === null
        ? t.ownLevel
        : ((locale === "en" ? group.labelEn : group.label) ?? group.key);
  // Funds registered but nothing allocated from them yet: the chart says there is nothing to draw
  // rather than drawing an empty 0–4 axis.
  const rows = (groups: FlowFiguresFragment[], kind: "source" | "other") =>
    (groups.every((group) => Number(group.allocated) === 0 && Number(group.disbursed) === 0) ? [] : groups).map((group) => ({
      key: group.key ?? "",
      label: label(group, kind),
      allocated: group.allocated,
      disbursed: group.disbursed,
    }));

  return (
    <div className="funds">
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["OVER_ALLOCATED", "INDUSTRY_SHARE", "DISBURSEMENT_LAG"]}
        title={t.attention.aboutFunds}
        quietWhenNone
      />
      <DataState loading={loading && !data} error={error} empty={false} onRetry={() => void refetch()}>
        {flows && (
          <div className="chart-grid">
            <FundFlowChart
              title={t.funds.byYear}
              rows={[...rows(flows.byYear, "other")].sort((a, b) => a.key.localeCompare(b.key))}
            />
            <FundFlowChart
              title={t.funds.bySourceInYear({ year })}
              rows={rows(flows.bySource, "source")}
              onSelect={(key) => navigate(withParams(place, { source: key }), { replace: true })}
            />
            <BreakdownChart
              title={t.funds.byCategoryInYear({ year })}
              rows={flows.byCategory.map((group) => ({
                key: group.key ?? "",
                label: label(group, "other"),
                values: { allocated: group.allocated, disbursed: group.disbursed },
              }))}
              series={[
                { key: "allocated", label: kit.allocated, color: PLANNED_COLOR },
                { key: "disbursed", label: kit.disbursed, color: COMPLETED_COLOR },
              ]}
            />
            {flows.byChild.some((group) => group.key !== null) && (
              <FundFlowChart
                title={t.funds.byChildRegionInYear({ year })}
                rows={rows(flows.byChild, "other")}
                onSelect={(key) => key && navigate(withParams(place, { region: key }))}
              />
            )}
          </div>
        )}
      </DataState>

      <section className="panel">
        <div className="panel__header">
          <h2>
            {t.funds.list} · {year}
          </h2>
          <label>
            <span>{t.funds.sourceFilter} </span>
            <select
              value={source ?? ""}
              onChange={(event) => navigate(withParams(place, { source: event.target.value || undefined }), { replace: true })}
            >
              <option value="">{kit.all}</option>
              {SOURCE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t.sourceTypes[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DataTable
          caption={t.funds.list}
          rows={data?.funds.edges.map((edge) => edge.node) ?? []}
          rowKey={(fund) => fund.id}
          loading={loading}
          error={error}
          onRetry={() => void refetch()}
          emptyText={t.funds.empty}
          exportName={`funds-${region.code}-${year}`}
          columns={[
            { key: "code", header: t.project.code, value: (f) => f.code, hiddenByDefault: true },
            { key: "name", header: t.funds.name, value: (f) => f.nameZh },
            { key: "source", header: t.funds.source, value: (f) => t.sourceTypes[f.sourceType] },
            { key: "level", header: t.funds.level, value: (f) => t.fundLevels[f.level] },
            {
              key: "year",
              header: t.funds.year,
              value: (f) => (f.startYear === f.year ? String(f.year) : `${f.startYear}–${f.year}`),
            },
            {
              key: "amount",
              header: t.funds.amount,
              numeric: true,
              value: (f) => f.amount,
              money: true,
            },
            {
              key: "yearAmounts",
              header: t.funds.yearAmounts,
              value: (f) => f.yearAmounts.map((part) => `${part.year}: ${part.amount}`).join("; "),
              render: (f) =>
                f.startYear === f.year ? (
                  ""
                ) : f.yearAmounts.length ? (
                  f.yearAmounts.map((part, index) => (
                    <span key={part.year}>
                      {index > 0 && (locale === "en" ? "; " : "；")}
                      {part.year}
                      {locale === "en" ? ": " : "："}
                      {tableMoney(part.amount, locale)}
                    </span>
                  ))
                ) : (
                  <span className="muted">{t.funds.envelopeUnsplit}</span>
                ),
            },
            {
              key: "grade",
              header: t.funds.grade,
              value: (f) => f.performanceGrade ?? "",
              render: (f) =>
                f.performanceGrade ? (
                  <StatusBadge tone={GRADE_TONE[f.performanceGrade]}>
                    {f.performanceGrade}
                    {f.evaluations[0] ? ` · ${f.evaluations[0].year}` : ""}
                  </StatusBadge>
                ) : (
                  <span className="muted">{t.funds.notGraded}</span>
                ),
            },
            { key: "region", header: t.funds.managedBy, value: (f) => name(f.region) },
          ]}
        />
        {flows?.bySource.some((group) => group.industryShare !== null) && (
          <p className="muted">
            {t.funds.industryShare}:{" "}
            {flows.bySource
              .filter((group) => group.industryShare !== null)
              .map((group) => `${label(group, "source")} ${formatPercent(group.industryShare, { locale })}`)
              .join("；")}
          </p>
        )}
      </section>
      {region.access.edit && (
        <FundEntry regionCode={region.code} funds={data?.funds.edges.map((edge) => edge.node) ?? []} queryVariables={variables} />
      )}
    </div>
  );
}
