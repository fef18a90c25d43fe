import type { Figures } from "../access/scoped-client.js";
import type { DbClient } from "../db/database.js";
import { type AlertRule, Prisma } from "../generated/prisma/client.js";
import { keptRowsOf } from "../projects/kept-figures.js";
import { ALERT_RULE_ORDER, ALERT_RULES, type AlertSeverity } from "./alert-rules.js";

/**
 * What an alert is about. A phase is a project's part; REGION is a reporting unit (a town, a
 * village); NEED a claimed community need or micro-wish, CASE a mediation case (their codes are
 * their numbers).
 */
export type AlertSubjectKind =
  | "PROJECT"
  | "PHASE"
  | "FUND"
  | "INDICATOR"
  | "REGION"
  | "NEED"
  | "CASE"
  | "TOPIC"
  | "INSPECTION"
  | "HOUSEHOLD"
  | "TASK";

export interface Alert {
  rule: AlertRule;
  severity: AlertSeverity;
  subject: {
    kind: AlertSubjectKind;
    code: string;
    nameZh: string;
    nameEn: string | null;
    /** For a phase, its project's code. */
    parentCode: string | null;
  };
  /** Where the subject sits: the project's, fund's or value's region, or the reporting unit itself. */
  region: { code: string; nameZh: string; nameEn: string };
  /** Who answers for it: a project's implementing unit where one is recorded. */
  responsibleUnit: string | null;
  /** What the rule measured, in its measure (points, days, percent), as exact decimal text with its scale ("36.00"). */
  value: string;
  /** The thresholds it was judged by (the region's own, or the default). */
  amber: string;
  red: string;
  /** The figures that raised it, by name: decimals and dates as text, counts as numbers. */
  figures: Record<string, string | number | null | string[]>;
  /** Since when it holds, where that is known: the figures' date, the planned finish, the due date. */
  since: Date | null;
}

export interface AlertList {
  asOf: Date;
  /** Every alert raised, whatever the page shows. */
  totalCount: number;
  counts: { rule: AlertRule; severity: AlertSeverity; count: number }[];
  /** The first alerts: red before amber, then by rule (ALERT_RULE_ORDER), the worst first. */
  items: Alert[];
}

export interface AlertQuery {
  regionId: number;
  asOf: Date;
  figures: Figures;
  first: number;
  rules?: readonly AlertRule[] | null;
  severity?: AlertSeverity | null;
  /** Only alerts about this subject (a project, fund, indicator or region code), a project's phases included. */
  subjectCode?: string | null;
}

/**
 * The alerts of a region and everything below it as of a day, in one SQL statement whatever the
 * region's size: each rule measures its subjects (projects and phases from the kept figures,
 * funds with their allocations and payments, the latest indicator values with a target, the
 * reporting units' monthly reports), each measure is judged by the thresholds of the subject's
 * own region (its nearest override, else the default), and only what is raised comes back.
 * Row-level security applies as to every read: an alert about what the reader may not see is
 * never raised for them.
 */
