import { CombinedGraphQLErrors } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { type FormEvent, type InputHTMLAttributes, useState } from "react";
import { CorrectProgressDocument, ProjectPageDocument, ReportProgressDocument } from "../../generated/operations.js";
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
 * idempotency key that lasts until a report is saved. A period already reported is corrected
 * instead: the figures become the report's next version, made from the version this page shows,
 * so a correction someone else made meanwhile is refused rather than overwritten.
 */
export function ReportProgressForm({
  projectCode,
  reported,
}: {
  projectCode: string;
  /** The periods already reported, with the version the page shows. */
  reported: readonly { period: string; version: number }[];
}) {
  const { t } = useAppLocale();
  const refetchQueries = [{ query: ProjectPageDocument, variables: { code: projectCode } }];
  const [report, { loading: reporting }] = useMutation(ReportProgressDocument, { refetchQueries });
  const [correct, { loading: correcting }] = useMutation(CorrectProgressDocument, { refetchQueries });
  const loading = reporting || correcting;
  const [period, setPeriod] = useState("");
  const earlier = reported.find((report) => report.period === period);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problems, setProblems] = useState<ReturnType<typeof problemsByField>>({ fields: {} });
  const [saved, setSaved] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (field: Field) => String(new FormData(form).get(field) ?? "").trim() || null;
    setSaved(undefined);
    const figures = {
      projectCode,
      period: value("period") ?? "",
      completedInvestment: value("completedInvestment"),
      physicalProgress: value("physicalProgress"),
      overBudgetReason: value("overBudgetReason"),
      note: value("note"),
    };
    try {
      if (earlier) {
        const { data } = await correct({
          variables: {
            idempotencyKey: key,
            input: { ...figures, expectedVersion: earlier.version, correctionReason: value("correctionReason") ?? "" },
          },
        });
        const corrected = data?.correctProgressReport;
        setSaved(corrected ? t.entry.corrected(corrected.period, corrected.version) : undefined);
      } else {
        const { data } = await report({
          variables: { idempotencyKey: key, input: { ...figures, correctionReason: value("correctionReason") } },
        });
        setSaved(data?.reportProgress ? t.entry.saved(data.reportProgress.period) : undefined);
      }
      setProblems({ fields: {} });
      setKey(crypto.randomUUID());
      setPeriod("");
      form.reset();
    } catch (error) {
      setProblems(problemsByField(error));
    }
  };

  const input = (field: Field, type = "text", extra: InputHTMLAttributes<HTMLInputElement> = {}) => {
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
        {input("period", "month", { required: true, value: period, onChange: (event) => setPeriod(event.target.value) })}
        {earlier && <p className="muted">{t.entry.correcting(earlier.period, earlier.version)}</p>}
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
        {saved && <p role="status">{saved}</p>}
        <button type="submit" disabled={loading}>
          {loading ? t.entry.submitting : t.entry.submit}
        </button>
      </form>
    </section>
  );
}
