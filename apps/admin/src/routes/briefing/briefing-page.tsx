import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { briefingLayout, briefingVariables, chinaDay, lastFullMonth } from "@revita/briefing";
import { BriefingDocument, BriefingYearsDocument } from "@revita/schema/operations";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { useState } from "react";
import { EntryForm } from "../../features/entry/entry-form.js";
import { readNdjson } from "../../features/ndjson.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  CancelBriefingSubscriptionDocument,
  MyBriefingsDocument,
  SubscribeToBriefingDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { figuresOfParams } from "../../shell/figures.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { BriefingSections } from "./briefing-sections.js";
import "./briefing-page.css";

/** The months a briefing may cover: this one and the 23 before it. */
function recentMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: 24 }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

export default function BriefingPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.briefingPage.title} untitled={t.nav.briefing}>
      {(region) =>
        figuresOfParams(place.params) === "published" ? (
          <NotForPublished place={place} />
        ) : (
          <Briefing place={place} region={region} />
        )
      }
    </RegionPage>
  );
}

/**
 * A briefing's PDF and its weekly copies count all or approved figures (what a meeting decides
 * on); published-only figures are for telling the articles' figures from the demo's, so the page
 * says so rather than preview figures it would not print.
 */
function NotForPublished({ place }: { place: Place }) {
  const { t } = useAppLocale();
  return (
    <div className="briefing-page">
      <p>{t.briefingPage.notForPublished}</p>
      <div className="briefing-page__actions">
        <button type="button" onClick={() => navigate(withParams(place, { figures: undefined }))}>
          {t.briefingPage.useAllFigures}
        </button>
      </div>
    </div>
  );
}

function Briefing({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t, locale } = useAppLocale();
  const today = chinaDay();
  const months = recentMonths(today);
  const month = months.includes(place.params.month ?? "") ? place.params.month! : lastFullMonth(today);
  const approvedOnly = figuresOfParams(place.params) === "approved";
  const years = useQuery(BriefingYearsDocument, { variables: { code: region.code } });
  const { variables, fundYear, indicatorYear } = briefingVariables(region.code, month, years.data?.region, today);
  const figures = useQuery(BriefingDocument, { variables, skip: !years.data });
  const [madeAt] = useState(() => new Date());
  const layout =
    figures.data?.region && briefingLayout(figures.data, { locale, month, approvedOnly, madeAt, fundYear, indicatorYear });

  return (
    <div className="briefing-page">
      <div className="briefing-page__actions">
        <label>
          <span>{t.briefingPage.month}</span>
          <select
            value={month}
            onChange={(event) => navigate(withParams(place, { month: event.target.value }), { replace: true })}
          >
            {months.map((value) => {
              const [y, m] = value.split("-").map(Number) as [number, number];
              return (
                <option key={value} value={value}>
                  {t.briefing.month({ year: y, month: m })}
                </option>
              );
            })}
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          {t.briefingPage.print}
        </button>
        <MakePdf regionCode={region.code} month={month} approvedOnly={approvedOnly} />
      </div>
      <DataState
        loading={(years.loading || figures.loading) && !layout}
        error={years.error ?? figures.error}
        empty={false}
        onRetry={() => void refetchQuietly(figures.refetch)}
      >
        {layout ? <BriefingSections layout={layout} /> : <p className="muted">{t.briefingPage.loading}</p>}
      </DataState>
      <MyBriefings region={region} />
    </div>
  );
}

type Progress =
  | { state: "idle" }
  | { state: "making"; step: string }
  | { state: "made"; url: string; pages: number; millis: number }
  | { state: "failed"; message: string };

