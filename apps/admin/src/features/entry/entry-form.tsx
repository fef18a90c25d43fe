import { type FormEvent, type ReactNode, useState } from "react";
import { useAppLocale } from "../../i18n/app-locale.js";
import { answeredByApi, refusalByField } from "./refusals.js";

export interface EntryField {
  /** The input's name, which is the API input's field name, so refusals land beside it. */
  name: string;
  label: string;
  /** textarea: several lines (minutes, a note), the whole width of the form. */
  type?: "text" | "date" | "month" | "select" | "textarea";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  decimal?: boolean;
  defaultValue?: string;
  placeholder?: string;
}

/** A way to send the form, when it has more than one (submit, approve, return …). */
export interface EntryAction {
  name: string;
  label: string;
}

/**
 * The one data-entry form every page's forms are made of. The API does every check, and each
 * refusal is shown beside the field it names, in the reader's language (from its reason). One
 * idempotency key per attempt: kept when the answer was lost (a retry enters the data once),
 * renewed once the API has answered, whether it accepted or refused, since a refused request
 * changed nothing and the corrected one is a new request.
 */
export function EntryForm({
  id,
  title,
  description,
  fields,
  submitLabel,
  actions,
  notice,
  onFieldChange,
  embedded = false,
  onSubmit,
}: {
  id: string;
  title: string;
  description?: string;
  fields: readonly EntryField[];
  submitLabel: string;
  /** Several ways to send the form, each a button; `onSubmit` is told which. */
  actions?: readonly EntryAction[];
  /** Shown under the fields: what the values entered so far mean (a correction, a lock). */
  notice?: ReactNode;
  onFieldChange?: (name: string, value: string) => void;
  /** Inside a panel of its own page section: the form alone, titled for screen readers. */
  embedded?: boolean;
  /** Sends the values (blank ones as null); resolves with what to tell the user. */
  onSubmit: (values: Record<string, string | null>, idempotencyKey: string, action?: string) => Promise<string>;
}) {
  const { t, locale } = useAppLocale();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ReturnType<typeof refusalByField>>({ fields: {} });
  const [saved, setSaved] = useState<string>();
  const [action, setAction] = useState(actions?.[0]?.name);
  // A saved entry starts a new, empty form. Remounted rather than form.reset(): React remembers
  // each input's last value, and would not report the same value typed again (the same period,
  // to correct it) as a change.
  const [entry, setEntry] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(fields.map((field) => [field.name, String(data.get(field.name) ?? "").trim() || null]));
    setBusy(true);
    setSaved(undefined);
    try {
      setSaved(await onSubmit(values, key, action));
      setRefusal({ fields: {} });
      setKey(crypto.randomUUID());
      setEntry((n) => n + 1);
    } catch (error) {
      if (answeredByApi(error)) setKey(crypto.randomUUID());
      setRefusal(
        refusalByField(
          error,
          fields.map((field) => field.name),
          locale,
          t.networkFailure,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const form = (
    <form
      key={entry}
      className="entry-form"
      aria-label={embedded ? title : undefined}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
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
          onChange: onFieldChange
            ? (event: { target: { value: string } }) => onFieldChange(field.name, event.target.value)
            : undefined,
        };
        return (
          <label key={field.name} htmlFor={inputId} className={field.type === "textarea" ? "entry-form__wide" : undefined}>
            <span>{field.label}</span>
            {field.type === "textarea" ? (
              <textarea {...common} rows={4} placeholder={field.placeholder} />
            ) : field.type === "select" ? (
              <select {...common}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type ?? "text"}
                placeholder={field.placeholder}
                inputMode={field.decimal ? "decimal" : undefined}
              />
            )}
            {problem && (
              <small id={`${id}-${field.name}-problem`} className="field-problem">
                {problem}
              </small>
            )}
          </label>
        );
      })}
      {notice}
      {refusal.general && (
        <p role="alert" className="field-problem">
          {refusal.general}
        </p>
      )}
      {saved && <p role="status">{saved}</p>}
      {actions ? (
        <div className="form-actions">
          {actions.map((each) => (
            <button key={each.name} type="submit" disabled={busy} onClick={() => setAction(each.name)}>
              {each.label}
            </button>
          ))}
        </div>
      ) : (
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
  if (embedded) return form;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {form}
    </section>
  );
}
