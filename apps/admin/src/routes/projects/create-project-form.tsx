import { useMutation, useQuery } from "@apollo/client/react";
import { useKitMessages } from "@revita/ui/i18n";
import { EntryForm } from "../../features/entry/entry-form.js";
import {
  CategoryChoicesDocument,
  CreateProjectDocument,
  ProjectListDocument,
  type ProjectListQueryVariables,
  type ProjectStatus,
} from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import type { ScopedRegion } from "../../shell/region-scope.js";
import { STATUSES } from "./project-filters.js";

/** Phases are numbered 一期 to 十期; more than ten has never been seen in a county's plans. */
const PHASE_NUMBERS = Array.from({ length: 10 }, (_, index) => index + 1);

/**
 * An editor's new project in the region shown or one of its towns, or a phase of a project
 * already there. The list the editor is looking at is fetched again, and the form waits for it,
 * so the new project is on screen when the form says it was created.
 */
export function CreateProjectForm({ region, list }: { region: ScopedRegion; list: ProjectListQueryVariables }) {
  const { t, locale } = useAppLocale();
  const statusLabels = useKitMessages().projectStatus;
  const kit = t.createProject;
  // The labels a project's own edit form uses, for the same fields.
  const fieldLabels = t.projectEntry;
  const categories = useQuery(CategoryChoicesDocument);
  const [create] = useMutation(CreateProjectDocument, {
    refetchQueries: [{ query: ProjectListDocument, variables: list }],
    awaitRefetchQueries: true,
  });
  const name = (place: { nameZh: string; nameEn: string }) => (locale === "en" ? place.nameEn : place.nameZh);

  return (
    <EntryForm
      id="create-project"
      title={kit.title}
      description={kit.description}
      submitLabel={kit.submit}
      fields={[
        { name: "code", label: kit.code, required: true },
        { name: "nameZh", label: fieldLabels.nameZh, required: true },
        {
          name: "categoryCode",
          label: kit.category,
          type: "select",
          required: true,
          options: (categories.data?.projectCategories ?? []).map((category) => ({
            value: category.code,
            label: name(category),
          })),
        },
        {
          name: "status",
          label: fieldLabels.status,
          type: "select",
          defaultValue: "PLANNED",
          options: STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
        },
        {
          name: "regionCode",
          label: kit.region,
          type: "select",
          defaultValue: region.code,
          options: [region, ...region.children].map((place) => ({ value: place.code, label: name(place) })),
        },
        { name: "totalInvestment", label: fieldLabels.totalInvestment, decimal: true, required: true },
        { name: "plannedStart", label: kit.plannedStart, type: "date" },
        { name: "plannedFinish", label: fieldLabels.plannedFinish, type: "date" },
        { name: "parentCode", label: kit.parentCode },
        {
          name: "phaseNumber",
          label: kit.phaseNumber,
          type: "select",
          defaultValue: "",
          options: [
            { value: "", label: kit.notAPhase },
            ...PHASE_NUMBERS.map((n) => ({ value: String(n), label: kit.phase({ n }) })),
          ],
        },
      ]}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await create({
          variables: {
            idempotencyKey,
            input: {
              code: values.code ?? "",
              nameZh: values.nameZh ?? "",
              categoryCode: values.categoryCode ?? "",
              status: (values.status ?? "PLANNED") as ProjectStatus,
              regionCode: values.regionCode ?? region.code,
              totalInvestment: values.totalInvestment ?? "",
              plannedStart: values.plannedStart,
              plannedFinish: values.plannedFinish,
              parentCode: values.parentCode,
              phaseNumber: values.phaseNumber ? Number(values.phaseNumber) : null,
            },
          },
        });
        return kit.created({ code: data?.createProject.code ?? values.code ?? "" });
      }}
    />
  );
}