export async function regionAlerts(db: DbClient, query: AlertQuery): Promise<AlertList> {
  const asOf = query.asOf.toISOString().slice(0, 10);
  const rules = query.rules?.length ? query.rules : ALERT_RULE_ORDER;
  const [row] = await db.$queryRaw<
    { items: RawAlert[]; counts: { rule: AlertRule; severity: AlertSeverity; count: number }[] }[]
  >`
    WITH ${thresholdTables()},
    scope AS MATERIALIZED (SELECT id, path FROM region WHERE path @> ARRAY[${query.regionId}::int]),
    projects AS MATERIALIZED (
      SELECT p.id, p.code, p.name_zh, p.name_en, p.parent_id, p.status::text AS status, p.total_investment,
             p.planned_start, p.planned_finish, coalesce(p.actual_start, p.planned_start) AS started,
             p.implementing_unit_id, p.region_id, s.path, f.completed_investment, f.physical_progress, f.as_of,
             p.status NOT IN ('COMPLETED', 'ACCEPTED') AS unfinished,
             EXISTS (SELECT 1 FROM project c WHERE c.parent_id = p.id) AS has_phases,
             CASE WHEN f.completed_investment IS NOT NULL AND p.total_investment > 0
                  THEN round(f.completed_investment * 100 / p.total_investment, 2) END AS completion_rate,
             CASE WHEN f.as_of IS NOT NULL AND p.planned_start IS NOT NULL AND p.planned_finish > p.planned_start
                  THEN round(least(1, greatest(0, (f.as_of - p.planned_start)::numeric / (p.planned_finish - p.planned_start))) * 100, 2)
             END AS elapsed
        FROM project p
        JOIN scope s ON s.id = p.region_id
        LEFT JOIN project_figures f ON f.project_id = p.id AND ${keptRowsOf(query.figures, "f")}
    ),
    -- What each project was allocated: a phase its own, a project with phases its own and its phases'.
    allocated AS (
      SELECT coalesce(p.parent_id, p.id) AS top_id, p.id AS project_id, sum(a.amount) AS amount, max(a.allocated_on) AS allocated_on
        FROM fund_allocation a JOIN projects p ON p.id = a.project_id
       GROUP BY p.id, p.parent_id
    ),
    allocated_to AS (
      SELECT project_id AS id, amount, allocated_on FROM allocated WHERE top_id <> project_id
      UNION ALL
      SELECT top_id, sum(amount), max(allocated_on) FROM allocated GROUP BY top_id
    ),
    -- Paid out per fund, in one pass (a subquery per fund re-read every payment under the policies).
    paid AS (
      SELECT a.fund_id, sum(d.amount) AS disbursed, max(d.paid_on) AS last_paid
        FROM disbursement d
        JOIN fund_allocation a ON a.id = d.allocation_id
        JOIN fund f ON f.id = a.fund_id
        JOIN scope s ON s.id = f.region_id
       GROUP BY a.fund_id
    ),
    funds AS (
      SELECT f.id, f.code, f.name_zh, f.source_type::text AS source_type, f.year, f.start_year, f.amount, f.region_id, s.path,
             coalesce(sum(a.amount), 0) AS allocated,
             coalesce(sum(a.amount) FILTER (WHERE c.is_industry), 0) AS industry,
             max(a.allocated_on) AS last_allocated,
             coalesce(max(paid.disbursed), 0) AS disbursed,
             max(paid.last_paid) AS last_paid
        FROM fund f
        JOIN scope s ON s.id = f.region_id
        LEFT JOIN paid ON paid.fund_id = f.id
        LEFT JOIN fund_allocation a ON a.fund_id = f.id
        LEFT JOIN project ap ON ap.id = a.project_id
        LEFT JOIN project_category c ON c.id = ap.category_id
       GROUP BY f.id, s.path
    ),
    latest_values AS (
      SELECT DISTINCT ON (v.indicator_id, v.region_id) v.indicator_id, v.region_id, s.path, v.period, v.period_end, v.value, v.target
        FROM indicator_value v JOIN scope s ON s.id = v.region_id
       WHERE v.target IS NOT NULL AND v.period_end <= ${asOf}::date
       ORDER BY v.indicator_id, v.region_id, v.period_end DESC
    ),
    reporters AS (
      SELECT p.*, ${THRESHOLD_AMBER} AS due_days,
             (date_trunc('month', ${asOf}::date - (${THRESHOLD_AMBER})::int) - interval '1 day')::date AS due_end
        FROM projects p
        ${thresholdJoin(Prisma.sql`'REPORT_MISSING'`, Prisma.sql`p.region_id`)}
       WHERE p.status IN ('STARTED', 'IN_PROGRESS') AND NOT p.has_phases AND p.started <= ${asOf}::date
    ),
    -- Claimed needs and wishes past their due date, with who claimed them: a unit answers for
    -- its own claims and its members' (a team's claim names the team).
    overdue_claims AS MATERIALIZED (
      SELECT n.id, n.title, n.kind::text AS kind, n.region_id, s.path, n.due_on, n.claimed_on, n.status::text AS status,
             coalesce(n.claimant_organization_id, m.organization_id) AS unit_id,
             coalesce(m.name, t.name, o.name) AS claimant
        FROM community_need n
        JOIN scope s ON s.id = n.region_id
        LEFT JOIN party_member m ON m.id = n.claimant_member_id
        LEFT JOIN volunteer_team t ON t.id = n.claimant_team_id
        LEFT JOIN organization o ON o.id = n.claimant_organization_id
       WHERE n.status IN ('CLAIMED', 'IN_PROGRESS') AND n.due_on < ${asOf}::date
    ),
    -- Settled mediation cases whose follow-up visit is overdue: the handling organisation answers.
    follow_ups_due AS MATERIALIZED (
      SELECT m.id, m.summary, m.type::text AS type, m.region_id, s.path, m.follow_up_due, m.settled_on, o.name AS organization
        FROM mediation_case m
        JOIN scope s ON s.id = m.region_id
        JOIN mediation_organization o ON o.id = m.organization_id
       WHERE m.status = 'SETTLED' AND m.follow_up_due < ${asOf}::date
    ),
    -- Consultation topics taken up whose answer is past its deadline: the community answers.
    answers_due AS MATERIALIZED (
      SELECT t.id, t.title, t.kind::text AS kind, t.region_id, s.path, t.answer_due, t.raised_on, t.raised_by
        FROM consultation_topic t
        JOIN scope s ON s.id = t.region_id
       WHERE t.status = 'TAKEN_UP' AND t.answer_due < ${asOf}::date
    ),
    -- Problems a cleaning inspection found, past their deadline and not confirmed fixed.
    rectifications_due AS MATERIALIZED (
      SELECT i.id, i.problems, i.region_id, s.path, i.problems_due, i.inspected_on, c.name AS campaign
        FROM cleaning_inspection i
        JOIN scope s ON s.id = i.region_id
        JOIN cleaning_campaign c ON c.id = i.campaign_id
       WHERE i.fixed_on IS NULL AND i.problems_due < ${asOf}::date
    ),
    -- Households still being identified past the 15 days, and monitored ones without a measure.
    identifications_due AS MATERIALIZED (
      SELECT h.id, h.head_name, h.type::text AS type, h.region_id, s.path, h.lead_on, h.last_step::text AS last_step
        FROM household h JOIN scope s ON s.id = h.region_id
       WHERE h.status = 'IDENTIFYING'
    ),
    unassisted AS MATERIALIZED (
      SELECT h.id, h.head_name, h.type::text AS type, h.region_id, s.path, h.confirmed_on, h.cadre_name
        FROM household h JOIN scope s ON s.id = h.region_id
       WHERE h.status IN ('MONITORED', 'ELIMINATING')
         AND NOT EXISTS (SELECT 1 FROM assistance_measure m WHERE m.household_id = h.id)
    ),
    -- Dispatch meetings' tasks past their due date and not reported done: the unit answers, and
    -- the alert sits in the unit's region so that its own list shows it.
    tasks_due AS MATERIALIZED (
      SELECT t.id, t.title, t.unit_id, t.unit_region_id AS region_id, s.path, t.due_on, t.status::text AS status,
             m.title AS meeting, m.held_on, o.name AS unit
        FROM dispatch_task t
        JOIN scope s ON s.id = t.unit_region_id
        JOIN dispatch_meeting m ON m.id = t.meeting_id
        JOIN organization o ON o.id = t.unit_id
       WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS', 'RETURNED') AND t.due_on < ${asOf}::date
    ),
    candidates (rule, kind, subject_id, code, name_zh, name_en, parent_id, region_id, path, unit_id, value, since, figures) AS (
      SELECT 'BEHIND_SCHEDULE', CASE WHEN parent_id IS NULL THEN 'PROJECT' ELSE 'PHASE' END, id, code, name_zh, name_en,
             parent_id, region_id, path, implementing_unit_id,
             elapsed - coalesce(physical_progress, completion_rate), as_of,
             jsonb_build_object('scheduleElapsed', elapsed::text, 'progress', coalesce(physical_progress, completion_rate)::text,
                                'asOf', as_of::text, 'plannedFinish', planned_finish::text)
        FROM projects WHERE unfinished AND elapsed IS NOT NULL AND coalesce(physical_progress, completion_rate) IS NOT NULL
      UNION ALL
      SELECT 'OVERDUE', CASE WHEN parent_id IS NULL THEN 'PROJECT' ELSE 'PHASE' END, id, code, name_zh, name_en,
             parent_id, region_id, path, implementing_unit_id, (${asOf}::date - planned_finish)::numeric, planned_finish,
             jsonb_build_object('plannedFinish', planned_finish::text, 'status', status,
                                'physicalProgress', physical_progress::text, 'asOf', as_of::text)
        FROM projects WHERE unfinished AND planned_finish < ${asOf}::date
      UNION ALL
      SELECT 'STALE', CASE WHEN parent_id IS NULL THEN 'PROJECT' ELSE 'PHASE' END, id, code, name_zh, name_en,
             parent_id, region_id, path, implementing_unit_id, (${asOf}::date - coalesce(as_of, started))::numeric,
             coalesce(as_of, started), jsonb_build_object('lastReport', as_of::text, 'started', started::text)
        FROM projects
       WHERE status IN ('STARTED', 'IN_PROGRESS') AND NOT has_phases AND started <= ${asOf}::date
      UNION ALL
      SELECT 'DIVERGENCE', CASE WHEN parent_id IS NULL THEN 'PROJECT' ELSE 'PHASE' END, id, code, name_zh, name_en,
             parent_id, region_id, path, implementing_unit_id, abs(completion_rate - physical_progress), as_of,
             jsonb_build_object('completionRate', completion_rate::text, 'physicalProgress', physical_progress::text,
                                'ahead', CASE WHEN completion_rate > physical_progress THEN 'FINANCIAL' ELSE 'PHYSICAL' END,
                                'asOf', as_of::text)
        FROM projects WHERE unfinished AND completion_rate IS NOT NULL AND physical_progress IS NOT NULL
      UNION ALL
      SELECT 'OVER_ALLOCATED', CASE WHEN p.parent_id IS NULL THEN 'PROJECT' ELSE 'PHASE' END, p.id, p.code, p.name_zh, p.name_en,
             p.parent_id, p.region_id, p.path, p.implementing_unit_id,
             round((a.allocated - p.total_investment) * 100 / p.total_investment, 2), a.last_allocated,
             jsonb_build_object('allocated', a.allocated::text, 'totalInvestment', p.total_investment::text)
        FROM projects p
        JOIN (SELECT id, amount AS allocated, allocated_on AS last_allocated FROM allocated_to) a
          ON a.id = p.id AND a.allocated > p.total_investment
       WHERE p.total_investment > 0
      UNION ALL
      SELECT 'INDUSTRY_SHARE', 'FUND', id, code, name_zh, NULL, NULL, region_id, path, NULL,
             round(industry * 100 / allocated, 2), last_allocated,
             jsonb_build_object('industryShare', round(industry * 100 / allocated, 2)::text, 'industry', industry::text,
                                'allocated', allocated::text, 'year', year)
        FROM funds WHERE source_type = 'CENTRAL_BRIDGING' AND allocated > 0
      UNION ALL
      SELECT 'DISBURSEMENT_LAG', 'FUND', id, code, name_zh, NULL, NULL, region_id, path, NULL, lag.elapsed - lag.paid,
             coalesce(last_paid, make_date(start_year, 1, 1)),
             jsonb_build_object('spanElapsed', lag.elapsed::text, 'disbursedShare', lag.paid::text, 'disbursed', disbursed::text,
                                'amount', amount::text, 'year', year, 'startYear', start_year)
        FROM funds
        CROSS JOIN LATERAL (
          SELECT round(least(1, (${asOf}::date - make_date(start_year, 1, 1) + 1)::numeric
                                / (make_date(year, 12, 31) - make_date(start_year, 1, 1) + 1)) * 100, 2) AS elapsed,
                 round(disbursed * 100 / amount, 2) AS paid
        ) lag
       WHERE amount > 0 AND make_date(start_year, 1, 1) <= ${asOf}::date
         AND source_type IN ('CENTRAL_BRIDGING', 'FISCAL_SPECIAL', 'INDUSTRY_SUBSIDY')
      UNION ALL
      SELECT 'INDICATOR_OFF_TARGET', 'INDICATOR', i.id, i.code, i.name_zh, i.name_en, NULL, v.region_id, v.path, NULL, share.reached,
             v.period_end,
             jsonb_build_object('value', v.value::text, 'target', v.target::text, 'period', v.period, 'unit', i.unit,
                                'direction', i.direction::text, 'reached', share.reached::text)
        FROM latest_values v
        JOIN indicator i ON i.id = v.indicator_id
        CROSS JOIN LATERAL (
          SELECT CASE WHEN i.direction = 'HIGHER_IS_BETTER'
                      THEN CASE WHEN v.target > 0 THEN round(v.value * 100 / v.target, 2) END
                      ELSE CASE WHEN v.value > 0 THEN round(v.target * 100 / v.value, 2) ELSE 100 END END AS reached
        ) share
       WHERE share.reached IS NOT NULL
      UNION ALL
      SELECT 'REPORT_MISSING', 'REGION', r.id, r.code, r.name_zh, r.name_en, NULL, r.id, r.path, NULL, m.days_late, m.due_end + m.amber::int,
             jsonb_build_object('period', to_char(m.due_end, 'YYYY-MM'), 'expected', m.expected, 'missing', m.missing,
                                'missingCodes', to_jsonb(m.codes))
        FROM (
          SELECT p.region_id, max(p.due_end) AS due_end, max(p.due_days) AS amber,
                 count(*) FILTER (WHERE p.started <= p.due_end) AS expected,
                 count(*) FILTER (WHERE p.started <= p.due_end AND coalesce(p.as_of, '-infinity') < p.due_end) AS missing,
                 max(${asOf}::date - (date_trunc('month', coalesce(p.as_of + 1, p.started)) + interval '1 month' - interval '1 day')::date)
                   FILTER (WHERE p.started <= p.due_end AND coalesce(p.as_of, '-infinity') < p.due_end) AS days_late,
                 (array_agg(p.code ORDER BY p.code)
                   FILTER (WHERE p.started <= p.due_end AND coalesce(p.as_of, '-infinity') < p.due_end))[1:10] AS codes
            FROM reporters p
           GROUP BY p.region_id
        ) m
        JOIN region r ON r.id = m.region_id
       WHERE m.missing > 0
      UNION ALL
      SELECT 'CLAIM_OVERDUE', 'NEED', id, id::text, title, NULL, NULL, region_id, path, unit_id,
             (${asOf}::date - due_on)::numeric, due_on,
             jsonb_build_object('needKind', kind, 'claimant', claimant, 'dueOn', due_on::text,
                                'claimedOn', claimed_on::text, 'status', status)
        FROM overdue_claims
      UNION ALL
      SELECT 'FOLLOW_UP_OVERDUE', 'CASE', id, id::text, summary, NULL, NULL, region_id, path, NULL,
             (${asOf}::date - follow_up_due)::numeric, follow_up_due,
             jsonb_build_object('followUpDue', follow_up_due::text, 'settledOn', settled_on::text,
                                'organization', organization, 'disputeType', type)
        FROM follow_ups_due
      UNION ALL
      SELECT 'ANSWER_OVERDUE', 'TOPIC', id, id::text, title, NULL, NULL, region_id, path, NULL,
             (${asOf}::date - answer_due)::numeric, answer_due,
             jsonb_build_object('answerDue', answer_due::text, 'raisedOn', raised_on::text, 'raisedBy', raised_by,
                                'topicKind', kind)
        FROM answers_due
      UNION ALL
      SELECT 'RECTIFICATION_OVERDUE', 'INSPECTION', id, id::text, left(problems, 200), NULL, NULL, region_id, path, NULL,
             (${asOf}::date - problems_due)::numeric, problems_due,
             jsonb_build_object('problemsDue', problems_due::text, 'inspectedOn', inspected_on::text, 'campaign', campaign)
        FROM rectifications_due
      UNION ALL
      SELECT 'IDENTIFICATION_OVERDUE', 'HOUSEHOLD', id, id::text, head_name, NULL, NULL, region_id, path, NULL,
             (${asOf}::date - lead_on)::numeric, lead_on,
             jsonb_build_object('leadOn', lead_on::text, 'lastStep', last_step, 'householdType', type)
        FROM identifications_due
      UNION ALL
      SELECT 'ASSISTANCE_MISSING', 'HOUSEHOLD', id, id::text, head_name, NULL, NULL, region_id, path, NULL,
             (${asOf}::date - confirmed_on)::numeric, confirmed_on,
             jsonb_build_object('confirmedOn', confirmed_on::text, 'cadre', coalesce(cadre_name, ''), 'householdType', type)
        FROM unassisted
      UNION ALL
      SELECT 'TASK_OVERDUE', 'TASK', id, id::text, title, NULL, NULL, region_id, path, unit_id,
             (${asOf}::date - due_on)::numeric, due_on,
             jsonb_build_object('dueOn', due_on::text, 'meeting', meeting, 'heldOn', held_on::text, 'unit', unit,
                                'status', status)
        FROM tasks_due
    ),
    judged AS (
      SELECT c.*, lim_d.priority, lim_d.less_is_worse, ${THRESHOLD_AMBER} AS amber, ${THRESHOLD_RED} AS red,
             CASE WHEN lim_d.less_is_worse
                  THEN CASE WHEN c.value < ${THRESHOLD_RED} THEN 'RED' WHEN c.value < ${THRESHOLD_AMBER} THEN 'AMBER' END
                  ELSE CASE WHEN c.value > ${THRESHOLD_RED} THEN 'RED' WHEN c.value > ${THRESHOLD_AMBER} THEN 'AMBER' END
             END AS severity
        FROM candidates c
        ${thresholdJoin(Prisma.sql`c.rule`, Prisma.sql`c.region_id`)}
    ),
    raised AS (SELECT * FROM judged WHERE severity IS NOT NULL),
    -- A phased project is behind when one of its phases is, even where the phases' weighted
    -- average hides it (phases 1 and 2 behind, phase 3 ahead).
    phases_behind AS (
      SELECT 'BEHIND_SCHEDULE' AS rule, 'PROJECT' AS kind, par.id AS subject_id, par.code, par.name_zh, par.name_en,
             NULL::int AS parent_id, par.region_id, par.path, par.implementing_unit_id AS unit_id, max(ph.value) AS value,
             min(ph.since) AS since,
             jsonb_build_object('phasesBehind', count(*), 'phases', (SELECT count(*) FROM project c WHERE c.parent_id = par.id),
                                'worstPhase', (array_agg(ph.code ORDER BY ph.value DESC))[1],
                                'scheduleElapsed', par.elapsed::text,
                                'progress', coalesce(par.physical_progress, par.completion_rate)::text) AS figures,
             min(ph.priority) AS priority, bool_and(ph.less_is_worse) AS less_is_worse, min(ph.amber) AS amber,
             min(ph.red) AS red, max(ph.severity) AS severity
        FROM raised ph JOIN projects par ON par.id = ph.parent_id
       WHERE ph.rule = 'BEHIND_SCHEDULE' AND ph.kind = 'PHASE'
         AND NOT EXISTS (SELECT 1 FROM raised own WHERE own.rule = 'BEHIND_SCHEDULE' AND own.subject_id = par.id AND own.kind = 'PROJECT')
       GROUP BY par.id, par.code, par.name_zh, par.name_en, par.region_id, par.path, par.implementing_unit_id, par.elapsed,
                par.physical_progress, par.completion_rate
    ),
    alerts AS (
      SELECT rule, kind, subject_id, code, name_zh, name_en, parent_id, region_id, path, unit_id, value, since, figures,
             priority, less_is_worse, amber, red, severity FROM raised
      UNION ALL
      SELECT rule, kind, subject_id, code, name_zh, name_en, parent_id, region_id, path, unit_id, value, since, figures,
             priority, less_is_worse, amber, red, severity FROM phases_behind
    ),
    chosen AS (
      SELECT * FROM alerts
       WHERE rule = ANY (${rules as string[]}::text[]) AND (${query.severity ?? null}::text IS NULL OR severity = ${query.severity ?? null}::text)
         AND (${query.subjectCode ?? null}::text IS NULL OR code = ${query.subjectCode ?? null}::text
              OR parent_id IN (SELECT id FROM project WHERE code = ${query.subjectCode ?? null}::text))
    ),
    page AS (
      SELECT * FROM chosen
       ORDER BY severity = 'AMBER', priority, CASE WHEN less_is_worse THEN value ELSE -value END, code
       LIMIT ${query.first}
    )
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'rule', a.rule, 'severity', a.severity, 'kind', a.kind, 'code', a.code, 'nameZh', a.name_zh, 'nameEn', a.name_en,
                'parentCode', parent.code, 'regionCode', r.code, 'regionNameZh', r.name_zh, 'regionNameEn', r.name_en,
                'responsibleUnit', coalesce(o.name, a.figures ->> 'organization'), 'value', a.value::text, 'amber', trim_scale(a.amber)::text, 'red', trim_scale(a.red)::text,
                'since', a.since::text, 'figures', a.figures)
              ORDER BY a.severity = 'AMBER', a.priority, CASE WHEN a.less_is_worse THEN a.value ELSE -a.value END, a.code), '[]'::jsonb)
         FROM page a
         JOIN region r ON r.id = a.region_id
         LEFT JOIN project parent ON parent.id = a.parent_id
         LEFT JOIN organization o ON o.id = a.unit_id) AS items,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('rule', g.rule, 'severity', g.severity, 'count', g.count)
                                 ORDER BY g.severity = 'AMBER', g.priority), '[]'::jsonb)
         FROM (SELECT rule, severity, min(priority) AS priority, count(*) AS count FROM chosen GROUP BY rule, severity) g) AS counts`;
  const counts = row?.counts ?? [];
  return {
    asOf: query.asOf,
    totalCount: counts.reduce((sum, group) => sum + Number(group.count), 0),
    counts: counts.map((group) => ({ ...group, count: Number(group.count) })),
    items: (row?.items ?? []).map(fromRaw),
  };
}

