import type { Period } from "@revita/schema/period";
import { THRESHOLD_AMBER, thresholdJoin, thresholdTables } from "../alerts/alerts.service.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

export type ReportingGroupBy = "CHILD_REGION" | "IMPLEMENTING_UNIT";

export interface ReportingCounts {
  /** Monthly reports expected: one a month from each reporting project (a project without phases, or a phase) under way. */
  expected: number;
  received: number;
  /** Received by the due day (the region's REPORT_MISSING amber threshold, the 10th of the next month by default). */
  onTime: number;
  late: number;
  missing: number;
}

export interface MissingReport {
  projectCode: string;
  nameZh: string;
  nameEn: string | null;
  /** The month not reported, 2026-10. */
  period: string;
  /** The end of the project's latest report, if it ever reported. */
  lastReport: Date | null;
}

export interface ReportingGroup extends ReportingCounts {
  /** The child region's code or the implementing unit's id; null for the region's own projects (or those without a unit). */
  key: string | null;
  label: string | null;
  labelEn: string | null;
  /** The first 20 missing reports, oldest month first. */
  missingReports: MissingReport[];
}

/** What both reporting statements return per group: the counts, and what is missing as JSON. */
interface ReportingRow {
  key: string | null;
  label: string | null;
  label_en: string | null;
  expected: bigint;
  received: bigint;
  on_time: bigint;
  missing: Prisma.JsonValue;
}

export interface ProgressReporting extends ReportingCounts {
  groups: ReportingGroup[];
}

/**
 * Reporting completeness and timeliness of monthly progress (DHIS2's reporting rate and on-time
 * rate): for each month of the period, every project or phase that reports (no phases of its
 * own) and was under way that month — started by its end, not finished before its start — is
 * expected to report; a report counts as received if one covers the month, and on time if it was
 * first made by the due day. Grouped by the child region or the implementing unit, in one SQL
 * statement; row-level security decides which projects count.
 */
export async function progressReporting(
  db: DbClient,
  regionId: number,
  period: Period,
  groupBy: ReportingGroupBy,
): Promise<ProgressReporting> {
  const rows = await db.$queryRaw<ReportingRow[]>`
    WITH ${thresholdTables()},
    months AS (
      SELECT m::date AS start, (m + interval '1 month' - interval '1 day')::date AS finish
        FROM generate_series(${period.start}::date, ${period.end}::date, interval '1 month') m
    ),
    reporters AS (
      SELECT p.id, p.code, p.name_zh, p.name_en, p.implementing_unit_id, r.path,
             r.path[array_position(r.path, ${regionId}::int) + 1] AS child_id,
             coalesce(p.actual_start, p.planned_start) AS started,
             coalesce(p.actual_finish, CASE WHEN p.status IN ('COMPLETED', 'ACCEPTED') THEN p.planned_finish END) AS finished,
             (${THRESHOLD_AMBER})::int AS due_days
        FROM project p
        JOIN region r ON r.id = p.region_id
        ${thresholdJoin(Prisma.sql`'REPORT_MISSING'`, Prisma.sql`r.id`)}
       WHERE r.path @> ARRAY[${regionId}::int] AND p.status <> 'PLANNED'
         AND NOT EXISTS (SELECT 1 FROM project c WHERE c.parent_id = p.id)
    ),
    expected AS (
      SELECT e.*, m.start, m.finish, first_report.at AS reported_at
        FROM reporters e
        JOIN months m ON e.started <= m.finish AND (e.finished IS NULL OR e.finished >= m.start)
        LEFT JOIN LATERAL (
          -- When the month was first reported: a correction moves reported_at, its earlier versions keep the first.
          SELECT least(min(pr.reported_at),
                       min((SELECT min((sv.record ->> 'reported_at')::timestamp) FROM superseded_version sv
                             WHERE sv.table_name = 'progress_report' AND sv.record_id = pr.id))) AS at
            FROM progress_report pr
           WHERE pr.project_id = e.id AND pr.period_start <= m.start AND pr.period_end >= m.finish
        ) first_report ON true
    ),
    grouped AS (
      SELECT ${groupBy === "CHILD_REGION" ? Prisma.sql`e.child_id::text` : Prisma.sql`e.implementing_unit_id::text`} AS key,
             count(*) AS expected,
             count(e.reported_at) AS received,
             -- reported_at is UTC; a due day is a day in China (UTC+8, no summer time).
             count(*) FILTER (WHERE (e.reported_at + interval '8 hours')::date <= e.finish + e.due_days) AS on_time,
             coalesce(jsonb_agg(jsonb_build_object('projectCode', e.code, 'nameZh', e.name_zh, 'nameEn', e.name_en,
                                                   'period', to_char(e.start, 'YYYY-MM'),
                                                   'lastReport', (SELECT max(pr.period_end) FROM progress_report pr WHERE pr.project_id = e.id AND pr.period_end < e.start)::text)
                                ORDER BY e.start, e.code) FILTER (WHERE e.reported_at IS NULL), '[]'::jsonb) AS missing
        FROM expected e
       GROUP BY 1
    )
    SELECT ${
      groupBy === "CHILD_REGION"
        ? Prisma.sql`child.code AS key, child.name_zh AS label, child.name_en AS label_en`
        : Prisma.sql`g.key, o.name AS label, NULL::text AS label_en`
    }, g.expected, g.received, g.on_time, g.missing
      FROM grouped g
      ${
        groupBy === "CHILD_REGION"
          ? Prisma.sql`LEFT JOIN region child ON child.id::text = g.key`
          : Prisma.sql`LEFT JOIN organization o ON o.id::text = g.key`
      }
     ORDER BY (g.expected - g.received) DESC, 1 NULLS FIRST`;
  const groups = rows.map(
    (row): ReportingGroup => ({
      key: row.key,
      label: row.label,
      labelEn: row.label_en,
      ...countsOf(row),
      missingReports: (row.missing as unknown as (Omit<MissingReport, "lastReport"> & { lastReport: string | null })[])
        .slice(0, 20)
        .map((m) => ({ ...m, lastReport: m.lastReport ? new Date(`${m.lastReport}T00:00:00Z`) : null })),
    }),
  );
  return { ...totalOf(groups), groups };
}

