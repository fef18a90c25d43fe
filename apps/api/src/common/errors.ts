import { formatReason, type Locale, type Params, type ReasonArgs, type ReasonCode, type ReasonParams } from "@revita/messages";

/**
 * Errors with stable codes that clients can act on, each with a reason from the shared catalogue
 * (`@revita/messages`) and its parameters, so the message can be said in the asker's language.
 * The JavaScript message is the English text, for logs and scripts; clients get the text in
 * their language from `localized`. Nothing here carries a stack trace or SQL to the client.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  /** The request itself is malformed: not JSON, too large, in an unsupported encoding. */
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "TOO_MANY_ATTEMPTS"
  /** The database could not answer in time (a transaction waited or ran too long): try again, or ask less at once. */
  | "DATABASE_BUSY"
  | "INTERNAL_SERVER_ERROR";

export interface FieldIssue {
  /** Dotted path of the offending input field, e.g. "progress.physicalProgress". */
  field: string;
  reason: ReasonCode;
  params: Params;
  /** The reason in English; replaced by the asker's language on the way out. */
  message: string;
}

/** A reason with its parameters, before it is said in a language. */
export interface Refusal {
  reason: ReasonCode;
  params: Params;
}

/** A refusal of the catalogue, typed by its reason: `refusal("NOT_A_DATE_CELL", { value })`. */
export function refusal<R extends ReasonCode>(reason: R, ...[params]: ReasonArgs<R>): Refusal {
  return { reason, params: (params ?? {}) as Params };
}

/** One field's refusal, e.g. `fieldIssue("amount", "NEGATIVE", { value: "-5" })`. */
export function fieldIssue<R extends ReasonCode>(field: string, reason: R, ...[params]: ReasonArgs<R>): FieldIssue {
  const values = (params ?? {}) as Params;
  return { field, reason, params: values, message: formatReason("en", reason, values) };
}

/** The issue in a language: the same field, reason and parameters, the message said anew. */
export function localizeIssue(issue: FieldIssue, locale: Locale): FieldIssue {
  return { ...issue, message: formatReason(locale, issue.reason, issue.params, issue.message) };
}

export class RevitaError<R extends ReasonCode = ReasonCode> extends Error {
  readonly params: Params;

  constructor(
    readonly code: ErrorCode,
    readonly reason: R,
    params: ReasonParams<R>,
    readonly issues: FieldIssue[] = [],
  ) {
    super(formatReason("en", reason, params as Params));
    this.params = params as Params;
    this.name = "RevitaError";
  }

  /** The message and issues in a language, for a client. */
  localized(locale: Locale): { message: string; issues: FieldIssue[] } {
    return {
      message: formatReason(locale, this.reason, this.params, this.message),
      issues: this.issues.map((each) => localizeIssue(each, locale)),
    };
  }
}

/** One or more input fields are wrong; every issue names its field. */
export class ValidationError extends RevitaError<"INVALID_INPUT"> {
  constructor(issues: FieldIssue[]) {
    super("BAD_USER_INPUT", "INVALID_INPUT", { count: issues.length }, issues);
    // The English message lists the fields, as logs and scripts have always read it.
    this.message = issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ");
    this.name = "ValidationError";
  }

  override localized(locale: Locale): { message: string; issues: FieldIssue[] } {
    const issues = this.issues.map((each) => localizeIssue(each, locale));
    const separator = locale === "en" ? "; " : "；";
    return {
      message: issues.map((issue) => `${issue.field}${locale === "en" ? ": " : "："}${issue.message}`).join(separator),
      issues,
    };
  }
}

/** Something asked for by a code or id is not there (or not visible: the same answer for both). */
export class NotFoundError<R extends ReasonCode = ReasonCode> extends RevitaError<R> {
  constructor(reason: R, params: ReasonParams<R>, field?: string) {
    const message = formatReason("en", reason, params as Params);
    super("NOT_FOUND", reason, params, field ? [{ field, reason, params: params as Params, message }] : []);
    this.name = "NotFoundError";
  }
}

/**
 * The request's credentials are missing, wrong, expired or forged. The reason says which, so
 * the reader knows whether to sign in again or fix a script's token; it never says whether a
 * username exists.
 */
