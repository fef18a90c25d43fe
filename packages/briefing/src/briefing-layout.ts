import {
  alertMessages,
  briefingMessages,
  type Locale,
  localize,
  pillarLabels,
  projectStatusLabels,
  sourceTypeLabels,
  taskStatusLabels,
} from "@revita/messages";
import type { BriefingQuery } from "@revita/schema/operations";
import { groupedYuan, percentText, signedChange } from "./figures.js";

export type BriefingRegion = NonNullable<BriefingQuery["region"]>;

/** A traffic light: the indicator table's colours, and the alerts' severities. */
export type Light = "GREEN" | "AMBER" | "RED" | "NONE";

export interface Cell {
  text: string;
  light?: Light;
  /** A row under another (a phase under its project): drawn indented. */
  indent?: boolean;
  bold?: boolean;
}

export interface Column {
  label: string;
  align: "left" | "right";
  /** Its share of the table's width. */
  width: number;
}

/** A horizontal bar per row: completion rates, drawn as vectors in the PDF and as bars on screen. */
export interface Bar {
  label: string;
  /** 0–100. */
  percent: number;
  text: string;
}

export interface Section {
  id: string;
  title: string;
  /** Key figures as cards: a label, the figure, a line under it. */
  cards?: { label: string; value: string; detail: string }[];
  /** Lines of text before the table (rules, the last meeting). */
  lines?: string[];
  columns?: Column[];
  rows?: Cell[][];
  bars?: Bar[];
  /** Said when the table has no rows. */
  empty?: string;
  /** Said under the table (what was left out). */
  footnote?: string;
}

export interface BriefingLayout {
  title: string;
  /** Region code, when made, which figures, the money unit. */
  meta: string[];
  sections: Section[];
}

export interface LayoutOptions {
  locale: Locale;
  /** YYYY-MM. */
  month: string;
  approvedOnly: boolean;
  madeAt: Date;
  /** The year the funds section shows (the month's, or the latest before it with funds). */
  fundYear: number;
  /** The year the indicators and their reporting show. */
  indicatorYear: number;
}

/** "name（code）" on a Chinese page, "name (code)" on an English one. */
const bracketed = (text: string, inside: string, locale: Locale) =>
  locale === "en" ? `${text} (${inside})` : `${text}（${inside}）`;

const cell = (text: string, extra: Omit<Cell, "text"> = {}): Cell => ({ text, ...extra });

/** China time, to the minute: "2026-12-01 20:30". */
export function chinaMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * The briefing laid out: what the region's leaders read at the dispatch meeting, section by section,
 * from the briefing query's answer. Every figure is the API's, written once here (money in yuan
 * with digit grouping, one unit for the whole briefing) so that the PDF and the print layout agree.
 */
export function briefingLayout(data: BriefingQuery, options: LayoutOptions): BriefingLayout {
  const region = data.region;
  if (!region) throw new Error("the briefing's region was not found");
  const t = localize(briefingMessages, options.locale);
  const en = options.locale === "en";
  const name = (zh: string, english: string | null | undefined) => (en && english ? english : zh);
  const [year, monthNumber] = options.month.split("-").map(Number) as [number, number];
  const monthText = t.month({ year, month: monthNumber });
  const regionName = name(region.nameZh, region.nameEn);
  const path = region.ancestors
    .filter((a) => a.code !== region.code)
    .map((a) => name(a.nameZh, a.nameEn))
    .join(en ? " › " : "");
  const meta = [
    t.regionCode({ code: region.code }) + (path ? (en ? ` · ${path}` : `　${path}`) : ""),
    t.madeAt({ at: chinaMinute(options.madeAt) }),
    options.approvedOnly ? t.figuresApproved : t.figuresAll,
    t.moneyUnit,
  ];
  return {
    title: t.title({ region: regionName, month: monthText }),
    meta,
    sections: [
      keyFigures(region, t),
      attention(region, t, options.locale, name),
      investmentTable("byChild", t.sections.byChild, region.byChild, t, name, t.ownProjects),
      investmentTable("byCategory", t.sections.byCategory, region.byCategory, t, name, t.noFigure),
      largest(data, t, options.locale, name),
      funds(region, t, options.locale, options.fundYear),
      indicators(region, t, options.locale, name, options.indicatorYear),
      reporting(region, t, monthText, String(options.indicatorYear), name),
      tasks(region, t, options.locale),
    ],
  };
}

