import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import { CorrectProgressDocument, ProjectPageDocument, ReportProgressDocument } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";

const FIELDS = ["period", "completedInvestment", "physicalProgress", "overBudgetReason", "correctionReason", "note"] as const;

/**
 * An editor's form for one period's progress, built like every entry form. A period already
 * reported is corrected instead: the figures become the report's next version, made from the
 * version this page shows, so a correction someone else made meanwhile is refused rather than
 * overwritten.
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
  const [report] = useMutation(ReportProgressDocument, { refetchQueries });
  const [correct] = useMutation(CorrectProgressDocument, { refetchQueries });
  const [period, setPeriod] = useState("");
  const earlier = reported.find((each) => each.period === period);
  const fields: EntryField[] = FIELDS.map((name) => ({
    name,
    label: t.entry[name],
    ...(name === "period" ? { type: "month" as const, required: true } : {}),
    ...(name === "completedInvestment" || name === "physicalProgress" ? { decimal: true } : {}),
  }));

  return (
    <EntryForm
      id="report-progress"
      title={t.entry.title}
      description={t.entry.description}
      fields={fields}
      submitLabel={t.entry.submit}
      onFieldChange={(name, value) => name === "period" && setPeriod(value)}
      notice={earlier && <p className="muted">{t.entry.correcting({ period: earlier.period, version: earlier.version })}</p>}
      onSubmit={async (values, idempotencyKey) => {
        const figures = {
          projectCode,
          period: values.period ?? "",
          completedInvestment: values.completedInvestment,
          physicalProgress: values.physicalProgress,
          overBudgetReason: values.overBudgetReason,
          note: values.note,
        };
        const correcting = reported.find((each) => each.period === figures.period);
        if (correcting) {
          const { data } = await correct({
            variables: {
              idempotencyKey,
              input: { ...figures, expectedVersion: correcting.version, correctionReason: values.correctionReason ?? "" },
            },
          });
          const corrected = data!.correctProgressReport;
          setPeriod(""); // the form starts again empty
          return t.entry.corrected({ period: corrected.period, version: corrected.version });
        }
        const { data } = await report({
          variables: { idempotencyKey, input: { ...figures, correctionReason: values.correctionReason } },
        });
        setPeriod("");
        return t.entry.saved({ period: data!.reportProgress.period });
      }}
    />
  );
}
