-- CreateTable
CREATE TABLE "approved_progress_report" (
    "report_id" INTEGER NOT NULL,

    CONSTRAINT "approved_progress_report_pkey" PRIMARY KEY ("report_id")
);

-- CreateTable
CREATE TABLE "approved_indicator_value" (
    "value_id" INTEGER NOT NULL,

    CONSTRAINT "approved_indicator_value_pkey" PRIMARY KEY ("value_id")
);

-- AddForeignKey
ALTER TABLE "approved_progress_report" ADD CONSTRAINT "approved_progress_report_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approved_indicator_value" ADD CONSTRAINT "approved_indicator_value_value_id_fkey" FOREIGN KEY ("value_id") REFERENCES "indicator_value"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Approved figures only, at a province's scale. The restrictive policies used to work out for
-- each row, with a function call, whether an approved approval covers it: 30 times slower than
-- reading all figures (a province's investment by county: 18.9 s against 0.64 s), because the
-- latest approved report of a project whose recent months are not approved is found only after
-- asking for each of them. Now triggers on data_approval keep the covered records' ids in these
-- two tables, and the policies ask one primary-key index per row.
-- (revita.figures, the setting the old policies read, is no longer set: the role says it.)

GRANT SELECT ON approved_progress_report, approved_indicator_value TO revita_api;
ALTER TABLE approved_progress_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE approved_indicator_value ENABLE ROW LEVEL SECURITY;
-- Ids alone say nothing without the record, which its own policies guard.
CREATE POLICY approved_progress_report_read ON approved_progress_report FOR SELECT TO revita_api USING (true);
CREATE POLICY approved_indicator_value_read ON approved_indicator_value FOR SELECT TO revita_api USING (true);

-- Recomputes the records that the changed approvals cover (before or after the change): each is
-- approved when any APPROVED approval of its region or a region above it contains its period.
-- Statement-level, with the changed rows as changed_rows, so approving a county's year is two
-- set-based statements, not one per report.
CREATE FUNCTION revita_refresh_approved_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM approved_progress_report ap
   USING changed_rows a, region covered, project p, progress_report r
   WHERE a.data_set = 'PROGRESS' AND covered.path @> ARRAY[a.region_id] AND p.region_id = covered.id
     AND r.project_id = p.id AND r.period_start >= a.period_start AND r.period_end <= a.period_end
     AND ap.report_id = r.id;
  INSERT INTO approved_progress_report (report_id)
  SELECT DISTINCT r.id
    FROM changed_rows a
    JOIN region covered ON covered.path @> ARRAY[a.region_id]
    JOIN project p ON p.region_id = covered.id
    JOIN progress_report r ON r.project_id = p.id AND r.period_start >= a.period_start AND r.period_end <= a.period_end
   WHERE a.data_set = 'PROGRESS'
     AND EXISTS (SELECT 1 FROM data_approval x
                  WHERE x.data_set = 'PROGRESS' AND x.status = 'APPROVED' AND x.region_id = ANY (covered.path)
                    AND x.period_start <= r.period_start AND x.period_end >= r.period_end)
  ON CONFLICT DO NOTHING;

  DELETE FROM approved_indicator_value av
   USING changed_rows a, region covered, indicator_value v
   WHERE a.data_set = 'INDICATORS' AND covered.path @> ARRAY[a.region_id] AND v.region_id = covered.id
     AND v.period_start >= a.period_start AND v.period_end <= a.period_end
     AND av.value_id = v.id;
  INSERT INTO approved_indicator_value (value_id)
  SELECT DISTINCT v.id
    FROM changed_rows a
    JOIN region covered ON covered.path @> ARRAY[a.region_id]
    JOIN indicator_value v ON v.region_id = covered.id AND v.period_start >= a.period_start AND v.period_end <= a.period_end
   WHERE a.data_set = 'INDICATORS'
     AND EXISTS (SELECT 1 FROM data_approval x
                  WHERE x.data_set = 'INDICATORS' AND x.status = 'APPROVED' AND x.region_id = ANY (covered.path)
                    AND x.period_start <= v.period_start AND x.period_end >= v.period_end)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "data_approval_refresh_insert" AFTER INSERT ON "data_approval"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refresh_approved_figures();
CREATE TRIGGER "data_approval_refresh_update_new" AFTER UPDATE ON "data_approval"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refresh_approved_figures();
CREATE TRIGGER "data_approval_refresh_update_old" AFTER UPDATE ON "data_approval"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refresh_approved_figures();
CREATE TRIGGER "data_approval_refresh_delete" AFTER DELETE ON "data_approval"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refresh_approved_figures();

-- The approvals already given.
INSERT INTO approved_progress_report (report_id)
SELECT DISTINCT r.id
  FROM data_approval a
  JOIN region covered ON covered.path @> ARRAY[a.region_id]
  JOIN project p ON p.region_id = covered.id
  JOIN progress_report r ON r.project_id = p.id AND r.period_start >= a.period_start AND r.period_end <= a.period_end
 WHERE a.data_set = 'PROGRESS' AND a.status = 'APPROVED';
INSERT INTO approved_indicator_value (value_id)
SELECT DISTINCT v.id
  FROM data_approval a
  JOIN region covered ON covered.path @> ARRAY[a.region_id]
  JOIN indicator_value v ON v.region_id = covered.id AND v.period_start >= a.period_start AND v.period_end <= a.period_end
 WHERE a.data_set = 'INDICATORS' AND a.status = 'APPROVED';

-- Approved figures are read as a role of their own, revita_api_approved: revita_api's grants and
-- policies (it is a member) and, on top, the restrictive policies below. Reading all figures then
-- plans as if those policies did not exist: as a condition of revita_api they cost PostgreSQL
-- 2.2 s where 0.6 s without them (a province's investment by county, all figures), even when the
-- setting switched them off, because the planner costs a plan for both cases.
DO $$
BEGIN
  CREATE ROLE revita_api_approved NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
DO $$
BEGIN
  IF NOT pg_has_role('revita_api_approved', 'revita_api', 'MEMBER') THEN
    GRANT revita_api TO revita_api_approved;
  END IF;
  IF NOT pg_has_role(current_user, 'revita_api_approved', 'MEMBER') THEN
    EXECUTE format('GRANT revita_api_approved TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'Revita''s database user % must be able to switch to the role revita_api_approved', current_user
    USING HINT = format('Ask a database administrator to run: GRANT revita_api TO revita_api_approved; GRANT revita_api_approved TO %I;', current_user);
END
$$;

DROP POLICY progress_report_approved_only ON progress_report;
DROP POLICY indicator_value_approved_only ON indicator_value;
CREATE POLICY progress_report_approved_only ON progress_report AS RESTRICTIVE FOR SELECT TO revita_api_approved
  USING (EXISTS (SELECT 1 FROM approved_progress_report a WHERE a.report_id = progress_report.id));
CREATE POLICY indicator_value_approved_only ON indicator_value AS RESTRICTIVE FOR SELECT TO revita_api_approved
  USING (EXISTS (SELECT 1 FROM approved_indicator_value a WHERE a.value_id = indicator_value.id));
DROP FUNCTION revita_approved("ApprovalDataSet", int, date, date);
