-- CreateEnum
CREATE TYPE "HouseholdType" AS ENUM ('UNSTABLE_OUT_OF_POVERTY', 'MARGINAL', 'SUDDEN_HARDSHIP');

-- CreateEnum
CREATE TYPE "RiskFactor" AS ENUM ('ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'ACCIDENT', 'UNEMPLOYMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('IDENTIFYING', 'MONITORED', 'ELIMINATING', 'RISK_ELIMINATED', 'NOT_INCLUDED');

-- CreateEnum
CREATE TYPE "LeadSource" AS ENUM ('APPLICATION', 'VILLAGE_VISIT', 'HEALTH_INSURANCE', 'EDUCATION', 'CIVIL_AFFAIRS', 'EMERGENCY_MANAGEMENT');

-- CreateEnum
CREATE TYPE "MonitoringStepKind" AS ENUM ('LEAD', 'VISIT', 'VILLAGE_REVIEW', 'NOTICE', 'TOWN_REVIEW', 'COUNTY_CONFIRMATION', 'ELIMINATION_PROPOSAL', 'ELIMINATION_VILLAGE_REVIEW', 'ELIMINATION_NOTICE', 'ELIMINATION_TOWN_REVIEW', 'ELIMINATION_CONFIRMATION', 'RETURN_TO_MONITORING');

-- CreateEnum
CREATE TYPE "MemberRelation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('INDUSTRY', 'EMPLOYMENT', 'HEALTH', 'EDUCATION', 'HOUSING', 'SOCIAL_ASSISTANCE', 'SMALL_LOAN', 'OTHER');

-- CreateTable
CREATE TABLE "monitoring_line" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "source" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "monitoring_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "head_name" TEXT NOT NULL,
    "type" "HouseholdType" NOT NULL,
    "risk_factors" "RiskFactor"[],
    "status" "HouseholdStatus" NOT NULL DEFAULT 'IDENTIFYING',
    "last_step" "MonitoringStepKind",
    "round" INTEGER NOT NULL DEFAULT 1,
    "lead_source" "LeadSource" NOT NULL,
    "lead_on" DATE NOT NULL,
    "confirmed_on" DATE,
    "eliminated_on" DATE,
    "phone_encrypted" TEXT,
    "phone_masked" TEXT,
    "bank_account_encrypted" TEXT,
    "bank_account_masked" TEXT,
    "cadre_name" TEXT,
    "cadre_unit" TEXT,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_member" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relation" "MemberRelation" NOT NULL,
    "birth_year" INTEGER,
    "health" TEXT,
    "disability" TEXT,
    "schooling" TEXT,
    "work" TEXT,
    "id_number_encrypted" TEXT,
    "id_number_masked" TEXT,

    CONSTRAINT "household_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_income" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "per_person" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "household_income_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitoring_step" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" "MonitoringStepKind" NOT NULL,
    "on" DATE NOT NULL,
    "by" TEXT NOT NULL,
    "approved" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "notice_from" DATE,
    "notice_to" DATE,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitoring_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_measure" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "description" TEXT NOT NULL,
    "started_on" DATE NOT NULL,
    "amount" DECIMAL(14,2),
    "result" TEXT,
    "ended_on" DATE,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assistance_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_data_view" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "user_name" TEXT NOT NULL,
    "fields" TEXT[],
    "via" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "personal_data_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "monitoring_line_region_id_year_key" ON "monitoring_line"("region_id", "year");

-- CreateIndex
CREATE INDEX "household_region_id_status_idx" ON "household"("region_id", "status");

-- CreateIndex
CREATE INDEX "household_lead_on_idx" ON "household"("lead_on");

-- CreateIndex
CREATE INDEX "household_member_household_id_idx" ON "household_member"("household_id");

-- CreateIndex
CREATE INDEX "household_member_region_id_idx" ON "household_member"("region_id");

-- CreateIndex
CREATE INDEX "household_income_region_id_idx" ON "household_income"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "household_income_household_id_year_key" ON "household_income"("household_id", "year");

-- CreateIndex
CREATE INDEX "monitoring_step_household_id_idx" ON "monitoring_step"("household_id");

-- CreateIndex
CREATE INDEX "monitoring_step_region_id_idx" ON "monitoring_step"("region_id");

-- CreateIndex
CREATE INDEX "assistance_measure_household_id_idx" ON "assistance_measure"("household_id");

-- CreateIndex
CREATE INDEX "assistance_measure_region_id_idx" ON "assistance_measure"("region_id");

-- CreateIndex
CREATE INDEX "personal_data_view_household_id_idx" ON "personal_data_view"("household_id");

-- CreateIndex
CREATE INDEX "personal_data_view_region_id_at_idx" ON "personal_data_view"("region_id", "at");

-- AddForeignKey
ALTER TABLE "monitoring_line" ADD CONSTRAINT "monitoring_line_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_step" ADD CONSTRAINT "monitoring_step_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_step" ADD CONSTRAINT "monitoring_step_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personal_data_view" ADD CONSTRAINT "personal_data_view_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personal_data_view" ADD CONSTRAINT "personal_data_view_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: the rules of a household's file, personal data kept only encrypted, audit,
-- row-level security, and the figures of the 巩固拓展脱贫攻坚成果 pillar.

ALTER TABLE "monitoring_line"
  ADD CONSTRAINT "monitoring_line_amount_positive" CHECK ("amount" > 0),
  ADD CONSTRAINT "monitoring_line_year_range" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "household"
  ADD CONSTRAINT "household_head_name_present" CHECK (btrim("head_name") <> ''),
  ADD CONSTRAINT "household_has_a_risk" CHECK (cardinality("risk_factors") > 0),
  ADD CONSTRAINT "household_status_recorded" CHECK (CASE "status"
    WHEN 'MONITORED' THEN "confirmed_on" IS NOT NULL
    WHEN 'ELIMINATING' THEN "confirmed_on" IS NOT NULL
    WHEN 'RISK_ELIMINATED' THEN "confirmed_on" IS NOT NULL AND "eliminated_on" IS NOT NULL
    ELSE true END),
  ADD CONSTRAINT "household_dates_in_order" CHECK (
    ("confirmed_on" IS NULL OR "confirmed_on" >= "lead_on") AND ("eliminated_on" IS NULL OR "eliminated_on" >= "confirmed_on")),
  -- What the API writes is ciphertext (keyId:iv:tag:data, base64): never an ID number, a phone or
  -- an account in clear, whichever path writes the row.
  ADD CONSTRAINT "household_phone_encrypted" CHECK ("phone_encrypted" IS NULL OR "phone_encrypted" ~ '^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$'),
  ADD CONSTRAINT "household_bank_account_encrypted" CHECK ("bank_account_encrypted" IS NULL OR "bank_account_encrypted" ~ '^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$');
ALTER TABLE "household_member"
  ADD CONSTRAINT "household_member_name_present" CHECK (btrim("name") <> ''),
  ADD CONSTRAINT "household_member_birth_year_range" CHECK ("birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100),
  ADD CONSTRAINT "household_member_id_number_encrypted" CHECK ("id_number_encrypted" IS NULL OR "id_number_encrypted" ~ '^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$');
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_not_negative" CHECK ("per_person" >= 0),
  ADD CONSTRAINT "household_income_year_range" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "monitoring_step"
  ADD CONSTRAINT "monitoring_step_by_present" CHECK (btrim("by") <> ''),
  -- A public notice runs at least five days, both ends counted.
  ADD CONSTRAINT "monitoring_step_notice_days" CHECK (
    "kind" NOT IN ('NOTICE', 'ELIMINATION_NOTICE')
    OR ("notice_from" IS NOT NULL AND "notice_to" IS NOT NULL AND "notice_to" - "notice_from" + 1 >= 5));
ALTER TABLE "assistance_measure"
  ADD CONSTRAINT "assistance_measure_description_present" CHECK (btrim("description") <> ''),
  ADD CONSTRAINT "assistance_measure_amount_not_negative" CHECK ("amount" IS NULL OR "amount" >= 0),
  ADD CONSTRAINT "assistance_measure_dates_in_order" CHECK ("ended_on" IS NULL OR "ended_on" >= "started_on");

CREATE TRIGGER household_next_version BEFORE UPDATE ON household
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER household_in_community BEFORE INSERT OR UPDATE OF region_id ON household
  FOR EACH ROW EXECUTE FUNCTION revita_refuse_record_above_village();
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household_member', 'household_income', 'monitoring_step', 'assistance_measure', 'personal_data_view'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION revita_region_of_parent(%L, %L)',
                   t || '_region', t, 'household', 'household_id');
  END LOOP;
END
$$;

-- The audit keeps the masked copies only: the ciphertext is left out as well.
SELECT audit_table('monitoring_line', 'id');
SELECT audit_table('household', 'id', '', 'phone_encrypted,bank_account_encrypted');
SELECT audit_table('household_member', 'id', '', 'id_number_encrypted');
SELECT audit_table('household_income', 'id');
SELECT audit_table('monitoring_step', 'id');
SELECT audit_table('assistance_measure', 'id');

SELECT revita_guard_by_region(t)
  FROM unnest(ARRAY['household', 'household_member', 'household_income', 'monitoring_step', 'assistance_measure']) AS t;

-- A household's file is never deleted, not even once its risk is gone: the API's role may not.
REVOKE DELETE ON household, household_member, household_income, monitoring_step, assistance_measure FROM revita_api;

-- Who saw whose data: written by whoever reads the household in full, never changed or removed.
GRANT SELECT, INSERT ON personal_data_view TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE personal_data_view_id_seq TO revita_api;
ALTER TABLE personal_data_view ENABLE ROW LEVEL SECURITY;
CREATE POLICY personal_data_view_read ON personal_data_view FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
CREATE POLICY personal_data_view_insert ON personal_data_view FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
CREATE TRIGGER personal_data_view_no_change BEFORE UPDATE OR DELETE ON personal_data_view
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- The lines are the province's, read by all; admins of the province set them (the API checks).
GRANT SELECT, INSERT, UPDATE ON monitoring_line TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE monitoring_line_id_seq TO revita_api;
ALTER TABLE monitoring_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY monitoring_line_read ON monitoring_line FOR SELECT TO revita_api USING (true);
CREATE POLICY monitoring_line_insert ON monitoring_line FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));
CREATE POLICY monitoring_line_update ON monitoring_line FOR UPDATE TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))))
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots'))));

