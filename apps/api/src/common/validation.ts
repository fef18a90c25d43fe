import type { ReasonArgs, ReasonCode } from "@revita/messages";
import { type Period, parsePeriod } from "@revita/schema/period";
import { Prisma } from "../generated/prisma/client.js";
import { type FieldIssue, fieldIssue, ValidationError } from "./errors.js";

/** Half of a UTF-16 character pair, without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Collects every problem with an input before refusing it, so that a clerk fixing a form or a
 * file row sees all of them at once rather than one per attempt.
 */
export class InputChecker {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly prefix = "") {}

  /** Refuses a field for a reason of the shared catalogue, e.g. `fail("amount", "NEGATIVE", { value })`. */
  fail<R extends ReasonCode>(field: string, reason: R, ...params: ReasonArgs<R>): void {
    this.issues.push(fieldIssue(this.prefix + field, reason, ...params));
  }

  /**
   * A list an input may hold at most `max` items of. A longer one is refused whole, before its
   * items are checked one by one: 30,000 bad scores would otherwise answer 30,000 refusals.
   */
  bounded<T>(field: string, items: readonly T[] | null | undefined, max: number): readonly T[] {
    const list = items ?? [];
    if (list.length <= max) return list;
    this.fail(field, "TOO_MANY_ITEMS", { count: list.length, max });
    return [];
  }

  /** Throws a ValidationError listing every issue, if there is any. */
  done(): void {
    if (this.issues.length) throw new ValidationError(this.issues);
  }

  text(field: string, value: string | null | undefined, { max = 500 } = {}): string {
    const trimmed = value?.trim() ?? "";
    if (!trimmed) this.fail(field, "REQUIRED");
    else if (trimmed.length > max) this.fail(field, "TOO_LONG", { max });
    else this.printable(field, trimmed);
    return trimmed;
  }

  optionalText(field: string, value: string | null | undefined, { max = 2000 } = {}): string | null {
    const trimmed = value?.trim() ?? "";
    if (trimmed.length > max) this.fail(field, "TOO_LONG", { max });
    else this.printable(field, trimmed);
    return trimmed || null;
  }

  /**
   * Text the database can store and a reader can read: no NUL bytes (PostgreSQL refuses them)
   * and no halves of a character (a lone UTF-16 surrogate, from a broken copy and paste).
   */
  private printable(field: string, text: string): void {
    if (text.includes("\u0000") || LONE_SURROGATE.test(text)) this.fail(field, "UNPRINTABLE_TEXT");
  }

  /**
   * Money in yuan, exact to the fen. Accepts a decimal string or a safe integer; refuses
   * floats with more than two decimals rather than rounding someone's figure.
   */
  money(field: string, value: string | number | null | undefined, { allowZero = true } = {}): Prisma.Decimal {
    const parsed = this.decimal(field, value, { places: 2 });
    if (!parsed) return new Prisma.Decimal(0);
    if (parsed.lessThan(0)) this.fail(field, "NEGATIVE", { value: parsed.toFixed() });
    else if (!allowZero && parsed.isZero()) this.fail(field, "NOT_POSITIVE");
    else if (parsed.greaterThanOrEqualTo("1e14")) this.fail(field, "MONEY_TOO_LARGE");
    return parsed;
  }

  optionalMoney(field: string, value: string | number | null | undefined): Prisma.Decimal | null {
    if (value === null || value === undefined || value === "") return null;
    return this.money(field, value);
  }

  /** A percentage from 0 to 100. */
  percent(field: string, value: string | number | null | undefined): Prisma.Decimal | null {
    if (value === null || value === undefined || value === "") return null;
    const parsed = this.decimal(field, value, { places: 2 });
    if (parsed && (parsed.lessThan(0) || parsed.greaterThan(100))) {
      this.fail(field, "PERCENT_OUT_OF_RANGE", { value: parsed.toFixed() });
    }
    return parsed;
  }

  /** A decimal number below `below` in size (the columns hold 12 digits before the point). */
  decimal(
    field: string,
    value: string | number | null | undefined,
    { places = 4, below = "1e12" }: { places?: number; below?: string } = {},
  ): Prisma.Decimal | null {
    if (value === null || value === undefined || value === "") {
      this.fail(field, "REQUIRED");
      return null;
    }
    const text = typeof value === "number" ? String(value) : value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      this.fail(field, "NOT_A_NUMBER", { value: String(value) });
      return null;
    }
    const parsed = new Prisma.Decimal(text);
    if (parsed.decimalPlaces() > places) {
      this.fail(field, "TOO_MANY_DECIMALS", { places, value: text });
      return null;
    }
    if (parsed.abs().greaterThanOrEqualTo(below)) {
      this.fail(field, "NUMBER_TOO_LARGE", { value: text });
      return null;
    }
    return parsed;
  }

  period(field: string, value: string | null | undefined): Period | null {
    try {
      return parsePeriod(value?.trim() ?? "");
    } catch {
      this.fail(field, "NOT_A_PERIOD", { value: value?.trim() ?? "" });
      return null;
    }
  }

  /** An ISO date (YYYY-MM-DD). */
  date(field: string, value: string | null | undefined): Date | null {
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.fail(field, "NOT_A_DATE", { value });
      return null;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    if (parsed.toISOString().slice(0, 10) !== value) {
      this.fail(field, "NOT_A_CALENDAR_DATE", { value });
      return null;
    }
    const year = parsed.getUTCFullYear();
    if (year < 1900 || year > 2100) {
      this.fail(field, "DATE_OUT_OF_RANGE", { value });
      return null;
    }
    return parsed;
  }

  year(field: string, value: number | null | undefined): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1949 || value > 2100) {
      this.fail(field, "YEAR_OUT_OF_RANGE", { value: String(value) });
      return 0;
    }
    return value;
  }

  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) {
      this.fail(field, "NOT_ONE_OF", { allowed: allowed.join(", "), value: String(value) });
    }
    return value as T;
  }
}
