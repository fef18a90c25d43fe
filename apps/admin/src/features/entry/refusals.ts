import { CombinedGraphQLErrors } from "@apollo/client";
import { formatReason, type Locale, type Params } from "@revita/messages";

/** A refusal as the API sends it: a reason of the shared catalogue, its parameters, and the server's own text. */
export interface SentRefusal {
  reason?: string;
  params?: Params;
  message: string;
}

/** A refusal said in the dashboard's language from its reason and parameters; the server's text when the reason is unknown. */
export function said(refusal: SentRefusal, locale: Locale): string {
  return refusal.reason ? formatReason(locale, refusal.reason, refusal.params, refusal.message) : refusal.message;
}

/** What a file upload or another plain HTTP call refused, with the API's reason kept for saying it. */
export class RefusedError extends Error implements SentRefusal {
  constructor(
    message: string,
    readonly reason?: string,
    readonly params?: Params,
  ) {
    super(message);
    this.name = "RefusedError";
  }
}

/** True when the API answered (and refused): the request was not applied, so a new attempt may take a new idempotency key. */
export function answeredByApi(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) || error instanceof RefusedError;
}

/** An error of any kind said in the dashboard's language. */
export function saidError(error: unknown, locale: Locale, networkFailure: string): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return first ? said({ ...(first.extensions as object), message: first.message }, locale) : networkFailure;
  }
  if (error instanceof RefusedError) return said(error, locale);
  return networkFailure;
}

/**
 * The API's refusal as messages per named input field, and one for the rest, in the dashboard's
 * language. Values refused for their type come as one error per field, a rule's refusal as one
 * error naming them all: either way, every issue of every error.
 */
export function refusalByField(
  error: unknown,
  fields: readonly string[],
  locale: Locale,
  networkFailure: string,
): { fields: Record<string, string>; general?: string } {
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, general: saidError(error, locale, networkFailure) };
  const issues = error.errors.flatMap((each) => (each.extensions?.issues ?? []) as (SentRefusal & { field: string })[]);
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    if (fields.includes(issue.field)) byField[issue.field] = said(issue, locale);
    else rest.push(said(issue, locale));
  }
  const separator = locale === "en" ? "; " : "；";
  // A refusal of the whole request (a lock, a version conflict) says more than its field issue.
  const whole = error.errors.find((each) => each.extensions?.code !== "BAD_USER_INPUT");
  const general = whole
    ? saidError(new CombinedGraphQLErrors({ errors: [whole] }), locale, networkFailure)
    : rest.join(separator);
  return { fields: byField, general: issues.length === 0 ? saidError(error, locale, networkFailure) : general || undefined };
}