export interface MissingValue {
  indicatorCode: string;
  nameZh: string;
  nameEn: string;
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  /** The last period of the same kind the region reported the indicator for. */
  lastPeriod: string | null;
}

export interface IndicatorReportingGroup extends ReportingCounts {
  key: string | null;
  label: string | null;
  labelEn: string | null;
  missingValues: MissingValue[];
}

export interface IndicatorReporting extends ReportingCounts {
  groups: IndicatorReportingGroup[];
}

/**
 * Reporting of indicator values by their periodicity: for a period (a year, a quarter or a
 * month), every region of the subtree that reported an indicator for the period before (of the
 * same kind) is expected to report it for this one too (what it reports is what it is
 * assigned, as a DHIS2 data set would be); a value counts as on time if first entered by the
 * period's end plus the region's due days. Per region below, in one SQL statement.
 */
export async function indicatorReporting(db: DbClient, regionId: number, period: Period): Promise<IndicatorReporting> {
  // Expected is what was reported for the period before (of the same kind): a region that
  // stopped reporting an indicator years ago is no longer asked for it.
  const lookBack = period.type === "YEAR" ? "1 year" : period.type === "QUARTER" ? "3 months" : "1 month";
  const kind = period.type === "YEAR" ? "^\\d{4}$" : period.type === "QUARTER" ? "^\\d{4}Q[1-4]$" : "^\\d{4}-\\d{2}$";
  const rows = await db.$queryRaw<ReportingRow[]>`
    WITH ${thresholdTables()},
    assigned AS (
      SELECT v.indicator_id, v.region_id, max(v.period) FILTER (WHERE v.period_end < ${period.start}::date) AS last_period,
             bool_or(v.period = ${period.key}) AS received,
             min(v.reported_at) FILTER (WHERE v.period = ${period.key}) AS reported_at
        FROM indicator_value v JOIN region r ON r.id = v.region_id
       WHERE r.path @> ARRAY[${regionId}::int] AND v.period ~ ${kind}
         AND v.period_end <= ${period.end}::date AND v.period_end >= ${period.start}::date - ${lookBack}::interval
       GROUP BY v.indicator_id, v.region_id
    ),
    expected AS (
      SELECT a.*, r.code AS region_code, r.name_zh AS region_name_zh, r.name_en AS region_name_en, i.code AS indicator_code, i.name_zh, i.name_en,
             r.path[array_position(r.path, ${regionId}::int) + 1] AS child_id, (${THRESHOLD_AMBER})::int AS due_days
        FROM assigned a
        JOIN region r ON r.id = a.region_id
        JOIN indicator i ON i.id = a.indicator_id
        ${thresholdJoin(Prisma.sql`'REPORT_MISSING'`, Prisma.sql`r.id`)}
    ),
    grouped AS (
      SELECT child_id, count(*) AS expected, count(*) FILTER (WHERE received) AS received,
             count(*) FILTER (WHERE received AND (reported_at + interval '8 hours')::date <= ${period.end}::date + due_days) AS on_time,
             coalesce(jsonb_agg(jsonb_build_object('indicatorCode', indicator_code, 'nameZh', name_zh, 'nameEn', name_en,
                                                   'regionCode', region_code, 'regionNameZh', region_name_zh,
                                                   'regionNameEn', region_name_en, 'lastPeriod', last_period)
                                ORDER BY region_code, indicator_code) FILTER (WHERE NOT received), '[]'::jsonb) AS missing
        FROM expected GROUP BY child_id
    )
    SELECT child.code AS key, child.name_zh AS label, child.name_en AS label_en, g.expected, g.received, g.on_time, g.missing
      FROM grouped g LEFT JOIN region child ON child.id = g.child_id
     ORDER BY (g.expected - g.received) DESC, 1 NULLS FIRST`;
  const groups = rows.map(
    (row): IndicatorReportingGroup => ({
      key: row.key,
      label: row.label,
      labelEn: row.label_en,
      ...countsOf(row),
      missingValues: (row.missing as unknown as MissingValue[]).slice(0, 20),
    }),
  );
  return { ...totalOf(groups), groups };
}

/** A group's counts from the statement's row: what was late or is missing follows from the three counted. */
function countsOf(row: { expected: bigint; received: bigint; on_time: bigint }): ReportingCounts {
  const expected = Number(row.expected);
  const received = Number(row.received);
  const onTime = Number(row.on_time);
  return { expected, received, onTime, late: received - onTime, missing: expected - received };
}

/** The region's counts: its groups' added up. */
function totalOf(groups: readonly ReportingCounts[]): ReportingCounts {
  const sum = (pick: (g: ReportingCounts) => number) => groups.reduce((total, group) => total + pick(group), 0);
  return {
    expected: sum((g) => g.expected),
    received: sum((g) => g.received),
    onTime: sum((g) => g.onTime),
    late: sum((g) => g.late),
    missing: sum((g) => g.missing),
  };
}
