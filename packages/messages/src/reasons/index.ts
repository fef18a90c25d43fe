import { formatMessage, type Message, type Params } from "../catalogue.js";
import type { Locale } from "../locale.js";
import { accessReasons } from "./access.js";
import { accountReasons } from "./accounts.js";
import { alertReasons } from "./alerts.js";
import { approvalReasons } from "./approvals.js";
import { cleaningReasons } from "./cleaning.js";
import { constraintReasons } from "./constraints.js";
import { dispatchReasons } from "./dispatch.js";
import { fundReasons } from "./funds.js";
import { governanceReasons } from "./governance.js";
import { householdReasons } from "./households.js";
import { importReasons } from "./imports.js";
import { indicatorReasons } from "./indicators.js";
import { inputReasons } from "./input.js";
import { projectReasons } from "./projects.js";
import { recordReasons } from "./records.js";
import { regionReasons } from "./regions.js";
import { requestReasons } from "./request.js";

/**
 * Every reason the API gives for refusing something: a stable code clients may act on, with its
 * parameters and its text in both languages. The API sends code, parameters and the text in the
 * asker's language; the dashboard renders code and parameters in its own. Split by area, one
 * catalogue of codes: a code is never reused for another meaning (add a new one instead).
 */
export const REASONS = {
  ...inputReasons,
  ...requestReasons,
  ...accessReasons,
  ...recordReasons,
  ...regionReasons,
  ...projectReasons,
  ...fundReasons,
  ...indicatorReasons,
  ...approvalReasons,
  ...accountReasons,
  ...importReasons,
  ...alertReasons,
  ...governanceReasons,
  ...cleaningReasons,
  ...householdReasons,
  ...dispatchReasons,
  ...constraintReasons,
} as const;

export type ReasonCode = keyof typeof REASONS;

/** The parameters a reason's texts take. */
export type ReasonParams<R extends ReasonCode> = (typeof REASONS)[R] extends Message<infer P> ? P : never;

/** The parameters as a rest argument: none for a reason without, one object otherwise. */
export type ReasonArgs<R extends ReasonCode> = keyof ReasonParams<R> extends never
  ? [params?: Record<never, never>]
  : [params: ReasonParams<R>];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

/** A reason's text in a language. Unknown codes (a newer server) fall back to `fallback`. */
export function formatReason(locale: Locale, reason: string, params: Params | undefined, fallback = reason): string {
  if (!isReasonCode(reason)) return fallback;
  const message: Message<Params> = REASONS[reason];
  try {
    return formatMessage(locale, locale === "en" ? message.en : message.zh, params ?? {});
  } catch {
    // A parameter missing from an older server's answer: its own text is better than nothing.
    return fallback;
  }
}