type T = ReturnType<typeof localize<typeof briefingMessages>>;
type Name = (zh: string, english: string | null | undefined) => string;

function sum(values: readonly string[]): number {
  return values.reduce((total, value) => total + Number(value), 0);
}

function keyFigures(region: BriefingRegion, t: T): Section {
  const projects = region.byStatus.reduce((total, group) => total + group.projectCount, 0);
  const underWay = region.byStatus
    .filter((group) => group.key === "STARTED" || group.key === "IN_PROGRESS")
    .reduce((total, group) => total + group.projectCount, 0);
  const plannedTotal = sum(region.byCategory.map((g) => g.plannedInvestment));
  const completedTotal = sum(region.byCategory.map((g) => g.completedInvestment));
  const yoy = region.investmentYearOnYear;
  const funds = region.fundsYearOnYear;
  const red = region.alerts.counts.filter((c) => c.severity === "RED").reduce((n, c) => n + c.count, 0);
  const amber = region.alerts.counts.filter((c) => c.severity === "AMBER").reduce((n, c) => n + c.count, 0);
  const reporting = region.progressReporting;
  const openTasks = region.openTasks.edges.map((edge) => edge.node);
  const change = (now: string, before: string | null | undefined) => {
    const text = signedChange(now, before);
    return text ? t.key.onLastYear({ change: text }) : t.key.noLastYear;
  };
  return {
    id: "keyFigures",
    title: t.sections.keyFigures,
    cards: [
      { label: t.key.projects, value: String(projects), detail: t.key.underWay({ count: underWay }) },
      {
        label: t.key.completionRate,
        value: plannedTotal > 0 ? percentText(((completedTotal * 100) / plannedTotal).toFixed(2)) : t.noFigure,
        detail: `${t.key.planned} ${groupedYuan(plannedTotal.toFixed(2))}`,
      },
      {
        label: t.key.completed,
        value: groupedYuan(yoy.completed),
        detail: t.key.asOf({ date: yoy.asOf, change: change(yoy.completed, yoy.completedYearBefore) }),
      },
      {
        label: t.key.disbursed,
        value: groupedYuan(funds.disbursed),
        detail: t.key.asOf({ date: funds.asOf, change: change(funds.disbursed, funds.disbursedYearBefore) }),
      },
      { label: t.key.alerts, value: String(region.alerts.totalCount), detail: t.key.alertCounts({ red, amber }) },
      {
        label: t.key.reportingRate,
        value: reporting.reportingRate ? percentText(reporting.reportingRate) : t.noFigure,
        detail: `${reporting.received} / ${reporting.expected}`,
      },
      {
        label: t.key.openTasks,
        value: String(region.openTasks.totalCount),
        detail: t.key.overdueTasks({ count: openTasks.filter((task) => task.overdueDays !== null).length }),
      },
    ],
  };
}

function attention(region: BriefingRegion, t: T, locale: Locale, name: Name): Section {
  const rules = localize(alertMessages.rules, locale);
  const shown = region.alerts.items;
  const more = region.alerts.totalCount - shown.length;
  return {
    id: "attention",
    title: t.sections.attention,
    columns: [
      { label: t.columns.severity, align: "left", width: 0.6 },
      { label: t.columns.rule, align: "left", width: 1.5 },
      { label: t.columns.subject, align: "left", width: 2.4 },
      { label: t.columns.area, align: "left", width: 1.2 },
      { label: t.columns.what, align: "left", width: 3.3 },
    ],
    rows: shown.map((alert) => [
      cell(t.severity[alert.severity], { light: alert.severity }),
      cell(rules[alert.rule]),
      cell(bracketed(name(alert.subject.nameZh, alert.subject.nameEn), alert.subject.code, locale)),
      cell(name(alert.region.nameZh, alert.region.nameEn)),
      cell(alert.responsibleUnit ? `${alert.summary}${locale === "en" ? "; " : "；"}${alert.responsibleUnit}` : alert.summary),
    ]),
    empty: t.none,
    ...(more > 0 ? { footnote: t.more({ count: more }) } : {}),
  };
}