export class AuthenticationError<R extends ReasonCode = ReasonCode> extends RevitaError<R> {
  constructor(reason: R, params: ReasonParams<R>) {
    super("UNAUTHENTICATED", reason, params);
    this.name = "AuthenticationError";
  }
}

/** Reasons for the database's own CHECK constraints (see the integrity_rules migration). */
const CONSTRAINT_ISSUES: Record<string, { field: string; reason: ReasonCode }> = {
  region_code_shape: { field: "code", reason: "RULE_REGION_CODE_SHAPE" },
  region_root_is_province: { field: "parentCode", reason: "RULE_REGION_ROOT" },
  region_kind_fits_level: { field: "kind", reason: "RULE_REGION_KIND" },
  project_total_investment_not_negative: { field: "totalInvestment", reason: "RULE_NOT_NEGATIVE" },
  project_phase_number_with_parent: { field: "phaseNumber", reason: "RULE_PHASE_NUMBER" },
  project_planned_dates_ordered: { field: "plannedFinish", reason: "RULE_PLANNED_DATES" },
  project_actual_dates_ordered: { field: "actualFinish", reason: "RULE_ACTUAL_DATES" },
  project_output_quantity_not_negative: { field: "outputs.quantity", reason: "RULE_NOT_NEGATIVE" },
  progress_report_period_key: { field: "period", reason: "RULE_PERIOD_KEY" },
  progress_report_completed_investment_not_negative: { field: "completedInvestment", reason: "RULE_NOT_NEGATIVE" },
  progress_report_physical_progress_range: { field: "physicalProgress", reason: "RULE_PROGRESS_RANGE" },
  progress_report_has_a_figure: { field: "completedInvestment", reason: "NO_FIGURES" },
  fund_amount_not_negative: { field: "amount", reason: "RULE_NOT_NEGATIVE" },
  fund_years_ordered: { field: "startYear", reason: "RULE_FUND_YEARS" },
  fund_year_amounts_fit: { field: "yearAmounts", reason: "RULE_YEAR_AMOUNTS" },
  fund_allocation_amount_positive: { field: "amount", reason: "NOT_POSITIVE" },
  disbursement_amount_positive: { field: "amount", reason: "NOT_POSITIVE" },
  indicator_aggregation_inputs: { field: "aggregation", reason: "RULE_AGGREGATION_INPUTS" },
  indicator_value_period_key: { field: "period", reason: "RULE_PERIOD_KEY" },
  indicator_value_range_ordered: { field: "maxValue", reason: "RULE_RANGE_ORDER" },
};

/**
 * The rules that triggers check across rows (integrity_rules migration) raise English sentences
 * with the figures in them; read back into reasons so they can be said in Chinese.
 */
const TRIGGER_RULES: { pattern: RegExp; field: string; issue: (m: string[]) => FieldIssue }[] = [
  {
    pattern: /^Progress report \S+ of project \S+ \((.*)\): completed investment (\S+) exceeds the total investment (\S+);/,
    field: "completedInvestment",
    issue: ([, project, value, total]) =>
      fieldIssue("completedInvestment", "EXCEEDS_TOTAL_INVESTMENT", { project: project!, value: value!, total: total! }),
  },
  {
    pattern: /^Project \S+ \(.*\): total investment (\S+) is below the completed investment (\S+) reported for (\S+)$/,
    field: "totalInvestment",
    issue: ([, value, completed, period]) =>
      fieldIssue("totalInvestment", "TOTAL_BELOW_COMPLETED", { value: value!, completed: completed!, period: period! }),
  },
  {
    pattern: /^Fund \S+ \((.*)\): allocating (\S+) would bring its allocations to (\S+), above the fund's amount (\S+)$/,
    field: "amount",
    issue: ([, fund, amount, allocated, total]) =>
      fieldIssue("amount", "FUND_OVER_ALLOCATED", { fund: fund!, amount: amount!, allocated: allocated!, total: total! }),
  },
  {
    pattern: /^Fund \S+ \((.*)\): amount (\S+) is below the (\S+) already allocated$/,
    field: "amount",
    issue: ([, fund, amount, allocated]) =>
      fieldIssue("amount", "FUND_BELOW_ALLOCATED", { fund: fund!, amount: amount!, allocated: allocated! }),
  },
  {
    pattern: /^Allocation \S+: paying (\S+) would bring payments to (\S+), above the allocated (\S+)$/,
    field: "amount",
    issue: ([, amount, paid, allocated]) =>
      fieldIssue("amount", "ALLOCATION_OVER_PAID", { amount: amount!, paid: paid!, allocated: allocated! }),
  },
  {
    pattern: /^Indicator value (\w+) of \S+ for .* \(\S+\): (\S+) (.*) is outside the plausible range (\S+) to (\S+)$/,
    field: "value",
    issue: ([, field, value, unit, min, max]) =>
      fieldIssue(field!, "VALUE_OUT_OF_RANGE", { value: value!, unit: unit!, min: min!, max: max! }),
  },
  {
    pattern: /^Allocation \S+: amount (\S+) is below the (\S+) already paid$/,
    field: "amount",
    issue: ([, amount, paid]) => fieldIssue("amount", "ALLOCATION_BELOW_PAID", { amount: amount!, paid: paid! }),
  },
];

