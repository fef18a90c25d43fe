import { describe, expect, it } from "vitest";
import { type AlertItem, attentionGroups } from "./attention-groups.js";

const alert = (
  rule: AlertItem["rule"],
  severity: AlertItem["severity"],
  kind: string,
  code: string,
  parentCode: string | null = null,
): AlertItem => ({
  rule,
  severity,
  value: "1",
  amber: "0",
  since: null,
  responsibleUnit: null,
  subject: { kind: kind as AlertItem["subject"]["kind"], code, nameZh: code, nameEn: null, parentCode },
  region: { code: "522626000000", nameZh: "岑巩县", nameEn: "Cengong County" },
  figures: [],
});

describe("the attention list's groups", () => {
  it("puts a phase under its project when the same rule raised both, whatever the phase's severity", () => {
    const items = [
      alert("BEHIND_SCHEDULE", "RED", "PROJECT", "CG-FH-CBSTD"),
      alert("BEHIND_SCHEDULE", "RED", "PHASE", "CG-FH-CBSTD-2", "CG-FH-CBSTD"),
      alert("OVERDUE", "RED", "PHASE", "CG-FH-CBSTD-3", "CG-FH-CBSTD"),
      alert("BEHIND_SCHEDULE", "AMBER", "PHASE", "CG-FH-CBSTD-1", "CG-FH-CBSTD"),
    ];
    const groups = attentionGroups(items, [
      { rule: "BEHIND_SCHEDULE", severity: "RED", count: 2 },
      { rule: "OVERDUE", severity: "RED", count: 1 },
      { rule: "BEHIND_SCHEDULE", severity: "AMBER", count: 1 },
    ]);
    expect(
      groups.map((g) => [
        g.severity,
        g.rule,
        g.count,
        g.entries.map((e) => [e.alert.subject.code, e.phases.map((p) => p.subject.code)]),
      ]),
    ).toEqual([
      ["RED", "BEHIND_SCHEDULE", 1, [["CG-FH-CBSTD", ["CG-FH-CBSTD-2", "CG-FH-CBSTD-1"]]]],
      // Not raised as overdue itself, phase 3 stands on its own.
      ["RED", "OVERDUE", 1, [["CG-FH-CBSTD-3", []]]],
    ]);
  });

  it("keeps a group whose alerts are past the page, to say how many there are", () => {
    const groups = attentionGroups([], [{ rule: "STALE", severity: "RED", count: 40 }]);
    expect(groups).toEqual([{ rule: "STALE", severity: "RED", count: 40, entries: [] }]);
  });
});
