import { useId } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import "./filter-bar.css";

export type FilterDefinition =
  | { kind: "search"; key: string; label: string; placeholder?: string }
  | { kind: "select"; key: string; label: string; options: { value: string; label: string }[] }
  | { kind: "range"; key: string; label: string; unit?: string };

/** Filter values by key: a string for search and select, [min, max] strings for a range. */
export type FilterValues = Record<string, string | [string, string] | undefined>;

export interface FilterBarProps {
  filters: FilterDefinition[];
  values: FilterValues;
  onChange: (values: FilterValues) => void;
}

/**
 * The row of filters above a list. Controlled: the page keeps the values (in the URL, so a
 * filtered view can be shared) and the bar only reports changes.
 */
export function FilterBar({ filters, values, onChange }: FilterBarProps) {
  const messages = useKitMessages();
  const idPrefix = useId();
  const set = (key: string, value: string | [string, string] | undefined) => onChange({ ...values, [key]: value });
  const active = Object.values(values).some((value) => (Array.isArray(value) ? value.some(Boolean) : Boolean(value)));
  return (
    <search className="revita-filter-bar">
      {filters.map((filter) => {
        const id = `${idPrefix}-${filter.key}`;
        const value = values[filter.key];
        if (filter.kind === "search") {
          return (
            <label key={filter.key} htmlFor={id}>
              <span>{filter.label}</span>
              <input
                id={id}
                type="search"
                value={typeof value === "string" ? value : ""}
                placeholder={filter.placeholder ?? messages.search}
                onChange={(event) => set(filter.key, event.target.value || undefined)}
              />
            </label>
          );
        }
        if (filter.kind === "select") {
          return (
            <label key={filter.key} htmlFor={id}>
              <span>{filter.label}</span>
              <select
                id={id}
                value={typeof value === "string" ? value : ""}
                onChange={(event) => set(filter.key, event.target.value || undefined)}
              >
                <option value="">{messages.all}</option>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        const [min = "", max = ""] = Array.isArray(value) ? value : [];
        return (
          <fieldset key={filter.key}>
            <legend>
              {filter.label}
              {filter.unit ? ` (${filter.unit})` : ""}
            </legend>
            <input
              aria-label={`${filter.label} ${messages.min}`}
              inputMode="decimal"
              placeholder={messages.min}
              value={min}
              onChange={(event) => set(filter.key, [event.target.value, max])}
            />
            <span aria-hidden="true">–</span>
            <input
              aria-label={`${filter.label} ${messages.max}`}
              inputMode="decimal"
              placeholder={messages.max}
              value={max}
              onChange={(event) => set(filter.key, [min, event.target.value])}
            />
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange({})} disabled={!active}>
        {messages.reset}
      </button>
    </search>
  );
}