function investmentTable(
  id: string,
  title: string,
  groups: BriefingRegion["byChild"],
  t: T,
  name: Name,
  unnamed: string,
): Section {
  const rows = groups.filter((group) => group.projectCount > 0);
  const label = (group: (typeof rows)[number]) => (group.label ? name(group.label, group.labelEn) : unnamed);
  return {
    id,
    title,
    columns: [
      { label: t.columns.name, align: "left", width: 2.2 },
      { label: t.columns.projects, align: "right", width: 0.8 },
      { label: t.columns.planned, align: "right", width: 2 },
      { label: t.columns.completed, align: "right", width: 2 },
      { label: t.columns.rate, align: "right", width: 1 },
    ],
    rows: rows.map((group) => [
      cell(label(group)),
      cell(String(group.projectCount)),
      cell(groupedYuan(group.plannedInvestment)),
      cell(groupedYuan(group.completedInvestment)),
      cell(group.completionRate ? percentText(group.completionRate) : t.noFigure),
    ]),
    bars: rows
      .filter((group) => group.completionRate !== null)
      .map((group) => ({
        label: label(group),
        percent: Math.max(0, Math.min(100, Number(group.completionRate))),
        text: percentText(group.completionRate!),
      })),
    empty: t.none,
  };
}

function largest(data: BriefingQuery, t: T, locale: Locale, name: Name): Section {
  const statuses = localize(projectStatusLabels, locale);
  const rows: Cell[][] = [];
  for (const { node: project } of data.largest.edges) {
    const rate = project.standing.completionRate;
    rows.push([
      cell(project.code),
      cell(name(project.nameZh, project.nameEn), { bold: true }),
      cell(groupedYuan(project.totalInvestment)),
      cell(project.standing.completedInvestment ? groupedYuan(project.standing.completedInvestment) : t.noFigure),
      cell(rate ? percentText(rate) : t.noFigure),
      cell(
        project.standing.behindSchedule
          ? bracketed(statuses[project.status as keyof typeof statuses], t.behind, locale)
          : statuses[project.status as keyof typeof statuses],
        project.standing.behindSchedule ? { light: "RED" } : {},
      ),
    ]);
    if (project.phases.length) {
      for (const phase of project.phases) {
        rows.push([
          cell(phase.code, { indent: true }),
          cell(`${t.phase({ number: phase.phaseNumber ?? 0 })} ${name(phase.nameZh, phase.nameEn)}`, { indent: true }),
          cell(groupedYuan(phase.totalInvestment)),
          cell(phase.standing.completedInvestment ? groupedYuan(phase.standing.completedInvestment) : t.noFigure),
          cell(phase.standing.completionRate ? percentText(phase.standing.completionRate) : t.noFigure),
          cell(phase.standing.behindSchedule ? t.behind : "", phase.standing.behindSchedule ? { light: "RED" } : {}),
        ]);
      }
      const planned = sum(project.phases.map((phase) => phase.totalInvestment));
      const completed = sum(project.phases.map((phase) => phase.standing.completedInvestment ?? "0"));
      rows.push([
        cell("", { indent: true }),
        cell(t.phasesTotal, { indent: true, bold: true }),
        cell(groupedYuan(planned.toFixed(2)), { bold: true }),
        cell(groupedYuan(completed.toFixed(2)), { bold: true }),
        cell(planned > 0 ? percentText(((completed * 100) / planned).toFixed(2)) : t.noFigure),
        cell(""),
      ]);
    }
  }
  return {
    id: "largest",
    title: t.sections.largest,
    columns: [
      { label: t.columns.code, align: "left", width: 1.4 },
      { label: t.columns.name, align: "left", width: 2.8 },
      { label: t.columns.total, align: "right", width: 1.7 },
      { label: t.columns.completed, align: "right", width: 1.7 },
      { label: t.columns.rate, align: "right", width: 0.9 },
      { label: t.columns.status, align: "left", width: 1 },
    ],
    rows,
    empty: t.none,
  };
}

