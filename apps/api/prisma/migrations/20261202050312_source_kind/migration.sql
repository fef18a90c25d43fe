-- Where a record's figures come from (issue 23): every table that cites a source, and the
-- progress reports and allocations whose figures the demo partly makes up, say whether a record is
-- published by an article, derived from published figures, or illustrative. Empty for what users
-- record. The audit triggers record the new column like any other.

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('PUBLISHED', 'DERIVED', 'ILLUSTRATIVE');

-- AlterTable
ALTER TABLE "assessment" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "cleaning_campaign" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "fund" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "fund_allocation" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "grid_area" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "indicator_value" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "mediation_organization" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "mediator" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "monitoring_line" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "party_member" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "progress_report" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "project" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "volunteer_team" ADD COLUMN     "source_kind" "SourceKind";
