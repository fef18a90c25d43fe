import { CombinedGraphQLErrors } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { ProjectPageDocument, ReportProgressDocument } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";

const FIELDS = ["period", "completedInvestment", "physicalProgress", "overBudgetReason", "correctionReason", "note"] as const;
type Field = (typeof FIELDS)[number];

/** The API's refusal as messages per input field (what it names), and one for the rest. */
export function problemsByField(error: unknown): { fields: Partial<Record<Field, string>>; general?: string } {
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, general: (error as Error)?.message };
  const first = error.errors[0];
  const issues = (first?.extensions?.issues ?? []) as { field: string; message: string }[];
  const fields: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    if ((FIELDS as readonly string[]).includes(issue.field)) fields[issue.field as Field] = issue.message;
    else rest.push(issue.message);
  }
  return { fields, general: issues.length === 0 ? first?.message : rest.join("; ") || undefined };
}

/**
 * An editor's form for one period's progress. The API checks everything (and says which field is
 * wrong, shown beside it); the form only keeps a retried submission from reporting twice, with an
 * idempotency key that lasts until a report is saved.
 */
export function ReportProgressForm({ projectCode }: { projectCode: string }) {
  const { t } = useAppLocale();
  const [report, { loading }] = useMutation(ReportProgressDocument, {
    refetchQueries: [{ query: ProjectPageDocument, variables: { code: projectCode } }],
  });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problems, setProblems] = useState<ReturnType<typeof problemsByField>>({ fields: {} });
  const [saved, setSaved] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (field: Field) => String(new FormData(form).get(field) ?? "").trim() || null;
    setSaved(undefined);
    try {
      const { data } = await report({
        variables: {
          idempotencyKey: key,
          input: {
            projectCode,
            period: value("period") ?? "",
            completedInvestment: value("completedInvestment"),
            physicalProgress: value("physicalProgress"),
            overBudgetReason: value("overBudgetReason"),
            correctionReason: value("correctionReason"),
            note: value("note"),
          },
        },
      });
      setProblems({ fields: {} });
      setSaved(data?.reportProgress.period);
      setKey(crypto.randomUUID());
      form.reset();
    } catch (error) {
      setProblems(problemsByField(error));
    }
  };

  const input = (field: Field, type = "text", extra: Record<string, string> = {}) => {
    const problem = problems.fields[field];
    return (
      <label key={field}>
        <span>{t.entry[field]}</span>
        <input
          name={field}
          type={type}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${field}-problem` : undefined}
          {...extra}
        />
        {problem && (
          <small id={`${field}-problem`} className="field-problem">
            {problem}
          </small>
        )}
      </label>
    );
  };

  return (
    <section className="panel" aria-labelledby="report-progress-title">
      <h2 id="report-progress-title">{t.entry.title}</h2>
      <p className="muted">{t.entry.description}</p>
      <form className="entry-form" onSubmit={submit} noValidate>
        {input("period", "month", { required: "" })}
        {input("completedInvestment", "text", { inputMode: "decimal" })}
        {input("physicalProgress", "text", { inputMode: "decimal" })}
        {input("overBudgetReason")}
        {input("correctionReason")}
        {input("note")}
        {problems.general && (
          <p role="alert" className="field-problem">
            {problems.general}
          </p>
        )}
        {saved && <p role="status">{t.entry.saved(saved)}</p>}
        <button type="submit" disabled={loading}>
          {loading ? t.entry.submitting : t.entry.submit}
        </button>
      </form>
    </section>
  );
}