/** Asks the server for the PDF, showing each step as the answer streams, then links to the file. */
function MakePdf({ regionCode, month, approvedOnly }: { regionCode: string; month: string; approvedOnly: boolean }) {
  const { t, locale } = useAppLocale();
  const client = useApolloClient();
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const steps: Record<string, string> = t.briefing.making;
  const make = async () => {
    setProgress({ state: "making", step: steps.figures ?? "" });
    try {
      const response = await fetch("/api/briefings", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept-Language": locale },
        body: JSON.stringify({ regionCode, month, figures: approvedOnly ? "approved" : "all" }),
      });
      if (!response.body) throw new Error(`HTTP ${response.status}`);
      if (!response.ok) {
        const refusal = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(refusal?.error?.message ?? `HTTP ${response.status}`);
      }
      for await (const line of readNdjson<{
        type: string;
        step?: string;
        briefing?: { url: string; pages: number; millis: number };
        error?: { message: string };
      }>(response.body)) {
        if (line.type === "progress" && line.step) setProgress({ state: "making", step: steps[line.step] ?? line.step });
        if (line.type === "result" && line.briefing) {
          setProgress({ state: "made", ...line.briefing });
          // The new file heads the reader's list.
          void client.refetchQueries({ include: [MyBriefingsDocument] });
        }
        if (line.type === "error") throw new Error(line.error?.message ?? t.briefingPage.failed);
      }
    } catch (error) {
      setProgress({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="briefing-page__pdf" aria-live="polite">
      <button type="button" onClick={() => void make()} disabled={progress.state === "making"}>
        {progress.state === "making" ? t.briefingPage.making : t.briefingPage.makePdf}
      </button>
      {progress.state === "making" && <span className="muted">{progress.step}…</span>}
      {progress.state === "made" && (
        <>
          <span className="muted">
            {t.briefingPage.made({ pages: progress.pages, seconds: (progress.millis / 1000).toFixed(1) })}
          </span>{" "}
          <a href={progress.url} target="_blank" rel="noopener" className="briefing-page__open">
            {t.briefingPage.openPdf}
          </a>
        </>
      )}
      {progress.state === "failed" && (
        <span role="alert" className="briefing-page__failed">
          {t.briefingPage.failed}
          {locale === "en" ? ": " : "："}
          {progress.message}
        </span>
      )}
    </span>
  );
}

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

function MyBriefings({ region }: { region: ScopedRegion }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const { data, loading, error, refetch } = useQuery(MyBriefingsDocument, { fetchPolicy: "cache-and-network" });
  const [subscribe] = useMutation(SubscribeToBriefingDocument);
  const [cancel] = useMutation(CancelBriefingSubscriptionDocument);
  const again = () => refetchQuietly(refetch);
  const when = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
  return (
    <div className="briefing-page__mine">
      <section className="panel">
        <h2>{t.briefingPage.mine}</h2>
        <DataTable
          caption={t.briefingPage.mine}
          rows={data?.myBriefings ?? []}
          rowKey={(row) => String(row.number)}
          loading={loading && !data}
          error={error}
          onRetry={again}
          emptyText={t.briefingPage.mineEmpty}
          columns={[
            { key: "madeAt", header: t.briefingPage.madeAt, value: (row) => when(row.madeAt) },
            { key: "region", header: t.briefingPage.region, value: (row) => name(row.region) },
            {
              key: "month",
              header: t.briefingPage.month,
              value: (row) => {
                const [y, m] = row.month.split("-").map(Number) as [number, number];
                return t.briefing.month({ year: y, month: m });
              },
            },
            {
              key: "figures",
              header: t.briefingPage.figures,
              value: (row) => (row.approvedOnly ? t.briefingPage.approvedOnly : t.briefingPage.allFigures),
            },
            {
              key: "how",
              header: t.briefingPage.how,
              value: (row) => (row.scheduled ? t.briefingPage.scheduled : t.briefingPage.requested),
            },
            { key: "pages", header: t.briefingPage.pages, value: (row) => row.pages, numeric: true },
            {
              key: "download",
              header: t.briefingPage.download,
              value: () => "",
              render: (row) => (
                <a href={row.url} target="_blank" rel="noopener">
                  {t.briefingPage.download}
                </a>
              ),
            },
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t.briefingPage.weekly}</h2>
        <p className="muted">{t.briefingPage.weeklyIntro}</p>
        {(data?.myBriefingSubscriptions ?? []).length > 0 && (
          <ul className="briefing-page__subscriptions">
            {data!.myBriefingSubscriptions.map((s) => (
              <li key={s.number}>
                {name(s.region)} · {t.briefingPage.weekdays[String(s.weekday) as (typeof WEEKDAYS)[number]]} {s.time} ·{" "}
                {s.approvedOnly ? t.briefingPage.approvedOnly : t.briefingPage.allFigures} ·{" "}
                <span className="muted">{t.briefingPage.nextRun({ at: when(s.nextRunAt) })}</span>{" "}
                <button
                  type="button"
                  onClick={async () => {
                    await cancel({ variables: { number: s.number, idempotencyKey: crypto.randomUUID() } });
                    again();
                  }}
                >
                  {t.briefingPage.cancel}
                </button>
              </li>
            ))}
          </ul>
        )}
        <EntryForm
          id="subscribe-briefing"
          title={t.briefingPage.weekly}
          embedded
          fields={[
            {
              name: "weekday",
              label: t.briefingPage.weekday,
              type: "select",
              defaultValue: "1",
              options: WEEKDAYS.map((value) => ({ value, label: t.briefingPage.weekdays[value] })),
            },
            { name: "time", label: t.briefingPage.time, defaultValue: "08:00", required: true, placeholder: "08:00" },
            {
              name: "approvedOnly",
              label: t.briefingPage.figures,
              type: "select",
              options: [
                { value: "", label: t.briefingPage.allFigures },
                { value: "yes", label: t.briefingPage.approvedOnly },
              ],
            },
          ]}
          submitLabel={t.briefingPage.subscribe}
          onSubmit={async (values, idempotencyKey) => {
            await subscribe({
              variables: {
                idempotencyKey,
                regionCode: region.code,
                weekday: Number(values.weekday ?? "1"),
                time: values.time ?? "",
                approvedOnly: values.approvedOnly === "yes",
              },
            });
            again();
            return `${t.briefingPage.subscribed}${locale === "en" ? "" : "。"}`;
          }}
        />
      </section>
    </div>
  );
}
