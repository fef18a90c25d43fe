import { useQuery } from "@apollo/client/react";
import { alertSummary } from "@revita/messages";
import { DataState } from "@revita/ui/components/data-state";
import { formatMoney } from "@revita/ui/format/money";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { useState } from "react";
import { AttentionDocument, type AttentionQueryVariables } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { type AlertItem, type AttentionEntry, attentionGroups, figuresOf, type RuleGroup } from "./attention-groups.js";
import "./attention-list.css";

/** How many alerts of a rule show before "还有 N 项". */
const SHOWN_PER_RULE = 3;

/**
 * What needs a decision in a region and below, red before amber, each rule a card: the top of the
 * overview, and (with `rules`) of the pages where those subjects live. Each alert names its
 * subject with a link to it, says what its figures are in a sentence, and where and since when.
 */
export function AttentionList({
  place,
  regionCode,
  rules,
  subjectCode,
  title,
  quietWhenNone = false,
}: {
  place: Place;
  regionCode: string;
  rules?: AttentionQueryVariables["rules"];
  /** Only about this project (with its phases), fund or indicator. */
  subjectCode?: string;
  title?: string;
  /** On a page about something else first (a project, funds), say nothing when nothing is raised. */
  quietWhenNone?: boolean;
}) {
  const { t, locale } = useAppLocale();
  const { data, loading, error, refetch } = useQuery(AttentionDocument, {
    variables: { code: regionCode, rules: rules ?? null, subjectCode: subjectCode ?? null, first: 100 },
  });
  const alerts = data?.region?.alerts;
  const groups = alerts ? attentionGroups(alerts.items, alerts.counts) : [];
  const count = (severity: "RED" | "AMBER") =>
    alerts?.counts.filter((c) => c.severity === severity).reduce((sum, c) => sum + c.count, 0) ?? 0;
  const listed = alerts?.items.length ?? 0;
  if (quietWhenNone && (!alerts || groups.length === 0) && !error) return null;

  return (
    <section className="panel attention" aria-labelledby="attention-title">
      <div className="panel__header">
        <h2 id="attention-title">{title ?? t.attention.title}</h2>
        {alerts && (
          <p className="attention__counts">
            <span className="attention__count attention__count--red">
              {t.attention.counts({ red: count("RED"), amber: count("AMBER") })}
            </span>{" "}
            <span className="muted">
              {(subjectCode ? t.attention.asOfDay : t.attention.asOf)({ date: formatDate(alerts.asOf, { locale }) })}
            </span>
          </p>
        )}
      </div>
      <DataState
        loading={loading && !data}
        error={error}
        empty={groups.length === 0}
        emptyText={t.attention.none}
        onRetry={() => void refetch()}
      >
        <div className="attention__groups">
          {groups.map((group) => (
            <RuleCard key={`${group.severity} ${group.rule}`} group={group} place={place} />
          ))}
        </div>
        {alerts && alerts.totalCount > listed && (
          <p className="muted">{t.attention.pastPage({ count: alerts.totalCount - listed })}</p>
        )}
      </DataState>
    </section>
  );
}

function RuleCard({ group, place }: { group: RuleGroup; place: Place }) {
  const { t } = useAppLocale();
  const [open, setOpen] = useState(false);
  const shown = open ? group.entries : group.entries.slice(0, SHOWN_PER_RULE);
  const hidden = group.count - shown.length;
  const severity = group.severity === "RED" ? "red" : "amber";
  return (
    <article
      className={`attention__card attention__card--${severity}`}
      aria-label={`${t.alerts.severity[group.severity]} ${t.alerts.rules[group.rule]}`}
    >
      <h3>
        <span className={`attention__dot attention__dot--${severity}`} aria-hidden="true" />
        {t.alerts.rules[group.rule]} <span className="attention__card-count">{group.count}</span>
        <span className="revita-sr-only">{t.alerts.severity[group.severity]}</span>
      </h3>
      <ul>
        {shown.map((entry) => (
          <Entry key={`${entry.alert.subject.kind} ${entry.alert.subject.code}`} entry={entry} place={place} />
        ))}
      </ul>
      {(hidden > 0 || open) && group.entries.length > SHOWN_PER_RULE && (
        <button type="button" className="attention__more" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t.attention.fewer : t.attention.more({ count: group.entries.length - SHOWN_PER_RULE })}
        </button>
      )}
    </article>
  );
}