/** The approval locks' sentences (data_entry migration), read back into their parts. */
const LOCK_PATTERNS: {
  pattern: RegExp;
  dataSet: "PROGRESS" | "INDICATORS" | "COMMUNITY_SERVICE";
  parts: (m: string[]) => Record<string, string>;
}[] = [
  {
    pattern: /^the progress of (.*) for (\S+) is (\w+): the report of (\S+) for (\S+) is locked/,
    dataSet: "PROGRESS",
    parts: ([, region, period, state, project, reportPeriod]) => ({
      region: region!,
      period: period!,
      state: state!,
      code: project!,
      recordRegion: "",
      recordPeriod: reportPeriod!,
    }),
  },
  {
    pattern: /^the indicators of (.*) for (\S+) are (\w+): (\S+) of (.*) for (\S+) is locked/,
    dataSet: "INDICATORS",
    parts: ([, region, period, state, indicator, valueRegion, valuePeriod]) => ({
      region: region!,
      period: period!,
      state: state!,
      code: indicator!,
      recordRegion: valueRegion!,
      recordPeriod: valuePeriod!,
    }),
  },
  {
    pattern: /^the community service of (.*) for (\S+) is (\w+): the cards of (.*) for (\S+) are locked/,
    dataSet: "COMMUNITY_SERVICE",
    parts: ([, region, period, state, cardRegion, month]) => ({
      region: region!,
      period: period!,
      state: state!,
      code: "",
      recordRegion: cardRegion!,
      recordPeriod: month!,
    }),
  },
];

interface DriverErrorCause {
  code?: string;
  message?: string;
  constraint?: string;
}

function driverErrorCause(error: unknown): DriverErrorCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverErrorCause } } })?.meta;
  return meta?.driverAdapterError?.cause;
}

/**
 * Prisma reports some driver errors (row-level security among them) only as P2039, "Database
 * error", with the SQLSTATE and message inside its own message text.
 */
