import { useMutation } from "@apollo/client/react";
import { EntryForm } from "../../features/entry/entry-form.js";
import {
  CreateFundDocument,
  type FundLevel,
  type FundSourceType,
  FundsPageDocument,
  type FundsPageQuery,
  type PerformanceGrade,
  RecordFundEvaluationDocument,
  UpdateFundDocument,
} from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { APP_MESSAGES } from "../../i18n/messages.js";

type PageFund = FundsPageQuery["funds"]["edges"][number]["node"];

const SOURCE_TYPES = Object.keys(APP_MESSAGES["zh-CN"].sourceTypes) as FundSourceType[];
const LEVELS = Object.keys(APP_MESSAGES["zh-CN"].fundLevels) as FundLevel[];
const GRADES: PerformanceGrade[] = ["A", "B", "C", "D"];

/** "1000000；2000000" (or with ASCII ; or 、) as the API's list; blank is no split. */
export function yearAmountsOf(text: string | null | undefined): string[] | null {
  if (!text) return null;
  return text
    .split(/[;；、\s]+/)
    .map((part) => part.replaceAll(",", "").trim())
    .filter(Boolean);
}

/**
 * A year as the API takes it: null to leave it; what is not a whole number goes as 0, which the
 * API refuses beside the field ("年度应在 1949 到 2100 之间") rather than GraphQL refusing the request.
 */
export const yearOf = (text: string | null | undefined) => (text ? (Number.isInteger(Number(text)) ? Number(text) : 0) : null);

/**
 * An editor's forms on the funds page: register a fund managed by the region, edit one from
 * the version the list shows (blank fields stay), and record a year's performance evaluation.
 */
export function FundEntry({
  regionCode,
  funds,
  queryVariables,
}: {
  regionCode: string;
  funds: PageFund[];
  queryVariables: object;
}) {
  const { t } = useAppLocale();
  const kit = t.fundEntry;
  const refetchQueries = [{ query: FundsPageDocument, variables: queryVariables }];
  const [create] = useMutation(CreateFundDocument, { refetchQueries });
  const [update] = useMutation(UpdateFundDocument, { refetchQueries });
  const [evaluate] = useMutation(RecordFundEvaluationDocument, { refetchQueries });
  const fundOptions = funds.map((fund) => ({ value: fund.code, label: `${fund.nameZh}（${fund.code}）` }));

  return (
    <>
      <EntryForm
        id="create-fund"
        title={kit.createTitle}
        description={kit.createDescription}
        submitLabel={kit.create}
        fields={[
          { name: "code", label: kit.code, required: true },
          { name: "nameZh", label: kit.nameZh, required: true },
          {
            name: "sourceType",
            label: kit.sourceType,
            type: "select",
            options: SOURCE_TYPES.map((source) => ({ value: source, label: t.sourceTypes[source] })),
          },
          {
            name: "level",
            label: kit.level,
            type: "select",
            options: LEVELS.map((level) => ({ value: level, label: t.fundLevels[level] })),
          },
          { name: "startYear", label: kit.startYear, decimal: true },
          { name: "year", label: kit.year, decimal: true, required: true },
          { name: "amount", label: kit.amount, decimal: true, required: true },
          { name: "yearAmounts", label: kit.yearAmounts, placeholder: kit.yearAmountsHint },
          { name: "note", label: kit.note },
        ]}
        onSubmit={async (values, idempotencyKey) => {
          const { data } = await create({
            variables: {
              idempotencyKey,
              input: {
                code: values.code ?? "",
                nameZh: values.nameZh ?? "",
                sourceType: values.sourceType as FundSourceType,
                level: values.level as FundLevel,
                startYear: yearOf(values.startYear),
                year: yearOf(values.year) ?? 0,
                regionCode,
                amount: values.amount ?? "",
                yearAmounts: yearAmountsOf(values.yearAmounts),
                note: values.note,
              },
            },
          });
          return kit.created({ code: data?.createFund.code ?? "" });
        }}
      />
      {funds.length > 0 && (
        <EntryForm
          id="edit-fund"
          title={kit.editTitle}
          description={kit.editDescription}
          submitLabel={kit.save}
          fields={[
            { name: "code", label: kit.fund, type: "select", options: fundOptions },
            { name: "nameZh", label: kit.nameZh, placeholder: kit.keepHint },
            { name: "startYear", label: kit.startYear, decimal: true, placeholder: kit.keepHint },
            { name: "year", label: kit.year, decimal: true, placeholder: kit.keepHint },
            { name: "amount", label: kit.amount, decimal: true, placeholder: kit.keepHint },
            { name: "yearAmounts", label: kit.yearAmounts, placeholder: kit.keepHint },
            { name: "note", label: kit.note, placeholder: kit.keepHint },
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const fund = funds.find((each) => each.code === values.code);
            const { data } = await update({
              variables: {
                idempotencyKey,
                input: {
                  code: values.code ?? "",
                  expectedVersion: fund?.version ?? 0,
                  nameZh: values.nameZh,
                  startYear: yearOf(values.startYear),
                  year: yearOf(values.year),
                  amount: values.amount,
                  yearAmounts: yearAmountsOf(values.yearAmounts),
                  ...(values.note ? { note: values.note } : {}),
                },
              },
            });
            return kit.saved({ code: data?.updateFund.code ?? "", version: data?.updateFund.version ?? 0 });
          }}
        />
      )}
      {funds.length > 0 && (
        <EntryForm
          id="evaluate-fund"
          title={kit.evaluateTitle}
          description={kit.evaluateDescription}
          submitLabel={kit.evaluate}
          fields={[
            { name: "fundCode", label: kit.fund, type: "select", options: fundOptions },
            { name: "year", label: kit.evaluatedYear, decimal: true, required: true },
            { name: "grade", label: kit.grade, type: "select", options: GRADES.map((grade) => ({ value: grade, label: grade })) },
            { name: "score", label: kit.score, decimal: true },
            { name: "evaluatedOn", label: kit.evaluatedOn, type: "date", required: true },
            { name: "evaluator", label: kit.evaluator, required: true },
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await evaluate({
              variables: {
                idempotencyKey,
                input: {
                  fundCode: values.fundCode ?? "",
                  year: yearOf(values.year) ?? 0,
                  grade: values.grade as PerformanceGrade,
                  score: values.score,
                  evaluatedOn: values.evaluatedOn ?? "",
                  evaluator: values.evaluator ?? "",
                },
              },
            });
            const fund = data?.recordFundEvaluation;
            return kit.evaluated({ code: fund?.code ?? "", grade: fund?.performanceGrade ?? "" });
          }}
        />
      )}
    </>
  );
}
