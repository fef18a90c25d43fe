-- DropIndex
DROP INDEX "indicator_value_region_id_idx";

-- CreateIndex
CREATE INDEX "indicator_value_region_id_period_end_idx" ON "indicator_value"("region_id", "period_end");

-- CreateIndex
CREATE INDEX "progress_report_project_id_period_end_idx" ON "progress_report"("project_id", "period_end");