function genericDatabaseErrorCause(error: unknown): DriverErrorCause | undefined {
  if ((error as { code?: unknown })?.code !== "P2039") return undefined;
  const found = /Code: `(\w+)`\. Message: `([^`]*)`/.exec((error as Error).message ?? "");
  return found ? { code: found[1], message: found[2] } : undefined;
}

function checkViolation(cause: DriverErrorCause): RevitaError {
  const constraint = cause.constraint ?? /violates check constraint "([^"]+)"/.exec(cause.message ?? "")?.[1];
  const known = constraint ? CONSTRAINT_ISSUES[constraint] : undefined;
  if (known) {
    // The constraints' reasons take no parameters: the database does not say the value.
    return new ValidationError([
      { field: known.field, reason: known.reason, params: {}, message: formatReason("en", known.reason, {}) },
    ]);
  }
  for (const rule of TRIGGER_RULES) {
    const found = rule.pattern.exec(cause.message ?? "");
    if (found) return new ValidationError([rule.issue([...found])]);
  }
  return new RevitaError("BAD_USER_INPUT", "DATABASE_RULE", { detail: cause.message ?? "?" });
}

/** The money locks (approval_locks_money migration): a payment or a total inside an approved period. */
const MONEY_LOCKS: { pattern: RegExp; refusal: (m: string[]) => RevitaError }[] = [
  {
    pattern: /^the progress of (.*) for (\S+) is (\w+): the payment to (\S+) on (\S+) is locked/,
    refusal: ([, region, period, state, code, paidOn]) =>
      new RevitaError(
        "CONFLICT",
        "LOCKED_PAYMENT",
        { region: region!, period: period!, state: state!.toUpperCase(), code: code!, paidOn: paidOn! },
        [fieldIssue("paidOn", "LOCKED_BY_APPROVAL_FIELD")],
      ),
  },
  {
    pattern: /^the progress of (.*) for (\S+) is (\w+): the total investment of (\S+) is locked/,
    refusal: ([, region, period, state, code]) =>
      new RevitaError(
        "CONFLICT",
        "LOCKED_TOTAL",
        { region: region!, period: period!, state: state!.toUpperCase(), code: code! },
        [fieldIssue("totalInvestment", "LOCKED_BY_APPROVAL_FIELD")],
      ),
  },
];

/** A new record in a merged region (the ceased_regions_take_no_new_records migration's message). */
function ceasedRegion(cause: DriverErrorCause): RevitaError {
  const found = /region (\d+) \((.+?)\) ceased on (\d{4}-\d{2}-\d{2}), merged into (\d+) \((.+?)\)/.exec(cause.message ?? "");
  if (!found) return new RevitaError("BAD_USER_INPUT", "DATABASE_RULE", { detail: cause.message ?? "?" });
  const [, code, name, on, successorCode, successor] = found as unknown as [string, string, string, string, string, string];
  const params = { code, name, on, successorCode, successor };
  return new RevitaError("BAD_USER_INPUT", "REGION_CEASED_TAKES_NO_RECORDS", params, [
    fieldIssue("regionCode", "REGION_CEASED_TAKES_NO_RECORDS", params),
  ]);
}

function approvalLock(cause: DriverErrorCause): RevitaError {
  for (const lock of MONEY_LOCKS) {
    const found = lock.pattern.exec(cause.message ?? "");
    if (found) return lock.refusal([...found]);
  }
  for (const lock of LOCK_PATTERNS) {
    const found = lock.pattern.exec(cause.message ?? "");
    if (!found) continue;
    const parts = lock.parts([...found]);
    return new RevitaError(
      "CONFLICT",
      "LOCKED_BY_APPROVAL",
      {
        dataSet: lock.dataSet,
        region: parts.region!,
        period: parts.period!,
        state: parts.state!.toUpperCase(),
        code: parts.code!,
        recordRegion: parts.recordRegion!,
        recordPeriod: parts.recordPeriod!,
      },
      [fieldIssue("period", "LOCKED_BY_APPROVAL_FIELD")],
    );
  }
  return new RevitaError("CONFLICT", "DATABASE_RULE", { detail: cause.message ?? "?" }, [
    fieldIssue("period", "LOCKED_BY_APPROVAL_FIELD"),
  ]);
}

/**
 * Turns a refusal by the database into a RevitaError, or returns undefined for anything else
 * (which must then be treated as an internal error and logged, not shown).
 */
export function fromDatabaseError(error: unknown): RevitaError | undefined {
  if (error instanceof RevitaError) return error;
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new RevitaError("CONFLICT", "DUPLICATE_KEY", { key: String(target ?? "key") });
  }
  if (prismaCode === "P2025") return new RevitaError("NOT_FOUND", "RECORD_NOT_FOUND", {});
  // A transaction that could not start or finish in time (db/database.ts TRANSACTION_OPTIONS).
  if (prismaCode === "P2028") return new RevitaError("DATABASE_BUSY", "DATABASE_BUSY", {});
  const cause = driverErrorCause(error) ?? genericDatabaseErrorCause(error);
  if (!cause?.code) return undefined;
  switch (cause.code) {
    case "23514":
      return checkViolation(cause);
    case "23505":
      return new RevitaError("CONFLICT", "DUPLICATE_KEY", { key: "key" });
    case "42501": {
      // Row-level security refused a row outside the user's regions; a column or table the API's
      // role was never granted (a history kept by triggers only); or the append-only audit log.
      const message = cause.message ?? "";
      const table = /row-level security policy for table "([^"]+)"/.exec(message)?.[1];
      if (table) return new RevitaError("FORBIDDEN", "TABLE_OUTSIDE_YOUR_REGIONS", { table: table.replaceAll("_", " ") });
      const denied = /permission denied for (?:table|relation) "?([a-z_]+)"?/.exec(message)?.[1];
      if (denied) return new RevitaError("FORBIDDEN", "TABLE_NOT_WRITABLE", { table: denied.replaceAll("_", " ") });
      return new RevitaError("FORBIDDEN", "AUDIT_APPEND_ONLY", {});
    }
    case "RV409":
      return approvalLock(cause);
    case "RV410":
      return ceasedRegion(cause);
    case "23503":
      return new RevitaError("BAD_USER_INPUT", "BROKEN_REFERENCE", {});
    // A value PostgreSQL cannot take: a NUL byte, a date out of its range, a number too long for
    // its column. The services name such fields first; this catches what they do not know of.
    case "22021":
    case "22P05":
    case "22008":
    case "22007":
    case "22003":
    case "22001":
      return new RevitaError("BAD_USER_INPUT", "INVALID_VALUE", {});
    case "57014":
      // statement_timeout: the question is too large for the time a statement may take.
      return new RevitaError("DATABASE_BUSY", "QUERY_TIMEOUT", {});
    default:
      return undefined;
  }
}

/**
 * The field a value was refused for before any resolver ran: GraphQL checks variables against
 * their types (a Decimal written "12万", a date written 2024/1/1, an Int written "abc", a required
 * field left out) and says so only in prose. Naming the field and the type lets a form show the
 * refusal beside it in the reader's language, like every other refusal. The path drops the
 * variable's own name ("input.totalInvestment" → "totalInvestment"), as the forms name an
 * input's fields.
 */
export function variableIssue(message: string): FieldIssue | undefined {
  const invalid =
    /^Variable "\$\w+" got invalid value (.*) at "\w+((?:\.\w+|\[\d+\])+)"; (?:Expected type "(\w+)"\. )?(.+)$/s.exec(message);
  if (invalid) {
    const [, value = "", path = "", expected, detail = ""] = invalid;
    const field = path.replace(/^\./, "");
    // graphql-js writes the value as JSON: a string in quotes, which the message quotes itself.
    const bare = /^"(.*)"$/s.test(value) ? value.slice(1, -1) : value;
    const shown = bare.length > 60 ? `${bare.slice(0, 60)}…` : bare;
    if (/^Field "(\w+)" of required type .* was not provided\.$/.test(detail)) {
      return fieldIssue(`${field}.${/^Field "(\w+)"/.exec(detail)![1]}`, "REQUIRED");
    }
    if (/^Value .* does not exist in "\w+" enum\./.test(detail)) return fieldIssue(field, "NOT_AN_OPTION", { value: shown });
    if (/^Field "(\w+)" is not defined by type/.test(detail)) {
      return fieldIssue(`${field}.${/^Field "(\w+)"/.exec(detail)![1]}`, "UNKNOWN_FIELD", {
        value: /^Field "(\w+)"/.exec(detail)![1]!,
      });
    }
    return fieldIssue(field, "WRONG_TYPE", { expected: expected ?? scalarOf(detail), value: shown });
  }
  const missing = /^Variable "\$\w+" got invalid value .*; Field "(\w+)" of required type "[^"]+" was not provided\.$/s.exec(
    message,
  );
  if (missing) return fieldIssue(missing[1]!, "REQUIRED");
  return undefined;
}

/** The scalar a coercion message is about, when graphql-js names it only in its own words. */
function scalarOf(detail: string): string {
  const named =
    /^(Decimal|Date|Period|Int|Float|Boolean|String|ID)\b/.exec(detail) ??
    /(Int|Float|Boolean|String) cannot represent/.exec(detail);
  return named?.[1] ?? "other";
}
