import type { CreateFundInput, RecordFundEvaluationInput } from "../../funds/funds.service.js";
import type { OrganizationKind, SourceKind } from "../../generated/prisma/enums.js";
import type { RecordIndicatorValueInput } from "../../indicators/indicators.service.js";
import type { CreateProjectInput } from "../../projects/projects.service.js";

/**
 * The shape every demo area (Cengong, Jingzhou, ...) is written in. Every record says where its
 * figures come from (`sourceKind`: published, derived, illustrative), so none can be added
 * without saying it.
 */
export interface DemoDataset {
  organizations: { name: string; kind: OrganizationKind; regionCode: string }[];
  projects: DemoProject[];
  funds: DemoFund[];
  indicatorValues: (Omit<RecordIndicatorValueInput, "reportedBy"> & { sourceKind: SourceKind })[];
  assessments: { regionCode: string; year: number; scheme: string; grade: string; source: string; sourceKind: SourceKind }[];
}

export interface DemoProject extends CreateProjectInput {
  /** The kind of the project's figures; its monthly history's last month has it, the months before are illustrative. */
  sourceKind: SourceKind;
  /** The implementing unit's name, one of the dataset's organizations. */
  implementingUnit?: string;
  /** A monthly history ending at the published figures (null where unpublished). */
  history?: { from: string; to: string; completed: string | null; progress: string | null; note?: string };
}

export interface DemoFund extends CreateFundInput {
  sourceKind: SourceKind;
  /** Its yearly performance evaluations (the fund's grade is then the latest one's). */
  evaluations?: (Omit<RecordFundEvaluationInput, "fundCode" | "expectedVersion"> & { sourceKind: SourceKind; source: string })[];
  allocations?: {
    sourceKind: SourceKind;
    projectCode: string;
    amount: string;
    allocatedOn: string;
    note?: string;
    /** Paid in equal quarterly instalments over the months given, the last one taking the remainder. */
    disbursed?: { total: string; from: string; to: string };
  }[];
}

/** Who the demo's figures are recorded as reported by. */
export const DEMO_REPORTER = "演示数据";
