import type { AlertRule } from "../generated/prisma/client.js";
import { BEHIND_SCHEDULE_TOLERANCE } from "../projects/project-progress.js";

/** What a rule's thresholds count. */
export type AlertMeasure = "points" | "days" | "percent";

export interface AlertRuleDefinition {
  readonly measure: AlertMeasure;
  /**
   * False where more is worse (days late, points behind): raised above amber, red above red.
   * True where less is worse (a share reached): raised below amber, red below red.
   */
  readonly lessIsWorse: boolean;
  /** The largest threshold that makes sense. */
  readonly max: number;
  /** The published default, and where it comes from. */
  readonly amber: number;
  readonly red: number;
  readonly source: string;
}

/**
 * Every rule that raises an alert, in the order an attention list shows them within a severity
 * (what a dispatch meeting decides on first), with its default thresholds. A region's admins may
 * set their own (alert_threshold); a region without its own follows the nearest one above.
 */
export const ALERT_RULES: Record<AlertRule, AlertRuleDefinition> = {
  // Physical progress (else the completion rate) trails the share of the planned schedule that
  // had passed as of the figures; a phased project is also raised when one of its phases is.
  BEHIND_SCHEDULE: {
    measure: "points",
    lessIsWorse: false,
    max: 100,
    amber: BEHIND_SCHEDULE_TOLERANCE,
    red: 20,
    source: "Revita: the dashboard's 10-point rule for 进度滞后; red at twice that",
  },
  // Days past the planned finish of a project not yet completed.
  OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 90,
    source: "Revita: any day late; red after a quarter",
  },
  // Allocations to a project above its total investment, in percent of the total.
  OVER_ALLOCATED: {
    measure: "percent",
    lessIsWorse: false,
    max: 1000,
    amber: 0,
    red: 10,
    source: "Revita: any yuan above the total; red above 10 %",
  },
  // Share of a central bridging fund's allocations that went to industry projects.
  INDUSTRY_SHARE: {
    measure: "percent",
    lessIsWorse: true,
    max: 100,
    amber: 65,
    red: 60,
    source: "中央衔接资金用于产业发展的比重 ≥ 65 % (as published for the demo counties): below it amber, red 5 points below",
  },
  // Share of a fiscal fund (central bridging, fiscal special, industry subsidy: not loans, own or
  // social capital) paid out trails the share of its budget span that has passed, in points.
  DISBURSEMENT_LAG: {
    measure: "points",
    lessIsWorse: false,
    max: 100,
    amber: 15,
    red: 30,
    source: "Revita: 资金支出进度 behind 序时进度 by 15 points; red at 30",
  },
  // Financial progress (completed investment / total) and physical progress apart, either way.
  DIVERGENCE: {
    measure: "points",
    lessIsWorse: false,
    max: 100,
    amber: 20,
    red: 30,
    source: "Revita: 投资完成率 and 形象进度 20 points apart; red at 30",
  },
  // Share of its target an indicator's latest value reaches (by the indicator's direction).
  INDICATOR_OFF_TARGET: {
    measure: "percent",
    lessIsWorse: true,
    max: 100,
    amber: 100,
    red: 90,
    source: "Revita: below target is amber; red below 90 % of it",
  },
  // Days since a project under way last reported (or, never having reported, since it started).
  STALE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 62,
    red: 183,
    source: "Revita: projects report monthly; two months without is amber, half a year red",
  },
  // A month's reports still missing this many days after the month's end (they are due by the
  // amber day: the 10th of the following month by default).
  REPORT_MISSING: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 10,
    red: 40,
    source: "Revita: due on the 10th of the following month; red a month after that",
  },
  // Days a claimed community need or micro-wish is past the date its claimant promised it done.
  CLAIM_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 30,
    source: "Revita: any day past the promised date; red after a month",
  },
  // Days a settled mediation case is past its follow-up date (跟踪见效) without a follow-up visit.
  FOLLOW_UP_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 30,
    source: "Revita: any day past the follow-up date; red after a month",
  },
  // Days a consultation topic taken up is past the deadline for its answer (限时反馈).
  ANSWER_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 15,
    source: "Revita: any day past the deadline; red after another 15 days (the default time to answer)",
  },
  // Days the problems a cleaning inspection found are past their deadline without a visit confirming them fixed.
  RECTIFICATION_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 30,
    source: "Revita: any day past the deadline; red at the next month's inspection",
  },
  // Days since the lead of a household whose identification is not confirmed: due within 15.
  IDENTIFICATION_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 15,
    red: 30,
    source: "防返贫动态监测: identification within 15 days of the lead; red after a month",
  },
  // Days a monitored household has gone since its confirmation without any assistance measure.
  ASSISTANCE_MISSING: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 30,
    source: "防返贫动态监测: every monitored household is helped (一对一包保); red after a month",
  },
  // Days a dispatch meeting's task is past its due date without being reported done (督办).
  TASK_OVERDUE: {
    measure: "days",
    lessIsWorse: false,
    max: 3650,
    amber: 0,
    red: 14,
    source: "Revita: any day past the due date; red two weeks on (before the next dispatch meeting)",
  },
};

export const ALERT_RULE_ORDER = Object.keys(ALERT_RULES) as AlertRule[];

export type AlertSeverity = "RED" | "AMBER";

/** The severity a measured value raises under thresholds, or null when it raises nothing. */
export function severityOf(rule: AlertRule, value: number, { amber, red }: { amber: number; red: number }): AlertSeverity | null {
  if (ALERT_RULES[rule].lessIsWorse) return value < red ? "RED" : value < amber ? "AMBER" : null;
  return value > red ? "RED" : value > amber ? "AMBER" : null;
}
