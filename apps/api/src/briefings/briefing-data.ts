import { briefingVariables } from "@revita/briefing";
import { BriefingDocument, type BriefingQuery, BriefingYearsDocument, type BriefingYearsQuery } from "@revita/schema/operations";
import { type DocumentNode, execute } from "graphql";
import { chinaToday, isoDay } from "../common/china-day.js";
import { RevitaError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import type { Context } from "../context.js";
import { schema } from "../schema/index.js";

export interface BriefingFigures {
  data: BriefingQuery;
  /** The years the yearly sections show (the month's, or the latest before it with data). */
  fundYear: number;
  indicatorYear: number;
}

/** What a briefing is asked for: a region, a month, all figures or approved ones only. */
export interface BriefingRequest {
  regionCode: string;
  /** YYYY-MM, not after this month. */
  month: string;
}

/** The month a briefing covers, checked: YYYY-MM and not after the current month (China's). */
export function briefingMonth(check: InputChecker, field: string, value: string | null | undefined): string | null {
  const month = value?.trim() ?? "";
  const thisMonth = isoDay(chinaToday()).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month > thisMonth || month < "2000-01") {
    check.fail(field, "BRIEFING_MONTH", { value: month.slice(0, 20) });
    return null;
  }
  return month;
}

/**
 * The briefing's figures, read through the API's own schema with the asker's context: the same
 * document the dashboard's print layout asks (packages/schema/operations/briefing.graphql), the
 * same resolvers, rules and row-level security, so the PDF carries exactly what the API returns.
 * A region the asker may not read is refused before anything is read.
 */
export async function loadBriefingFigures(context: Context, request: BriefingRequest): Promise<BriefingFigures> {
  const check = new InputChecker();
  const month = briefingMonth(check, "month", request.month);
  const code = request.regionCode.trim();
  if (!/^\d{12}(\d{3}){0,2}$/.test(code)) check.fail("regionCode", "REGION_CODE_SHAPE", { code: code.slice(0, 40), digits: 12 });
  check.done();
  const region = await context.prisma.region.findUnique({ where: { code }, select: { path: true, nameZh: true } });
  if (!region) {
    check.fail("regionCode", "NO_SUCH_REGION", { code });
    check.done();
  }
  if (!context.access.covers("read", region!.path)) {
    throw new RevitaError("FORBIDDEN", "REGION_OUTSIDE_READ", { region: region!.nameZh });
  }
  const years = await run<BriefingYearsQuery>(context, BriefingYearsDocument, { code });
  const { variables, fundYear, indicatorYear } = briefingVariables(code, month!, years.region, isoDay(chinaToday()));
  const data = await run<BriefingQuery>(context, BriefingDocument, variables);
  return { data, fundYear, indicatorYear };
}

async function run<Data>(context: Context, document: DocumentNode, variableValues: Record<string, unknown>): Promise<Data> {
  const result = await execute({ schema, document, contextValue: context, variableValues });
  if (result.errors?.length) {
    const first = result.errors[0]!;
    throw first.originalError ?? first;
  }
  return result.data as unknown as Data;
}
