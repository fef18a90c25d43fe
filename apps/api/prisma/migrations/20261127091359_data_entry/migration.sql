-- CreateEnum
CREATE TYPE "ApprovalDataSet" AS ENUM ('PROGRESS', 'INDICATORS');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED');

-- AlterTable
ALTER TABLE "disbursement" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "fund" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "fund_allocation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "indicator_value" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "progress_report" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "project" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "data_approval" (
    "id" SERIAL NOT NULL,
    "data_set" "ApprovalDataSet" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "status" "ApprovalStatus" NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "data_approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "superseded_version" (
    "id" BIGSERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "record" JSONB NOT NULL,
    "superseded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_by" TEXT,

    CONSTRAINT "superseded_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "data_approval_region_id_idx" ON "data_approval"("region_id");

-- CreateIndex
CREATE INDEX "data_approval_data_set_period_start_period_end_idx" ON "data_approval"("data_set", "period_start", "period_end");

-- CreateIndex
CREATE UNIQUE INDEX "data_approval_data_set_region_id_period_key" ON "data_approval"("data_set", "region_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "superseded_version_table_name_record_id_version_key" ON "superseded_version"("table_name", "record_id", "version");

-- AddForeignKey
ALTER TABLE "data_approval" ADD CONSTRAINT "data_approval_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: versions, corrections kept, approval locks, and who may touch the new tables.

-- Every change raises the record's version, whichever path it takes, so an edit made from an
-- older version can be refused (the API updates WHERE version = the one the editor saw). Saving a
-- record unchanged (only updated_at moves) is no change: the version stays, and the audit stays
-- silent as before.
CREATE FUNCTION revita_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at' - 'version') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at' - 'version') THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project', 'progress_report', 'fund', 'fund_allocation', 'disbursement',
                           'indicator_value', 'data_approval'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION revita_next_version()',
                   t || '_next_version', t);
  END LOOP;
END
$$;

-- A correction is a new version, not an overwrite: the replaced figures are kept. SECURITY
-- DEFINER because the API may read these rows but never write them.
CREATE FUNCTION revita_keep_superseded_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO superseded_version (table_name, record_id, version, record, superseded_by)
  VALUES (TG_TABLE_NAME, OLD.id, OLD.version, to_jsonb(OLD), nullif(current_setting('revita.actor', true), ''));
  RETURN NULL;
END
$$;

CREATE TRIGGER "progress_report_keep_superseded"
  AFTER UPDATE ON "progress_report" FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
  EXECUTE FUNCTION revita_keep_superseded_version();
CREATE TRIGGER "indicator_value_keep_superseded"
  AFTER UPDATE ON "indicator_value" FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
  EXECUTE FUNCTION revita_keep_superseded_version();

ALTER TABLE "data_approval"
  ADD CONSTRAINT "data_approval_period_key" CHECK ("period" ~ '^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'
    AND "period_start" = revita_period_start("period") AND "period_end" = revita_period_end("period")),
  ADD CONSTRAINT "data_approval_decision_recorded" CHECK ("status" = 'SUBMITTED' OR "decided_by" IS NOT NULL),
  ADD CONSTRAINT "data_approval_return_explained" CHECK ("status" <> 'RETURNED' OR coalesce(btrim("comment"), '') <> '');

-- Submitted and approved data is locked: no insert, change or delete of a progress report or
-- indicator value inside a locked period of its region or a region above it. Statement-level,
-- so a bulk import is checked with one join, not one lookup per row. SECURITY DEFINER so that a
-- town's editor is stopped by the county's approval, which their own policies do not show them.
-- The SQLSTATE RV409 is turned into a CONFLICT by the API.
CREATE FUNCTION revita_refuse_locked_progress() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT p.code AS project_code, c.period, a.period AS approval_period, a.status, r.name_zh AS region_name
    INTO hit
    FROM changed_rows c
    JOIN project p ON p.id = c.project_id
    JOIN region pr ON pr.id = p.region_id
    JOIN data_approval a ON a.data_set = 'PROGRESS' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (pr.path)
                        AND a.period_start <= c.period_start AND a.period_end >= c.period_end
    JOIN region r ON r.id = a.region_id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the progress of % for % is %: the report of % for % is locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), hit.project_code, hit.period
      USING ERRCODE = 'RV409', TABLE = 'progress_report';
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION revita_refuse_locked_indicator_values() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT i.code AS indicator_code, vr.name_zh AS value_region, c.period, a.period AS approval_period, a.status,
         r.name_zh AS region_name
    INTO hit
    FROM changed_rows c
    JOIN indicator i ON i.id = c.indicator_id
    JOIN region vr ON vr.id = c.region_id
    JOIN data_approval a ON a.data_set = 'INDICATORS' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (vr.path)
                        AND a.period_start <= c.period_start AND a.period_end >= c.period_end
    JOIN region r ON r.id = a.region_id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the indicators of % for % are %: % of % for % is locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), hit.indicator_code, hit.value_region, hit.period
      USING ERRCODE = 'RV409', TABLE = 'indicator_value';
  END IF;
  RETURN NULL;