-- The figures, by year, at each village or community: households confirmed (and their members),
-- risk eliminated (and their members), the days identification took, households monitored at the
-- year's end and those of them with a measure. They replace the typed-in counts where records
-- exist (indicator.replaced_by_records): a region with records below it reads these.
-- The four counts are the catalogue's (a database made before this migration has them already).
ALTER TABLE indicator ADD COLUMN "replaced_by_records" TEXT;
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, replaced_by_records, updated_at)
VALUES
  ('MONITORED_HOUSEHOLDS_NEW', '新识别防返贫监测对象户数', 'Newly monitored households', '户', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Households the county confirmed for monitoring in the year; computed from the household records where there are any.', 'households', now()),
  ('MONITORED_PERSONS_NEW', '新识别防返贫监测对象人数', 'Newly monitored persons', '人', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'The members of the households confirmed in the year; computed from the records where there are any.', 'households', now()),
  ('MONITORED_HOUSEHOLDS_RISK_ELIMINATED', '监测对象消除风险户数', 'Monitored households with risk eliminated', '户', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Households whose risk the county confirmed eliminated in the year; computed from the records where there are any.', 'households', now()),
  ('MONITORED_PERSONS_RISK_ELIMINATED', '监测对象消除风险人数', 'Monitored persons with risk eliminated', '人', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'The members of those households; computed from the records where there are any.', 'households', now())
ON CONFLICT (code) DO UPDATE SET replaced_by_records = 'households', updated_at = now();
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('HH_IDENTIFY_DAYS_TOTAL', '识别用时合计', 'Days taken to identify, added up', '天', 'POVERTY_CONSOLIDATION', 'LOWER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Days from lead to county confirmation of the households confirmed in the year, added up: what the average divides.', 'households', now()),
  ('HH_MONITORED_AT_YEAR_END', '年末在监测户数', 'Households monitored at the year''s end', '户', 'POVERTY_CONSOLIDATION', 'LOWER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Households confirmed by the year''s end whose risk was not eliminated by then.', 'households', now()),
  ('HH_MONITORED_WITH_MEASURE', '已落实帮扶措施户数', 'Monitored households with an assistance measure', '户', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the households monitored at the year''s end, those with at least one measure started by then.', 'households', now());
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, numerator_indicator_id, denominator_indicator_id, ratio_scale, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('HH_DAYS_TO_IDENTIFY', '平均识别用时', 'Average days to identify a household', '天', 'POVERTY_CONSOLIDATION', 'LOWER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'HH_IDENTIFY_DAYS_TOTAL'), (SELECT id FROM indicator WHERE code = 'MONITORED_HOUSEHOLDS_NEW'), 1, 1, 0, NULL,
   'Days from the lead to the county''s confirmation, averaged over the households confirmed in the year (the rule: within 15).', 'households', now()),
  ('HH_ASSISTANCE_RATE', '监测户帮扶措施落实率', 'Share of monitored households with assistance', '%', 'POVERTY_CONSOLIDATION', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'HH_MONITORED_WITH_MEASURE'), (SELECT id FROM indicator WHERE code = 'HH_MONITORED_AT_YEAR_END'), 100, 1, 0, 100,
   'Monitored households with at least one measure as a share of those monitored at the year''s end (一对一包保, measures for all).', 'households', now());

CREATE VIEW household_figure WITH (security_invoker = true) AS
WITH community AS (
  SELECT id, path[5] AS community_id FROM region WHERE level IN ('VILLAGE', 'GRID', 'BUILDING')
),
people AS (SELECT household_id, count(*) AS n FROM household_member GROUP BY household_id),
years AS (SELECT generate_series(2000, extract(year FROM revita_china_today())::int) AS year)
SELECT 'MONITORED_HOUSEHOLDS_NEW'::text AS indicator_code, c.community_id AS region_id,
       extract(year FROM h.confirmed_on)::int::text AS period, count(*)::numeric AS value
  FROM household h JOIN community c ON c.id = h.region_id
 WHERE h.confirmed_on IS NOT NULL GROUP BY c.community_id, extract(year FROM h.confirmed_on)
UNION ALL
SELECT 'MONITORED_PERSONS_NEW', c.community_id, extract(year FROM h.confirmed_on)::int::text, coalesce(sum(p.n), 0)::numeric
  FROM household h JOIN community c ON c.id = h.region_id LEFT JOIN people p ON p.household_id = h.id
 WHERE h.confirmed_on IS NOT NULL GROUP BY c.community_id, extract(year FROM h.confirmed_on)
UNION ALL
SELECT 'HH_IDENTIFY_DAYS_TOTAL', c.community_id, extract(year FROM h.confirmed_on)::int::text, sum(h.confirmed_on - h.lead_on)::numeric
  FROM household h JOIN community c ON c.id = h.region_id
 WHERE h.confirmed_on IS NOT NULL GROUP BY c.community_id, extract(year FROM h.confirmed_on)
UNION ALL
SELECT 'MONITORED_HOUSEHOLDS_RISK_ELIMINATED', c.community_id, extract(year FROM h.eliminated_on)::int::text, count(*)::numeric
  FROM household h JOIN community c ON c.id = h.region_id
 WHERE h.eliminated_on IS NOT NULL GROUP BY c.community_id, extract(year FROM h.eliminated_on)
UNION ALL
SELECT 'MONITORED_PERSONS_RISK_ELIMINATED', c.community_id, extract(year FROM h.eliminated_on)::int::text, coalesce(sum(p.n), 0)::numeric
  FROM household h JOIN community c ON c.id = h.region_id LEFT JOIN people p ON p.household_id = h.id
 WHERE h.eliminated_on IS NOT NULL GROUP BY c.community_id, extract(year FROM h.eliminated_on)
UNION ALL
SELECT 'HH_MONITORED_AT_YEAR_END', c.community_id, y.year::text, count(*)::numeric
  FROM household h JOIN community c ON c.id = h.region_id
  JOIN years y ON h.confirmed_on <= make_date(y.year, 12, 31) AND coalesce(h.eliminated_on, 'infinity'::date) > make_date(y.year, 12, 31)
 GROUP BY c.community_id, y.year
UNION ALL
SELECT 'HH_MONITORED_WITH_MEASURE', c.community_id, y.year::text,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assistance_measure m WHERE m.household_id = h.id AND m.started_on <= make_date(y.year, 12, 31)))::numeric
  FROM household h JOIN community c ON c.id = h.region_id
  JOIN years y ON h.confirmed_on <= make_date(y.year, 12, 31) AND coalesce(h.eliminated_on, 'infinity'::date) > make_date(y.year, 12, 31)
 GROUP BY c.community_id, y.year;
GRANT SELECT ON household_figure TO revita_api;

CREATE OR REPLACE VIEW computed_figure WITH (security_invoker = true) AS
SELECT indicator_code, region_id, period, value FROM community_service_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM mediation_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM mediation_median_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM consultation_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM cleaning_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM household_figure;