/**
 * The common table expressions `defaults` (every rule's published thresholds, direction and
 * order), `overrides` (the regions' own settings with their depth) and `limits` (the nearest
 * setting of every region under one) that thresholdJoin() reads.
 */
export function thresholdTables(): Prisma.Sql {
  const defaults = Prisma.join(
    ALERT_RULE_ORDER.map((rule, index) => {
      const { amber, red, lessIsWorse } = ALERT_RULES[rule];
      return Prisma.sql`(${rule}::text, ${amber}::numeric, ${red}::numeric, ${lessIsWorse}::boolean, ${index}::int)`;
    }),
  );
  return Prisma.sql`defaults (rule, amber, red, less_is_worse, priority) AS (VALUES ${defaults}),
    overrides AS MATERIALIZED (
      SELECT t.rule::text AS rule, t.amber, t.red, t.region_id, cardinality(r.path) AS depth
        FROM alert_threshold t JOIN region r ON r.id = t.region_id
    ),
    -- Each region under a setting, with the nearest one: a few rows per county that set its own,
    -- none where every region follows the defaults. Joined by region id, not looked up row by row.
    limits AS MATERIALIZED (
      SELECT DISTINCT ON (r.id, o.rule) r.id AS region_id, o.rule, o.amber, o.red
        FROM overrides o JOIN region r ON r.path @> ARRAY[o.region_id]
       ORDER BY r.id, o.rule, o.depth DESC
    )`;
}

