-- CreateEnum
CREATE TYPE "AlertRule" AS ENUM ('BEHIND_SCHEDULE', 'OVERDUE', 'STALE', 'DIVERGENCE', 'OVER_ALLOCATED', 'INDUSTRY_SHARE', 'DISBURSEMENT_LAG', 'INDICATOR_OFF_TARGET', 'REPORT_MISSING');

-- CreateTable
CREATE TABLE "alert_threshold" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "rule" "AlertRule" NOT NULL,
    "amber" DECIMAL(8,2) NOT NULL,
    "red" DECIMAL(8,2) NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_threshold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_threshold_region_id_rule_key" ON "alert_threshold"("region_id", "rule");

-- AddForeignKey
ALTER TABLE "alert_threshold" ADD CONSTRAINT "alert_threshold_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The bounds every path must keep (the service says the same in words, field by field): no
-- negative threshold, percentages and points at most 100, days at most ten years, and amber
-- before red in the direction the rule counts.
ALTER TABLE "alert_threshold"
  ADD CONSTRAINT "alert_threshold_not_negative" CHECK ("amber" >= 0 AND "red" >= 0),
  ADD CONSTRAINT "alert_threshold_within_bounds" CHECK (
    CASE WHEN "rule" IN ('OVERDUE', 'STALE', 'REPORT_MISSING') THEN "amber" <= 3650 AND "red" <= 3650
         WHEN "rule" = 'OVER_ALLOCATED' THEN "amber" <= 1000 AND "red" <= 1000
         ELSE "amber" <= 100 AND "red" <= 100 END),
  ADD CONSTRAINT "alert_threshold_amber_before_red" CHECK (
    CASE WHEN "rule" IN ('INDUSTRY_SHARE', 'INDICATOR_OFF_TARGET') THEN "red" <= "amber" ELSE "amber" <= "red" END);

CREATE TRIGGER alert_threshold_next_version BEFORE UPDATE ON alert_threshold
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();

SELECT audit_table('alert_threshold', 'id');

-- Thresholds set above a region govern it, so a town's users read their county's (as they read
-- the county's funds); only a region's admins set its own.
GRANT SELECT, INSERT, UPDATE, DELETE ON alert_threshold TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE alert_threshold_id_seq TO revita_api;
ALTER TABLE alert_threshold ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_threshold_read ON alert_threshold FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));
CREATE POLICY alert_threshold_insert ON alert_threshold FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
CREATE POLICY alert_threshold_update ON alert_threshold FOR UPDATE TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))))
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
CREATE POLICY alert_threshold_delete ON alert_threshold FOR DELETE TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
