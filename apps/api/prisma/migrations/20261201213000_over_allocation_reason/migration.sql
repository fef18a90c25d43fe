-- An allocation above its project's remaining total investment states why (超概算安排原因).
ALTER TABLE "fund_allocation" ADD COLUMN "over_allocation_reason" TEXT;
ALTER TABLE "fund_allocation" ADD CONSTRAINT "fund_allocation_reason_present" CHECK ("over_allocation_reason" IS NULL OR btrim("over_allocation_reason") <> '');