/** The amber and red a row is judged by, after thresholdJoin(). */
export const THRESHOLD_AMBER = Prisma.sql`coalesce(lim_o.amber, lim_d.amber)`;
export const THRESHOLD_RED = Prisma.sql`coalesce(lim_o.red, lim_d.red)`;

/**
 * Joins the thresholds a rule has where a row's region sits (its own setting, the nearest
 * above, else the default; THRESHOLD_AMBER and THRESHOLD_RED read them). Needs thresholdTables().
 */
export function thresholdJoin(rule: Prisma.Sql, regionId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`JOIN defaults lim_d ON lim_d.rule = ${rule}
        LEFT JOIN limits lim_o ON lim_o.rule = ${rule} AND lim_o.region_id = ${regionId}`;
}

interface RawAlert {
  rule: AlertRule;
  severity: AlertSeverity;
  kind: AlertSubjectKind;
  code: string;
  nameZh: string;
  nameEn: string | null;
  parentCode: string | null;
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  responsibleUnit: string | null;
  value: string;
  amber: string;
  red: string;
  since: string | null;
  figures: Alert["figures"];
}

function fromRaw(raw: RawAlert): Alert {
  return {
    rule: raw.rule,
    severity: raw.severity,
    subject: { kind: raw.kind, code: raw.code, nameZh: raw.nameZh, nameEn: raw.nameEn, parentCode: raw.parentCode },
    region: { code: raw.regionCode, nameZh: raw.regionNameZh, nameEn: raw.regionNameEn },
    responsibleUnit: raw.responsibleUnit,
    value: raw.value,
    amber: raw.amber,
    red: raw.red,
    figures: raw.figures,
    since: raw.since ? new Date(`${raw.since}T00:00:00Z`) : null,
  };
}