END
$$;

-- An update is checked both as it was (moving a locked row out) and as it becomes.
CREATE TRIGGER "progress_report_locked_insert" AFTER INSERT ON "progress_report"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_progress();
CREATE TRIGGER "progress_report_locked_update_new" AFTER UPDATE ON "progress_report"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_progress();
CREATE TRIGGER "progress_report_locked_update_old" AFTER UPDATE ON "progress_report"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_progress();
CREATE TRIGGER "progress_report_locked_delete" AFTER DELETE ON "progress_report"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_progress();
CREATE TRIGGER "indicator_value_locked_insert" AFTER INSERT ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_indicator_values();
CREATE TRIGGER "indicator_value_locked_update_new" AFTER UPDATE ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_indicator_values();
CREATE TRIGGER "indicator_value_locked_update_old" AFTER UPDATE ON "indicator_value"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_indicator_values();
CREATE TRIGGER "indicator_value_locked_delete" AFTER DELETE ON "indicator_value"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_indicator_values();

SELECT audit_table('data_approval', 'id');

-- Who may see and move an approval: readers of the region see where its data stands; its editors
-- submit and its approvers decide (which move is allowed is the API's rule).
GRANT SELECT, INSERT, UPDATE ON data_approval TO revita_api;
GRANT SELECT ON superseded_version TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE data_approval_id_seq TO revita_api;
ALTER TABLE data_approval ENABLE ROW LEVEL SECURITY;
CREATE POLICY data_approval_read ON data_approval FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
CREATE POLICY data_approval_write ON data_approval FOR ALL TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.approve_roots'))))
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.approve_roots'))));

-- Earlier versions are read with the record they belong to.
ALTER TABLE superseded_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY superseded_version_read ON superseded_version FOR SELECT TO revita_api
  USING (CASE table_name
           WHEN 'progress_report' THEN record_id IN (SELECT id FROM progress_report)
           WHEN 'indicator_value' THEN record_id IN (SELECT id FROM indicator_value)
           ELSE false
         END);

-- The approval that locks data of a region and period, described for a person ("岑巩县 2024
-- approved"), or null: what an import checks before it writes, row by row, so that its report
-- can name every locked row instead of stopping at the trigger's first refusal. SECURITY
-- DEFINER for the same reason as the triggers; it reveals only that a lock exists.
CREATE FUNCTION revita_locking_approval(data_set "ApprovalDataSet", region_id int, period_start date, period_end date)
RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.name_zh || ' ' || a.period || ' ' || lower(a.status::text)
    FROM region target
    JOIN data_approval a ON a.data_set = $1 AND a.status IN ('SUBMITTED', 'APPROVED') AND a.region_id = ANY (target.path)
                        AND a.period_start <= $3 AND a.period_end >= $4
    JOIN region r ON r.id = a.region_id
   WHERE target.id = $2
   LIMIT 1
$$;
GRANT EXECUTE ON FUNCTION revita_locking_approval("ApprovalDataSet", int, date, date) TO revita_api;

-- Approved figures only: when the API reads for someone who asked for them (the transaction
-- setting revita.figures = 'approved'), progress reports and indicator values count only inside
-- an approved period of their region or a region above it, in every list, sum and chart alike.
-- SECURITY DEFINER so that a town's reader sees the county's approval, which their own policies
-- do not show them. Restrictive: it narrows what the read policies allow, never widens it.
CREATE FUNCTION revita_approved(data_set "ApprovalDataSet", region_id int, period_start date, period_end date)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM region target
      JOIN data_approval a ON a.data_set = $1 AND a.status = 'APPROVED' AND a.region_id = ANY (target.path)
                          AND a.period_start <= $3 AND a.period_end >= $4
     WHERE target.id = $2)
$$;
GRANT EXECUTE ON FUNCTION revita_approved("ApprovalDataSet", int, date, date) TO revita_api;

CREATE POLICY progress_report_approved_only ON progress_report AS RESTRICTIVE FOR SELECT TO revita_api
  USING (coalesce(current_setting('revita.figures', true), '') <> 'approved'
         OR revita_approved('PROGRESS', (SELECT p.region_id FROM project p WHERE p.id = project_id), period_start, period_end));
CREATE POLICY indicator_value_approved_only ON indicator_value AS RESTRICTIVE FOR SELECT TO revita_api
  USING (coalesce(current_setting('revita.figures', true), '') <> 'approved'
         OR revita_approved('INDICATORS', region_id, period_start, period_end));
