/**
 * Errors with stable codes that clients can act on. A message says what is wrong and where;
 * nothing here carries a stack trace or SQL to the client.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "TOO_MANY_ATTEMPTS"
  | "INTERNAL_SERVER_ERROR";

export interface FieldIssue {
  /** Dotted path of the offending input field, e.g. "progress.physicalProgress". */
  field: string;
  message: string;
}

export class RevitaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "RevitaError";
  }
}

/** One or more input fields are wrong; every issue names its field. */
export class ValidationError extends RevitaError {
  constructor(issues: FieldIssue[]) {
    super("BAD_USER_INPUT", issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "), issues);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends RevitaError {
  constructor(what: string, field?: string) {
    super("NOT_FOUND", `${what} does not exist`, field ? [{ field, message: `${what} does not exist` }] : []);
    this.name = "NotFoundError";
  }
}

/**
 * The request's credentials are missing, wrong, expired or forged. The message says which, so
 * the reader knows whether to sign in again or fix a script's token; it never says whether a
 * username exists.
 */
export class AuthenticationError extends RevitaError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
    this.name = "AuthenticationError";
  }
}

/** Messages for the database's own CHECK constraints (see the integrity_rules migration). */
const CONSTRAINT_MESSAGES: Record<string, FieldIssue> = {
  region_code_shape: { field: "code", message: "a region code has exactly 12 digits" },
  region_root_is_province: { field: "parentCode", message: "only a province has no parent, and a province has none" },
  region_kind_fits_level: { field: "kind", message: "this kind of region does not exist at this level" },
  project_total_investment_not_negative: { field: "totalInvestment", message: "total investment cannot be negative" },
  project_phase_number_with_parent: {
    field: "phaseNumber",
    message: "a phase needs both a parent project and a phase number of 1 or more",
  },
  project_planned_dates_ordered: { field: "plannedFinish", message: "planned finish is before planned start" },
  project_actual_dates_ordered: { field: "actualFinish", message: "actual finish is before actual start" },
  project_output_quantity_not_negative: { field: "outputs.quantity", message: "an output quantity cannot be negative" },
  progress_report_period_key: { field: "period", message: "write the period as 2023, 2023Q2 or 2023-06" },
  progress_report_completed_investment_not_negative: {
    field: "completedInvestment",
    message: "completed investment cannot be negative",
  },
  progress_report_physical_progress_range: {
    field: "physicalProgress",
    message: "physical progress is a percentage from 0 to 100",
  },
  progress_report_has_a_figure: {
    field: "completedInvestment",
    message: "a progress report needs completed investment, physical progress, or both",
  },
  fund_amount_not_negative: { field: "amount", message: "a fund's amount cannot be negative" },
  fund_years_ordered: {
    field: "startYear",
    message: "a fund's start year must not be after its year, and both must be real budget years",
  },
  fund_allocation_amount_positive: { field: "amount", message: "an allocation must be more than zero" },
  disbursement_amount_positive: { field: "amount", message: "a payment must be more than zero" },
  indicator_aggregation_inputs: {
    field: "aggregation",
    message: "a weighted average needs a weight indicator, a ratio a numerator and a denominator, and nothing else takes them",
  },
  indicator_value_period_key: { field: "period", message: "write the period as 2023, 2023Q2 or 2023-06" },
};

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

/**
 * Turns a refusal by the database into a RevitaError, or returns undefined for anything else
 * (which must then be treated as an internal error and logged, not shown).
 */
export function fromDatabaseError(error: unknown): RevitaError | undefined {
  if (error instanceof RevitaError) return error;
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new RevitaError("CONFLICT", `a record with the same ${String(target ?? "key")} already exists`);
  }
  if (prismaCode === "P2025") return new RevitaError("NOT_FOUND", "the record to change does not exist");
  const cause = driverErrorCause(error) ?? genericDatabaseErrorCause(error);
  if (!cause?.code) return undefined;
  switch (cause.code) {
    case "23514": {
      const constraint = cause.constraint ?? /violates check constraint "([^"]+)"/.exec(cause.message ?? "")?.[1];
      const known = constraint ? CONSTRAINT_MESSAGES[constraint] : undefined;
      // Trigger-raised violations already carry a complete sentence naming the record.
      return new RevitaError(
        "BAD_USER_INPUT",
        known ? `${known.field}: ${known.message}` : (cause.message ?? "the data breaks a rule"),
        known ? [known] : [],
      );
    }
    case "23505":
      return new RevitaError("CONFLICT", "a record with the same key already exists");
    case "42501": {
      // Row-level security refused a row outside the user's regions; other refusals (the
      // append-only audit log) carry their own message.
      const table = /row-level security policy for table "([^"]+)"/.exec(cause.message ?? "")?.[1];
      return new RevitaError(
        "FORBIDDEN",
        table
          ? `the ${table.replaceAll("_", " ")} is outside the regions you may change`
          : (cause.message ?? "the database refused the change"),
      );
    }
    case "RV409":
      // Raised by the approval locks (data_entry migration): the message names the region,
      // period and record.
      return new RevitaError("CONFLICT", cause.message ?? "the data is locked by an approval", [
        { field: "period", message: "locked by an approval" },
      ]);
    case "23503":
      return new RevitaError("BAD_USER_INPUT", "the record refers to something that does not exist, or is still referred to");
    default:
      return undefined;
  }
}

/**
 * The field a value was refused for before any resolver ran: GraphQL checks variables against
 * their types (a Decimal written "12万", a date written 2024/1/1, an Int written "abc", a required
 * field left out) and says so only in prose. Naming the field lets a form show the refusal beside
 * it, like every other refusal. The path drops the variable's own name ("input.totalInvestment" →
 * "totalInvestment"), as the forms name an input's fields.
 */
export function variableIssue(message: string): FieldIssue | undefined {
  const invalid = /^Variable "\$\w+" got invalid value .* at "\w+((?:\.\w+|\[\d+\])+)"; (?:Expected type "\w+"\. )?(.+)$/s.exec(
    message,
  );
  if (invalid) return { field: invalid[1]!.replace(/^\./, ""), message: invalid[2]! };
  const missing = /^Variable "\$\w+" got invalid value .*; Field "(\w+)" of required type "[^"]+" was not provided\.$/s.exec(
    message,
  );
  if (missing) return { field: missing[1]!, message: "is required" };
  return undefined;
}
