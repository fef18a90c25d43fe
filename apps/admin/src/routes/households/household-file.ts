import type { EntryField } from "../../features/entry/entry-form.js";
import type { AppMessages } from "../../i18n/messages.js";

/**
 * The order households are listed in and the fields each step asks for: pure, so they are tested
 * without a browser.
 */

interface ListedHousehold {
  number: number;
  status: string;
  daysSinceLead?: number | null;
}

const STATUS_ORDER = ["IDENTIFYING", "MONITORED", "ELIMINATING", "RISK_ELIMINATED", "NOT_INCLUDED"];

/** Those being identified first, the longest waiting first; then monitored, then the rest. */
export function orderHouseholds<T extends ListedHousehold>(households: readonly T[]): T[] {
  return [...households].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (b.daysSinceLead ?? 0) - (a.daysSinceLead ?? 0) ||
      b.number - a.number,
  );
}

const REVIEWS = new Set([
  "VILLAGE_REVIEW",
  "TOWN_REVIEW",
  "COUNTY_CONFIRMATION",
  "ELIMINATION_VILLAGE_REVIEW",
  "ELIMINATION_TOWN_REVIEW",
  "ELIMINATION_CONFIRMATION",
]);

/** What the next step's form asks: a review its outcome, a notice its days, a proposal the risk gone, a return its reason. */
export function stepFields(step: string, t: Pick<AppMessages, "households">): EntryField[] {
  const h = t.households;
  const fields: EntryField[] = [];
  if (REVIEWS.has(step)) {
    fields.push({
      name: "approved",
      label: h.approved,
      type: "select",
      options: [
        { value: "yes", label: h.approve },
        { value: "no", label: h.refuse },
      ],
    });
  }
  if (step === "NOTICE" || step === "ELIMINATION_NOTICE") {
    fields.push(
      { name: "noticeFrom", label: h.noticeFrom, type: "date" },
      { name: "noticeTo", label: h.noticeTo, type: "date", required: true },
    );
  }
  if (step === "ELIMINATION_PROPOSAL") {
    fields.push({
      name: "riskGone",
      label: h.riskGone,
      type: "select",
      options: [
        { value: "yes", label: h.riskGoneYes },
        { value: "no", label: h.riskGoneNo },
      ],
    });
  }
  fields.push(
    { name: "on", label: h.on, type: "date" },
    { name: "by", label: h.by },
    { name: "note", label: h.note, required: step === "RETURN_TO_MONITORING" },
  );
  return fields;
}
