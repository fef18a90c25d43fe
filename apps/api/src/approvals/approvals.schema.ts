import { readsRecordRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import {
  APPROVAL_DATA_SETS,
  APPROVAL_STATUSES,
  type ApprovalAction,
  capabilityFor,
  describeUnit,
  findApprovalUnit,
  moveApproval,
} from "./approvals.service.js";

export const ApprovalDataSetEnum = builder.enumType("ApprovalDataSet", {
  description:
    "The kinds of data that go through approval: 项目进度 PROGRESS (progress reports), 指标 INDICATORS (indicator values), 社区服务考核 COMMUNITY_SERVICE (party members' monthly service cards and the community's scores; submit a month, e.g. 2024-06, or a quarter).",
  values: APPROVAL_DATA_SETS,
});

export const ApprovalStatusEnum = builder.enumType("ApprovalStatus", {
  description:
    "Where a region's data for a period stands: 已上报 SUBMITTED (locked, waiting for an approver), 已审核 APPROVED (locked), 已退回 RETURNED (open again, with the approver's comment). Data never submitted has no approval.",
  values: APPROVAL_STATUSES,
});

builder.prismaNode("DataApproval", {
  description:
    "审核: a region's data of one kind for one period, and where it stands. It covers the data of the region and every region below it whose period lies inside this one; submitted and approved data cannot be changed.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    dataSet: t.expose("dataSet", { type: ApprovalDataSetEnum, description: "Which data." }),
    region: t.relation("region", { description: "The region whose data it is (and its subtree's)." }),
    period: t.expose("period", { type: "Period", description: "The period; the data of every period inside it is covered." }),
    status: t.expose("status", { type: ApprovalStatusEnum, description: "Where it stands." }),
    submittedBy: t.exposeString("submittedBy", { description: "Who submitted it last." }),
    submittedAt: t.string({
      description: "When it was submitted last (ISO 8601, UTC).",
      resolve: (a) => a.submittedAt.toISOString(),
    }),
    decidedBy: t.exposeString("decidedBy", {
      nullable: true,
      description: "The approver who approved, returned or reopened it.",
    }),
    decidedAt: t.string({
      nullable: true,
      description: "When the approver decided (ISO 8601, UTC).",
      resolve: (a) => a.decidedAt?.toISOString() ?? null,
    }),
    comment: t.exposeString("comment", { nullable: true, description: "The approver's reason for returning or reopening it." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion so that a decision on a stale view is refused." }),
  }),
});

const ApprovalInputRef = builder.inputType("ApprovalInput", {
  description: "Which data an approval move is about, and the approver's comment.",
  fields: (t) => ({
    dataSet: t.field({ type: ApprovalDataSetEnum, required: true, description: "Progress reports or indicator values." }),
    regionCode: t.string({ required: true, description: "The region's 12-digit division code; its subtree is covered." }),
    period: t.string({ required: true, description: "A year (2024), a quarter (2024Q2) or a month (2024-06)." }),
    comment: t.string({ description: "Required to return or reopen: what the editors must fix." }),
    expectedVersion: t.int({ description: "The approval's version you saw; a move on a stale view is refused." }),
  }),
});

const MOVE_DESCRIPTIONS: Record<ApprovalAction, [string, string]> = {
  SUBMIT: [
    "submitData",
    "上报: an EDITOR of the region submits its data for the period; from then on it is locked until an approver returns it. Allowed when never submitted or returned.",
  ],
  APPROVE: ["approveData", "审核通过: an APPROVER of the region approves submitted data; it stays locked."],
  RETURN: ["returnData", "退回: an APPROVER sends submitted data back to the editors with a comment; it is open again."],
  REOPEN: ["reopenData", "重新打开: an APPROVER reopens approved data for a correction, with a comment; it is open again."],
};

for (const action of Object.keys(MOVE_DESCRIPTIONS) as ApprovalAction[]) {
  const [name, description] = MOVE_DESCRIPTIONS[action];
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "DataApproval",
      description: `${description} Send an idempotencyKey so that a retried request moves once.`,
      args: {
        input: t.arg({ type: ApprovalInputRef, required: true, description: "Which data, and the comment." }),
        ...idempotencyKeyArg,
      },
      resolve: async (query, _root, { input, idempotencyKey }, context) => {
        const { approvalId } = await applyChange(context, name, { input, idempotencyKey }, async (tx, author) => {
          const unit = await findApprovalUnit(tx, input);
          requireCapability(context, capabilityFor(action), unit.region.path, {
            field: "regionCode",
            what: describeUnit(unit),
          });
          const approval = await moveApproval(tx, unit, action, {
            author,
            comment: input.comment,
            expectedVersion: input.expectedVersion,
          });
          return { approvalId: approval.id };
        });
        return context.prisma.dataApproval.findUniqueOrThrow({ ...query, where: { id: approvalId } });
      },
    }),
  );
}

builder.queryField("dataApprovals", (t) =>
  t.prismaConnection({
    type: "DataApproval",
    cursor: "id",
    description: "Where the data of a region and the regions below it stands in the approval workflow, latest period first.",
    authScopes: (_root, args) => ({ readsCode: args.regionCode }),
    args: {
      regionCode: t.arg.string({ required: true, description: "The region's 12-digit division code; its subtree is included." }),
      dataSet: t.arg({ type: ApprovalDataSetEnum, description: "Only this kind of data." }),
      status: t.arg({
        type: ApprovalStatusEnum,
        description: "Only approvals in this state, e.g. SUBMITTED for an approver's queue.",
      }),
    },
    resolve: async (query, _root, args, context) => {
      const regionId = await context.regions.requireIdOfCode(args.regionCode);
      return context.prisma.dataApproval.findMany({
        ...query,
        where: {
          region: { path: { has: regionId } },
          ...(args.dataSet ? { dataSet: args.dataSet } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ periodStart: "desc" }, { periodEnd: "asc" }, { id: "asc" }],
      });
    },
  }),
);