function Entry({ entry, place }: { entry: AttentionEntry; place: Place }) {
  const { t, locale } = useAppLocale();
  const { alert } = entry;
  const regionName = locale === "en" ? alert.region.nameEn : alert.region.nameZh;
  const where = [alert.subject.kind === "REGION" ? null : regionName, alert.responsibleUnit].filter(Boolean).join(" · ");
  return (
    <li className="attention__item">
      <PlaceLink place={subjectPlace(place, alert)} className="attention__subject">
        {subjectName(alert, locale)}
      </PlaceLink>
      <span className="attention__summary">{summaryOf(alert, locale)}</span>
      {(where || alert.since) && (
        <span className="attention__meta muted">
          {where}
          {where && alert.since ? " · " : ""}
          {alert.since ? t.attention.since({ date: formatDate(alert.since, { locale }) }) : ""}
        </span>
      )}
      {entry.phases.length > 0 && (
        <ul className="attention__phases">
          {entry.phases.map((phase) => (
            <li
              key={phase.subject.code}
              className={`attention__phase attention__phase--${phase.severity === "RED" ? "red" : "amber"}`}
            >
              <span className="revita-sr-only">{t.alerts.severity[phase.severity]}</span>
              <PlaceLink place={subjectPlace(place, phase)}>{subjectName(phase, locale)}</PlaceLink>
              <span className="attention__summary">{summaryOf(phase, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function summaryOf(alert: AlertItem, locale: "zh-CN" | "en"): string {
  return alertSummary({ ...alert, figures: figuresOf(alert) }, locale, {
    money: (yuan) => formatMoney(yuan, { locale }),
    date: (iso) => formatDate(iso, { locale }),
    period: (key) => formatPeriod(key, { locale }),
  });
}

export function subjectName(alert: AlertItem, locale: "zh-CN" | "en"): string {
  return (locale === "en" && alert.subject.nameEn) || alert.subject.nameZh;
}

/** Where an alert's subject lives in the dashboard. */
function subjectPlace(from: Place, alert: AlertItem): Place {
  switch (alert.subject.kind) {
    case "PROJECT":
    case "PHASE":
      return pagePlace(from, "project", {}, alert.subject.code);
    case "FUND":
      return withParams(pagePlace(from, "funds"), { region: alert.region.code });
    case "INDICATOR":
      return withParams(pagePlace(from, "indicators", { indicator: alert.subject.code }), { region: alert.region.code });
    case "REGION":
      return withParams(pagePlace(from, "overview"), { region: alert.subject.code });
    case "NEED":
      return withParams(pagePlace(from, "community", { need: alert.subject.code }), {
        region: communityCodeOf(alert.region.code),
      });
    case "CASE":
      return withParams(pagePlace(from, "mediation", { case: alert.subject.code }), { region: alert.region.code });
    case "TOPIC":
      return withParams(pagePlace(from, "consultation", { topic: alert.subject.code }), {
        region: communityCodeOf(alert.region.code),
      });
    case "HOUSEHOLD":
      return withParams(pagePlace(from, "households", { household: alert.subject.code }), {
        region: communityCodeOf(alert.region.code),
      });
    case "INSPECTION":
      return withParams(pagePlace(from, "cleaning", { inspection: alert.subject.code }), { region: alert.region.code });
    case "TASK":
      return withParams(pagePlace(from, "dispatch", { task: alert.subject.code }), { region: alert.region.code });
  }
}

/** The village or community a region below it belongs to: the first 12 digits of its code. */
function communityCodeOf(code: string): string {
  return code.slice(0, 12);
}
