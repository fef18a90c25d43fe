import { useMutation } from "@apollo/client/react";
import { useKitMessages } from "@revita/ui/i18n";
import { EntryForm } from "../../features/entry/entry-form.js";
import {
  AllocateFundDocument,
  ProjectPageDocument,
  type ProjectPageQuery,
  type ProjectStatus,
  ReallocateFundDocument,
  RecordDisbursementDocument,
  UpdateProjectDocument,
} from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";

type PageProject = NonNullable<ProjectPageQuery["project"]>;
const STATUSES: ProjectStatus[] = ["PLANNED", "STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED"];

/**
 * An editor's forms on a project's page: its facts, made from the version the page shows (a
 * change someone made meanwhile is refused, not overwritten), money allocated to it from a fund,
 * and payments against an allocation.
 */
export function ProjectEntry({ project }: { project: PageProject }) {
  const { t } = useAppLocale();
  const statusLabels = useKitMessages().projectStatus;
  const kit = t.projectEntry;
  const refetchQueries = [{ query: ProjectPageDocument, variables: { code: project.code } }];
  const [update] = useMutation(UpdateProjectDocument, { refetchQueries });
  const [allocate] = useMutation(AllocateFundDocument, { refetchQueries });
  const [pay] = useMutation(RecordDisbursementDocument, { refetchQueries });
  const [reallocate] = useMutation(ReallocateFundDocument, { refetchQueries });
  const allocationOptions = project.allocations.map((allocation) => ({
    value: allocation.id,
    label: `${allocation.fund.nameZh}（${allocation.allocatedOn}，${allocation.amount}）`,
  }));

  return (
    <>
      <EntryForm
        id="edit-project"
        title={kit.editTitle}
        description={kit.editDescription({ version: project.version })}
        submitLabel={kit.save}
        fields={[
          { name: "nameZh", label: kit.nameZh, defaultValue: project.nameZh },
          {
            name: "status",
            label: kit.status,
            type: "select",
            defaultValue: project.status,
            options: STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
          },
          { name: "totalInvestment", label: kit.totalInvestment, decimal: true, defaultValue: project.totalInvestment },
          { name: "plannedFinish", label: kit.plannedFinish, type: "date", defaultValue: project.plannedFinish ?? "" },
        ]}
        onSubmit={async (values, idempotencyKey) => {
          const { data } = await update({
            variables: {
              idempotencyKey,
              input: {
                code: project.code,
                expectedVersion: project.version,
                nameZh: values.nameZh ?? "",
                status: values.status as ProjectStatus,
                totalInvestment: values.totalInvestment ?? "",
                plannedFinish: values.plannedFinish,
              },
            },
          });
          return kit.saved({ version: data?.updateProject.version ?? project.version });
        }}
      />
      <EntryForm
        id="allocate-fund"
        title={kit.allocateTitle}
        description={kit.allocateDescription}
        submitLabel={kit.allocate}
        fields={[
          { name: "fundCode", label: kit.fundCode, required: true },
          { name: "amount", label: kit.amount, decimal: true, required: true },
          { name: "allocatedOn", label: kit.allocatedOn, type: "date", required: true },
          { name: "note", label: kit.note },
          { name: "overAllocationReason", label: kit.overAllocationReason, placeholder: kit.overAllocationHint },
        ]}
        onSubmit={async (values, idempotencyKey) => {
          await allocate({
            variables: {
              idempotencyKey,
              input: {
                projectCode: project.code,
                fundCode: values.fundCode ?? "",
                amount: values.amount ?? "",
                allocatedOn: values.allocatedOn ?? "",
                note: values.note,
                overAllocationReason: values.overAllocationReason,
              },
            },
          });
          return kit.allocated;
        }}
      />
      {project.allocations.length > 0 && (
        <EntryForm
          id="record-payment"
          title={kit.payTitle}
          description={kit.payDescription}
          submitLabel={kit.pay}
          fields={[
            {
              name: "allocationId",
              label: kit.allocation,
              type: "select",
              options: allocationOptions,
            },
            { name: "amount", label: kit.amount, decimal: true, required: true },
            { name: "paidOn", label: kit.paidOn, type: "date", required: true },
            { name: "voucherNo", label: kit.voucherNo },
          ]}
          onSubmit={async (values, idempotencyKey) => {
            await pay({
              variables: {
                idempotencyKey,
                input: {
                  allocationId: values.allocationId ?? "",
                  amount: values.amount ?? "",
                  paidOn: values.paidOn ?? "",
                  voucherNo: values.voucherNo,
                },
              },
            });
            return kit.paid;
          }}
        />
      )}
      {project.allocations.length > 0 && (
        <EntryForm
          id="reallocate-fund"
          title={kit.reallocateTitle}
          description={kit.reallocateDescription}
          submitLabel={kit.reallocate}
          fields={[
            {
              name: "allocationId",
              label: kit.allocation,
              type: "select",
              options: allocationOptions,
            },
            { name: "amount", label: kit.keepAmount, decimal: true, required: true },
            { name: "toProjectCode", label: kit.toProjectCode, placeholder: kit.toProjectHint },
            { name: "allocatedOn", label: kit.movedOn, type: "date" },
            { name: "reason", label: kit.reason, required: true },
            { name: "overAllocationReason", label: kit.overAllocationReason, placeholder: kit.overAllocationHint },
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const allocation = project.allocations.find((each) => each.id === values.allocationId);
            await reallocate({
              variables: {
                idempotencyKey,
                input: {
                  allocationId: values.allocationId ?? "",
                  expectedVersion: allocation?.version ?? 0,
                  amount: values.amount ?? "",
                  toProjectCode: values.toProjectCode,
                  allocatedOn: values.allocatedOn,
                  reason: values.reason ?? "",
                  overAllocationReason: values.overAllocationReason,
                },
              },
            });
            return kit.reallocated;
          }}
        />
      )}
    </>
  );
}
