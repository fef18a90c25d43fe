import type { AlertItemFragment } from "../../generated/operations.js";

export type AlertItem = AlertItemFragment;
export type Severity = AlertItem["severity"];

/** One alert as the list shows it, with the phases raised by the same rule under their project. */
export interface AttentionEntry {
  alert: AlertItem;
  phases: AlertItem[];
}

export interface RuleGroup {
  rule: AlertItem["rule"];
  severity: Severity;
  /** Every alert of the rule at this severity (also those not on the page the API sent). */
  count: number;
  entries: AttentionEntry[];
}

/**
 * The attention list's shape: red before amber, each severity's rules in the API's order (what a
 * dispatch meeting decides on first), and a phase under its project when the project is raised
 * by the same rule: the reader sees 城北新区生态防洪堤工程 with its two late phases in one place,
 * not three lines apart. A phase whose project is not raised stands on its own.
 */
export function attentionGroups(
  items: readonly AlertItem[],
  counts: readonly { rule: AlertItem["rule"]; severity: Severity; count: number }[],
): RuleGroup[] {
  const raisedProjects = new Map<string, AttentionEntry>();
  const groups = new Map<string, RuleGroup>();
  const key = (rule: string, severity: string) => `${severity} ${rule}`;
  for (const { rule, severity, count } of counts) groups.set(key(rule, severity), { rule, severity, count, entries: [] });
  for (const alert of items) {
    if (alert.subject.kind !== "PHASE") {
      const entry = { alert, phases: [] };
      if (alert.subject.kind === "PROJECT") raisedProjects.set(`${alert.rule} ${alert.subject.code}`, entry);
      groups.get(key(alert.rule, alert.severity))?.entries.push(entry);
    }
  }
  for (const alert of items) {
    if (alert.subject.kind !== "PHASE") continue;
    const parent = raisedProjects.get(`${alert.rule} ${alert.subject.parentCode}`);
    if (parent) {
      parent.phases.push(alert);
      const group = groups.get(key(alert.rule, alert.severity));
      if (group) group.count -= 1;
    } else groups.get(key(alert.rule, alert.severity))?.entries.push({ alert, phases: [] });
  }
  return [...groups.values()].filter((group) => group.entries.length > 0 || group.count > 0);
}

/** The alert's figures by name, as alertSummary reads them. */
export function figuresOf(alert: AlertItem): Record<string, string | null> {
  return Object.fromEntries(alert.figures.map((figure) => [figure.name, figure.value]));
}
