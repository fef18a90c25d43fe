import { useMutation, useQuery } from "@apollo/client/react";
import { IndicatorTrendChart } from "@revita/ui/charts/indicator-trend-chart";
import { RankingChart } from "@revita/ui/charts/ranking-chart";
import { DataState } from "@revita/ui/components/data-state";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { formatQuantity, unitName } from "@revita/ui/format/numbers";
import { EntryForm } from "../../features/entry/entry-form.js";
import {
  EnterIndicatorValueDocument,
  IndicatorChoicesDocument,
  type IndicatorChoicesQuery,
  IndicatorDetailDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import type { AppMessages } from "../../i18n/messages.js";
import { bracketed } from "../../i18n/punctuation.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";

type Indicator = IndicatorChoicesQuery["indicators"][number];

export default function IndicatorsPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.indicators.title} untitled={t.nav.indicators}>
      {(region) => <Indicators place={place} region={region} year={scope.year} />}
    </RegionPage>
  );
}

function Indicators({ place, region, year }: { place: Place; region: ScopedRegion; year: number }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const choices = useQuery(IndicatorChoicesDocument, { variables: { code: region.code, year: String(year) } });
  // The previous year's choices while a new year's load: a value entered for a year after the
  // latest moves the page to that year, and without them the chosen indicator (and with it the
  // entry form and its confirmation) vanished for the moment of loading.
  const shown = choices.data ?? choices.previousData;
  const withValues = new Set(shown?.region?.scorecard.flatMap((pillar) => pillar.entries.map((e) => e.indicatorCode)));
  const indicators = shown?.indicators ?? [];
  // The reader's choice, else the first indicator with a value here this year.
  const chosen =
    indicators.find((i) => i.code === place.params.indicator) ?? indicators.find((i) => withValues.has(i.code)) ?? null;
  const pillars = [...new Set(indicators.map((i) => i.pillar))];

  return (
    <div className="indicators">
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["INDICATOR_OFF_TARGET"]}
        title={t.attention.aboutIndicators}
        quietWhenNone
      />
      <label className="indicator-picker">
        <span>{t.indicators.indicator}</span>
        <select
          value={chosen?.code ?? ""}
          onChange={(event) => navigate(withParams(place, { indicator: event.target.value || undefined }), { replace: true })}
        >
          {!chosen && <option value="">{t.indicators.choose}</option>}
          {pillars.map((pillar) => (
            <optgroup key={pillar} label={t.pillars[pillar as keyof AppMessages["pillars"]]}>
              {indicators
                .filter((i) => i.pillar === pillar)
                .map((i) => (
                  <option key={i.code} value={i.code}>
                    {name(i)}
                    {withValues.has(i.code) ? " ●" : ""}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <DataState
        loading={choices.loading && !shown}
        error={choices.error}
        empty={Boolean(shown && !chosen)}
        emptyText={t.indicators.empty}
        onRetry={() => void choices.refetch()}
      >
        {chosen && <IndicatorDetail region={region} year={year} indicator={chosen} place={place} />}
      </DataState>
      {chosen && region.access.edit && <IndicatorValueEntry key={chosen.code} region={region} indicator={chosen} year={year} />}
    </div>
  );
}

/** An editor's value for the chosen indicator here; the page's figures are read again after it. */
function IndicatorValueEntry({ region, indicator, year }: { region: ScopedRegion; indicator: Indicator; year: number }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const [enter] = useMutation(EnterIndicatorValueDocument, { refetchQueries: "active" });
  const kit = t.indicatorEntry;
  // A counter word (个) says nothing in English, and empty brackets less.
  const unit = unitName(indicator.unit, locale);
  return (
    <EntryForm
      id="enter-indicator-value"
      title={`${kit.title}${locale === "en" ? ": " : "："}${name(indicator)}${unit ? bracketed(unit, locale) : ""}`}
      description={kit.description}
      submitLabel={kit.submit}
      fields={[
        { name: "period", label: kit.period, required: true, defaultValue: String(year) },
        { name: "value", label: kit.value, decimal: true, required: true },
        { name: "target", label: kit.target, decimal: true },
        { name: "baseline", label: kit.baseline, decimal: true },
        { name: "note", label: kit.note },
      ]}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await enter({
          variables: {
            idempotencyKey,
            input: {
              indicatorCode: indicator.code,
              regionCode: region.code,
              period: values.period ?? "",
              value: values.value,
              target: values.target,
              baseline: values.baseline,
              note: values.note,
            },
          },
        });
        return kit.saved({ period: data?.enterIndicatorValue.period ?? "" });
      }}
    />
  );
}

function IndicatorDetail({
  place,
  region,
  year,
  indicator,
}: {
  place: Place;
  region: ScopedRegion;
  year: number;
  indicator: Indicator;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const from = Math.max(region.years[0] ?? year, year - 9);
  const { data, loading, error, refetch } = useQuery(IndicatorDetailDocument, {
    variables: { code: region.code, indicator: indicator.code, year: String(year), from: String(from), to: String(year) },
  });
  const format = (value: string | number | null | undefined) =>
    formatQuantity(value, { locale, unit: indicator.unit, digits: indicator.decimals });
  const standing = data?.region?.standing;
  const childName = new Map(region.children.map((child) => [child.code, name(child)]));
  const onTarget = standing?.onTarget;

  return (
    <DataState loading={loading && !data} error={error} empty={false} onRetry={() => void refetch()}>
      <section className="kpi-grid" aria-label={name(indicator)}>
        <KpiCard
          label={`${name(indicator)} · ${t.indicators.standing({ year })}`}
          value={standing?.value == null ? t.indicators.noValue : format(standing.value)}
          detail={standing?.value == null ? undefined : standing.reported ? t.indicators.reported : t.indicators.rolledUp}
          target={
            standing?.target
              ? {
                  text: format(standing.target),
                  standing: onTarget === true ? "ON_TARGET" : onTarget === false ? "BEHIND" : undefined,
                }
              : undefined
          }
        />
        <KpiCard
          label={t.indicators.baseline}
          value={standing?.baseline ? format(standing.baseline) : "—"}
          detail={
            standing?.changeFromBaseline
              ? `${Number(standing.changeFromBaseline) >= 0 ? "+" : ""}${format(standing.changeFromBaseline)}`
              : undefined
          }
        />
      </section>
      {data?.region && (
        <div className="chart-grid">
          <IndicatorTrendChart
            title={`${name(indicator)} · ${t.indicators.overTime}`}
            description={t.indicators.overTimeDescription({ from, to: year })}
            points={data.region.series.map((point) => ({ period: point.period, value: point.value }))}
            unit={indicator.unit}
            decimals={indicator.decimals}
            target={standing?.target}
            baseline={standing?.baseline}
          />
          {data.region.ranking.length > 0 ? (
            <RankingChart
              title={t.indicators.ranking({ year })}
              description={t.indicators.rankingDescription}
              rows={data.region.ranking.map((row) => ({
                key: row.regionCode,
                label: childName.get(row.regionCode) ?? row.regionNameZh,
                value: row.value,
              }))}
              format={format}
              target={standing?.target}
              lowerIsBetter={indicator.direction === "LOWER_IS_BETTER"}
              onSelect={(code) => navigate(withParams(place, { region: code }))}
            />
          ) : (
            <section className="panel">
              <h2>{t.indicators.ranking({ year })}</h2>
              <p>{t.indicators.noRanking}</p>
            </section>
          )}
        </div>
      )}
    </DataState>
  );
}