function thresholds(region: BriefingRegion, rule: string): { amber: string; red: string } | undefined {
  const found = region.alertThresholds.find((threshold) => threshold.rule === rule);
  return found ? { amber: trim(found.amber), red: trim(found.red) } : undefined;
}

const trim = (decimal: string) => decimal.replace(/\.0+$|(\.\d*?)0+$/, "$1");

function funds(region: BriefingRegion, t: T, locale: Locale, year: number): Section {
  const sources = localize(sourceTypeLabels, locale);
  const industry = thresholds(region, "INDUSTRY_SHARE");
  const lag = thresholds(region, "DISBURSEMENT_LAG");
  const groups = region.fundsBySource.filter((group) => Number(group.fundAmount ?? 0) > 0 || Number(group.allocated) > 0);
  return {
    id: "funds",
    title: t.sections.funds,
    lines: [
      t.fundYear({ year }),
      ...(industry ? [t.rules.industryShare(industry)] : []),
      ...(lag ? [t.rules.disbursement(lag)] : []),
      t.rules.overAllocated,
    ],
    columns: [
      { label: t.columns.source, align: "left", width: 1.6 },
      { label: t.columns.fundAmount, align: "right", width: 1.8 },
      { label: t.columns.allocated, align: "right", width: 1.8 },
      { label: t.columns.disbursed, align: "right", width: 1.8 },
      { label: t.columns.disbursementRate, align: "right", width: 0.9 },
      { label: t.columns.industryShare, align: "right", width: 0.9 },
    ],
    rows: groups.map((group) => {
      const share = group.industryShare;
      const low = group.key === "CENTRAL_BRIDGING" && share !== null && industry && Number(share) < Number(industry.amber);
      return [
        cell(group.key && group.key in sources ? sources[group.key as keyof typeof sources] : (group.label ?? t.noFigure)),
        cell(group.fundAmount ? groupedYuan(group.fundAmount) : t.noFigure),
        cell(groupedYuan(group.allocated)),
        cell(groupedYuan(group.disbursed)),
        cell(group.disbursementRate ? percentText(group.disbursementRate) : t.noFigure),
        cell(
          share ? percentText(share) : t.noFigure,
          low ? { light: Number(share) < Number(industry.red) ? "RED" : "AMBER" } : {},
        ),
      ];
    }),
    empty: t.none,
  };
}

function indicators(region: BriefingRegion, t: T, locale: Locale, name: Name, year: number): Section {
  const pillars = localize(pillarLabels, locale);
  const offTarget = thresholds(region, "INDICATOR_OFF_TARGET");
  const rows: Cell[][] = [];
  for (const pillar of region.scorecard) {
    if (!pillar.entries.length) continue;
    rows.push([
      cell(pillars[pillar.pillar as keyof typeof pillars], { bold: true }),
      cell(""),
      cell(""),
      cell(""),
      cell(`${pillar.onTarget} / ${pillar.withTarget}`),
    ]);
    for (const entry of pillar.entries) {
      const { value, target, percentOfTarget, onTarget } = entry.standing;
      const light: Light =
        target === null || onTarget === null
          ? "NONE"
          : onTarget
            ? "GREEN"
            : offTarget && percentOfTarget !== null && Number(percentOfTarget) >= Number(offTarget.red)
              ? "AMBER"
              : "RED";
      const unit = entry.unit === "%" ? "%" : ` ${entry.unit}`;
      rows.push([
        cell(name(entry.nameZh, entry.nameEn), { indent: true }),
        cell(value !== null ? `${trim(value)}${unit}` : t.noFigure),
        cell(target !== null ? `${trim(target)}${unit}` : t.noFigure),
        cell(percentOfTarget !== null ? percentText(percentOfTarget) : t.noFigure),
        cell(t.lights[light], { light }),
      ]);
    }
  }
  return {
    id: "indicators",
    title: t.sections.indicators,
    lines: [t.indicatorYear({ year })],
    columns: [
      { label: t.columns.indicator, align: "left", width: 3.4 },
      { label: t.columns.value, align: "right", width: 1.4 },
      { label: t.columns.target, align: "right", width: 1.4 },
      { label: t.columns.reached, align: "right", width: 1 },
      { label: t.columns.light, align: "left", width: 1 },
    ],
    rows,
    empty: t.none,
  };
}

