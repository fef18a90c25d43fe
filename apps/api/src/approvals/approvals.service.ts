import type { ChangeAuthor } from "../changes/apply-change.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type { ApprovalDataSet, ApprovalStatus, DataApproval, Region } from "../generated/prisma/client.js";

export const APPROVAL_DATA_SETS: readonly ApprovalDataSet[] = ["PROGRESS", "INDICATORS", "COMMUNITY_SERVICE"];
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ["SUBMITTED", "APPROVED", "RETURNED"];

/**
 * The moves of the approval workflow. Editors submit their region's data for a period; an
 * approver approves it or returns it with a comment; an approved period is reopened (returned)
 * by an approver when a figure must be corrected.
 */
export type ApprovalAction = "SUBMIT" | "APPROVE" | "RETURN" | "REOPEN";

/** Who may make each move, and from which states. No row counts as open (never submitted). */
const MOVES: Record<ApprovalAction, { capability: "edit" | "approve"; from: (ApprovalStatus | "OPEN")[]; to: ApprovalStatus }> = {
  SUBMIT: { capability: "edit", from: ["OPEN", "RETURNED"], to: "SUBMITTED" },
  APPROVE: { capability: "approve", from: ["SUBMITTED"], to: "APPROVED" },
  RETURN: { capability: "approve", from: ["SUBMITTED"], to: "RETURNED" },
  REOPEN: { capability: "approve", from: ["APPROVED"], to: "RETURNED" },
};

export const capabilityFor = (action: ApprovalAction) => MOVES[action].capability;

export interface ApprovalUnitInput {
  dataSet: ApprovalDataSet;
  regionCode: string;
  /** 2024, 2024Q2 or 2024-06: the data of every period inside it. */
  period: string;
}

export interface ApprovalUnit {
  dataSet: ApprovalDataSet;
  region: Region;
  period: { key: string; start: string; end: string };
  current: DataApproval | null;
}

const DATA_SET_NAMES: Record<ApprovalDataSet, string> = {
  PROGRESS: "progress",
  INDICATORS: "indicators",
  COMMUNITY_SERVICE: "community service cards and scores",
};

/** A region's data of one kind for one period, and where it stands now. */
export async function findApprovalUnit(db: DbClient, input: ApprovalUnitInput): Promise<ApprovalUnit> {
  const check = new InputChecker();
  const dataSet = check.oneOf("dataSet", input.dataSet, APPROVAL_DATA_SETS);
  const period = check.period("period", input.period);
  const region = await db.region.findUnique({ where: { code: input.regionCode } });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  check.done();
  const current = await db.dataApproval.findUnique({
    where: { dataSet_regionId_period: { dataSet, regionId: region!.id, period: period!.key } },
  });
  return { dataSet, region: region!, period: period!, current };
}

export function describeUnit(unit: ApprovalUnit): string {
  return `the ${DATA_SET_NAMES[unit.dataSet]} of ${unit.region.nameZh} for ${unit.period.key}`;
}

/**
 * Makes one move of the workflow, or refuses it with the reason (a CONFLICT when the data is not
 * in a state the move starts from). A return or reopen needs a comment for the editors.
 */
export async function moveApproval(
  db: DbClient,
  unit: ApprovalUnit,
  action: ApprovalAction,
  { author, comment, expectedVersion }: { author: ChangeAuthor; comment?: string | null; expectedVersion?: number | null },
): Promise<DataApproval> {
  const check = new InputChecker();
  const reason = check.optionalText("comment", comment, { max: 1000 });
  const move = MOVES[action];
  if (move.to === "RETURNED" && !reason) check.fail("comment", "RETURN_NEEDS_COMMENT");
  check.done();
  const state = unit.current?.status ?? "OPEN";
  if (!move.from.includes(state)) {
    throw new RevitaError(
      "CONFLICT",
      "APPROVAL_WRONG_STATE",
      { dataSet: unit.dataSet, region: unit.region.nameZh, period: unit.period.key, state, action },
      [fieldIssue("period", "APPROVAL_WRONG_STATE_FIELD", { state })],
    );
  }
  const now = new Date();
  const decision =
    move.to === "SUBMITTED"
      ? { submittedBy: author.name, submittedAt: now, decidedBy: null, decidedAt: null, comment: null }
      : { decidedBy: author.name, decidedAt: now, comment: reason };
  if (!unit.current) {
    return db.dataApproval.create({
      data: {
        dataSet: unit.dataSet,
        regionId: unit.region.id,
        period: unit.period.key,
        periodStart: new Date(`${unit.period.start}T00:00:00Z`),
        periodEnd: new Date(`${unit.period.end}T00:00:00Z`),
        status: move.to,
        submittedBy: author.name,
        submittedAt: now,
      },
    });
  }
  const what = describeUnit(unit);
  const version = expectedVersion ?? unit.current.version;
  requireVersion(what, unit.current, version);
  requireUpdated(
    what,
    await db.dataApproval.updateMany({ where: { id: unit.current.id, version }, data: { status: move.to, ...decision } }),
    version,
  );
  return db.dataApproval.findUniqueOrThrow({ where: { id: unit.current.id } });
}
