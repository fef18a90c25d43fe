-- New values of existing enums, alone in their migration: PostgreSQL refuses to use a value added
-- in the same transaction, and the governance migration after this one uses them in constraints.

-- AlterEnum
ALTER TYPE "ApprovalDataSet" ADD VALUE 'COMMUNITY_SERVICE';

-- AlterEnum
ALTER TYPE "RegionKind" ADD VALUE 'AREA';
ALTER TYPE "RegionKind" ADD VALUE 'GRID_CELL';
ALTER TYPE "RegionKind" ADD VALUE 'BUILDING';

-- AlterEnum
ALTER TYPE "RegionLevel" ADD VALUE 'GRID';
ALTER TYPE "RegionLevel" ADD VALUE 'BUILDING';

-- AlterEnum
ALTER TYPE "AlertRule" ADD VALUE 'CLAIM_OVERDUE';