function reporting(region: BriefingRegion, t: T, monthText: string, year: string, name: Name): Section {
  const monthly = region.progressReporting;
  const yearly = region.indicatorReporting;
  /** A line of counts: expected, received, on time, missing (amber when any is), the rate. */
  const row = (
    first: Cell,
    counts: { expected: number; received: number; onTime: number; missing: number; reportingRate: string | null },
  ): Cell[] => [
    first,
    cell(String(counts.expected)),
    cell(String(counts.received)),
    cell(String(counts.onTime)),
    cell(String(counts.missing), counts.missing ? { light: "AMBER" } : {}),
    cell(counts.reportingRate ? percentText(counts.reportingRate) : t.noFigure),
  ];
  return {
    id: "reporting",
    title: t.sections.reporting,
    columns: [
      { label: t.columns.name, align: "left", width: 2.6 },
      { label: t.columns.expected, align: "right", width: 0.9 },
      { label: t.columns.received, align: "right", width: 0.9 },
      { label: t.columns.onTime, align: "right", width: 0.9 },
      { label: t.columns.missing, align: "right", width: 0.9 },
      { label: t.columns.rate, align: "right", width: 1 },
    ],
    rows: [
      row(cell(t.reportingMonth({ month: monthText }), { bold: true }), monthly),
      ...monthly.groups
        .filter((group) => group.expected > 0)
        .map((group) => row(cell(group.label ? name(group.label, group.labelEn) : t.ownProjects, { indent: true }), group)),
      row(cell(t.reportingYear({ year }), { bold: true }), yearly),
    ],
  };
}

function tasks(region: BriefingRegion, t: T, locale: Locale): Section {
  const statuses = localize(taskStatusLabels, locale);
  const [latest] = region.dispatchMeetings;
  const open = region.openTasks.edges.map((edge) => edge.node);
  const since = latest?.heldOn ?? null;
  const more = region.openTasks.totalCount - open.length;
  return {
    id: "tasks",
    title: t.sections.tasks,
    lines: [latest ? t.sinceMeeting({ meeting: latest.title, date: latest.heldOn }) : t.noMeetingYet],
    columns: [
      { label: t.columns.task, align: "left", width: 2.8 },
      { label: t.columns.unit, align: "left", width: 1.5 },
      { label: t.columns.due, align: "left", width: 1.1 },
      { label: t.columns.status, align: "left", width: 1.1 },
      { label: t.columns.changes, align: "left", width: 3 },
    ],
    rows: open.map((task) => {
      const news = task.notes.filter((note) => !since || note.notedOn > since);
      return [
        cell(`${task.number}. ${task.title}`),
        cell(`${task.unit.name}${locale === "en" ? ", " : "，"}${task.lead}`),
        cell(task.dueOn),
        cell(
          task.overdueDays !== null
            ? `${statuses[task.status]}${locale === "en" ? ", " : "，"}${t.overdueDays({ days: task.overdueDays })}`
            : statuses[task.status],
          task.overdueDays !== null ? { light: "RED" } : task.status === "DONE" ? { light: "GREEN" } : {},
        ),
        cell(news.length ? news.map((note) => `${note.notedOn} ${note.text}`).join("\n") : t.noChange),
      ];
    }),
    empty: t.none,
    ...(more > 0 ? { footnote: t.more({ count: more }) } : {}),
  };
}
