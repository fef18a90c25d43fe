import { CombinedGraphQLErrors } from "@apollo/client";
import { type FormEvent, useState } from "react";

export interface EntryField {
  /** The input's name, which is the API input's field name, so refusals land beside it. */
  name: string;
  label: string;
  type?: "text" | "date" | "month" | "select";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  decimal?: boolean;
  defaultValue?: string;
}

/** The API's refusal as messages per named input field, and one for the rest. */
export function refusalByField(error: unknown, fields: readonly string[]): { fields: Record<string, string>; general?: string } {
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, general: (error as Error)?.message };
  // Values refused for their type come as one error per field, a rule's refusal as one error
  // naming them all: either way, every issue of every error.
  const issues = error.errors.flatMap((each) => (each.extensions?.issues ?? []) as { field: string; message: string }[]);
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    if (fields.includes(issue.field)) byField[issue.field] = issue.message;
    else rest.push(`${issue.field}: ${issue.message}`);
  }
  return { fields: byField, general: issues.length === 0 ? error.errors[0]?.message : rest.join("; ") || undefined };
}

/**
 * A data-entry form whose every check is the API's: each refusal is shown beside the field it
 * names. One idempotency key per entry, kept across retries until the API accepts it, so a
 * double click or a lost answer enters the data once.
 */
export function EntryForm({
  id,
  title,
  description,
  fields,
  submitLabel,
  onSubmit,
}: {
  id: string;
  title: string;
  description?: string;
  fields: readonly EntryField[];
  submitLabel: string;
  /** Sends the values (blank ones as null); resolves with what to tell the user. */
  onSubmit: (values: Record<string, string | null>, idempotencyKey: string) => Promise<string>;
}) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ReturnType<typeof refusalByField>>({ fields: {} });
  const [saved, setSaved] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries(fields.map((field) => [field.name, String(data.get(field.name) ?? "").trim() || null]));
    setBusy(true);
    setSaved(undefined);
    try {
      setSaved(await onSubmit(values, key));
      setRefusal({ fields: {} });
      setKey(crypto.randomUUID());
      form.reset();
    } catch (error) {
      setRefusal(
        refusalByField(
          error,
          fields.map((field) => field.name),
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate>
        {fields.map((field) => {
          const problem = refusal.fields[field.name];
          const inputId = `${id}-${field.name}`;
          const common = {
            id: inputId,
            name: field.name,
            required: field.required,
            defaultValue: field.defaultValue,
            "aria-invalid": problem ? true : undefined,
            "aria-describedby": problem ? `${id}-${field.name}-problem` : undefined,
          };
          return (
            <label key={field.name} htmlFor={inputId}>
              <span>{field.label}</span>
              {field.type === "select" ? (
                <select {...common}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...common} type={field.type ?? "text"} inputMode={field.decimal ? "decimal" : undefined} />
              )}
              {problem && (
                <small id={`${id}-${field.name}-problem`} className="field-problem">
                  {problem}
                </small>
              )}
            </label>
          );
        })}
        {refusal.general && (
          <p role="alert" className="field-problem">
            {refusal.general}
          </p>
        )}
        {saved && <p role="status">{saved}</p>}
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
