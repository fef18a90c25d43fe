-- Published figures only (issue 23): the dashboard's 数据口径 switch gains 公开报道, which shows
-- only records an article published (source_kind PUBLISHED), so a reader can tell the articles'
-- figures from the demo's made-up ones. Read as a role of its own, revita_api_published, like
-- approved figures: revita_api's grants and policies, plus restrictive ones below, so reading all
-- figures plans as if they did not exist.
--
-- The module records that cite no source (households, mediation cases, consultation meetings and
-- topics, community needs, inspections, service cards, payments, dispatch meetings and tasks) now say their
-- kind too; the demo's are all illustrative. Their child rows (a household's members, a case's
-- steps, an inspection's scores ...) follow their record. The kept figures come a third time, for
-- published figures: published projects and their published reports.

-- AlterTable
ALTER TABLE "cleaning_inspection" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "community_need" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "consultation_meeting" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "consultation_topic" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "disbursement" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "dispatch_meeting" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "dispatch_task" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "household" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "mediation_case" ADD COLUMN     "source_kind" "SourceKind";

-- AlterTable
ALTER TABLE "project_figures" DROP CONSTRAINT "project_figures_pkey",
ADD COLUMN     "published_only" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "project_figures_pkey" PRIMARY KEY ("project_id", "approved_only", "published_only");

-- AlterTable
ALTER TABLE "project_month_figures" DROP CONSTRAINT "project_month_figures_pkey",
ADD COLUMN     "published_only" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "project_month_figures_pkey" PRIMARY KEY ("project_id", "approved_only", "published_only", "month");

-- AlterTable
ALTER TABLE "region_investment_figures" DROP CONSTRAINT "region_investment_figures_pkey",
ADD COLUMN     "published_only" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "region_investment_figures_pkey" PRIMARY KEY ("region_id", "approved_only", "published_only", "own", "category_id", "status");

-- AlterTable
ALTER TABLE "region_month_figures" DROP CONSTRAINT "region_month_figures_pkey",
ADD COLUMN     "published_only" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "region_month_figures_pkey" PRIMARY KEY ("region_id", "approved_only", "published_only", "own", "month");

-- AlterTable
ALTER TABLE "service_card" ADD COLUMN     "source_kind" "SourceKind";

ALTER TABLE "project_figures" ALTER COLUMN "published_only" DROP DEFAULT;
ALTER TABLE "project_month_figures" ALTER COLUMN "published_only" DROP DEFAULT;
ALTER TABLE "region_investment_figures" ALTER COLUMN "published_only" DROP DEFAULT;
ALTER TABLE "region_month_figures" ALTER COLUMN "published_only" DROP DEFAULT;

DO $$
BEGIN
  CREATE ROLE revita_api_published NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
DO $$
BEGIN
  IF NOT pg_has_role('revita_api_published', 'revita_api', 'MEMBER') THEN
    GRANT revita_api TO revita_api_published;
  END IF;
  IF NOT pg_has_role(current_user, 'revita_api_published', 'MEMBER') THEN
    EXECUTE format('GRANT revita_api_published TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'Revita''s database user % must be able to switch to the role revita_api_published', current_user
    USING HINT = format('Ask a database administrator to run: GRANT revita_api TO revita_api_published; GRANT revita_api_published TO %I;', current_user);
END
$$;

-- Every record that says its kind: published ones only.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
            WHERE c.table_schema = current_schema() AND c.column_name = 'source_kind' ORDER BY 1 LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I AS RESTRICTIVE FOR SELECT TO revita_api_published
                     USING (source_kind = 'PUBLISHED')$p$, t || '_published_only', t);
  END LOOP;
END
$$;

-- Rows that belong to such a record: shown where their record is (the subquery reads the record
-- under its own policies). Only the published role pays for it.
DO $$
DECLARE
  child record;
BEGIN
  FOR child IN SELECT * FROM (VALUES
      ('project_site', 'project_id', 'project'),
      ('project_output', 'project_id', 'project'),
      ('member_posting', 'member_id', 'party_member'),
      ('volunteer_team_member', 'team_id', 'volunteer_team'),
      ('community_need_event', 'need_id', 'community_need'),
      ('service_entry', 'card_id', 'service_card'),
      ('mediation_party', 'case_id', 'mediation_case'),
      ('mediation_step', 'case_id', 'mediation_case'),
      ('cleaning_check_item', 'campaign_id', 'cleaning_campaign'),
      ('cleaning_item_score', 'inspection_id', 'cleaning_inspection'),
      ('cleaning_follow_up', 'inspection_id', 'cleaning_inspection'),
      ('meeting_participant', 'meeting_id', 'consultation_meeting'),
      ('household_member', 'household_id', 'household'),
      ('household_income', 'household_id', 'household'),
      ('monitoring_step', 'household_id', 'household'),
      ('assistance_measure', 'household_id', 'household'),
      ('dispatch_task_note', 'task_id', 'dispatch_task')) AS c(child_table, key, parent_table) LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I AS RESTRICTIVE FOR SELECT TO revita_api_published
                     USING (%I IN (SELECT id FROM %I))$p$,
                   child.child_table || '_published_only', child.child_table, child.key, child.parent_table);
  END LOOP;
END
$$;

-- The kept figures: the published rows only.
CREATE POLICY project_figures_published_only ON project_figures AS RESTRICTIVE FOR SELECT TO revita_api_published USING (published_only);
CREATE POLICY region_investment_figures_published_only ON region_investment_figures AS RESTRICTIVE FOR SELECT TO revita_api_published USING (published_only);
CREATE POLICY region_month_figures_published_only ON region_month_figures AS RESTRICTIVE FOR SELECT TO revita_api_published USING (published_only);
CREATE POLICY project_month_figures_published_only ON project_month_figures AS RESTRICTIVE FOR SELECT TO revita_api_published USING (published_only);
DROP POLICY project_month_figures_read ON project_month_figures;
CREATE POLICY project_month_figures_read ON project_month_figures FOR SELECT TO revita_api
  USING (EXISTS (SELECT 1 FROM project_figures f
                  WHERE f.project_id = project_month_figures.project_id AND f.approved_only = project_month_figures.approved_only
                    AND f.published_only = project_month_figures.published_only));

-- The kept figures, three ways: all, approved only, published only.
CREATE OR REPLACE FUNCTION revita_add_kept_figures(projects int[], sign int) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO region_investment_figures AS k
         (region_id, approved_only, published_only, own, category_id, status, project_count, planned_investment, completed_investment)
  SELECT t.region_id, f.approved_only, f.published_only, t.own, f.category_id, f.status,
         sign * count(*), sign * sum(f.total_investment), sign * coalesce(sum(f.completed_investment), 0)
    FROM project_figures f
   CROSS JOIN LATERAL (SELECT f.region_id, true UNION ALL SELECT unnest(f.subtree_regions), false) t(region_id, own)
   WHERE f.project_id = ANY (projects) AND f.parent_id IS NULL
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (region_id, approved_only, published_only, own, category_id, status) DO UPDATE
     SET project_count = k.project_count + excluded.project_count,
         planned_investment = k.planned_investment + excluded.planned_investment,
         completed_investment = k.completed_investment + excluded.completed_investment;
  INSERT INTO region_month_figures AS k (region_id, approved_only, published_only, own, month, completed_delta, planned_delta)
  SELECT t.region_id, m.approved_only, m.published_only, t.own, m.month, sign * sum(m.completed_delta), sign * sum(m.planned_delta)
    FROM project_month_figures m
    JOIN project_figures f ON f.project_id = m.project_id AND f.approved_only = m.approved_only
                          AND f.published_only = m.published_only
   CROSS JOIN LATERAL (SELECT f.region_id, true UNION ALL SELECT unnest(f.subtree_regions), false) t(region_id, own)
   WHERE m.project_id = ANY (projects)
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_id, approved_only, published_only, own, month) DO UPDATE
     SET completed_delta = k.completed_delta + excluded.completed_delta,
         planned_delta = k.planned_delta + excluded.planned_delta;
$$;

CREATE OR REPLACE FUNCTION revita_refresh_kept_figures(changed int[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  affected int[];
BEGIN
  WITH tops AS (
    SELECT coalesce(p.parent_id, p.id) AS id FROM project p WHERE p.id = ANY (changed)
    UNION SELECT coalesce(f.parent_id, f.project_id) FROM project_figures f WHERE f.project_id = ANY (changed)
    UNION SELECT unnest(changed)
  )
  SELECT array_agg(DISTINCT id) INTO affected FROM (
    SELECT id FROM tops
    UNION SELECT p.id FROM project p WHERE p.parent_id IN (SELECT id FROM tops)
    UNION SELECT f.project_id FROM project_figures f WHERE f.parent_id IN (SELECT id FROM tops)
  ) a;

  PERFORM revita_add_kept_figures(affected, -1);
  DELETE FROM project_month_figures WHERE project_id = ANY (affected);
  DELETE FROM project_figures WHERE project_id = ANY (affected);

  -- A published mode's row exists for published projects only, from their published reports.
  INSERT INTO project_figures (project_id, approved_only, published_only, parent_id, region_id, subtree_regions, category_id, status,
                               total_investment, latest_report_id, completed_investment, physical_progress, as_of)
  WITH modes(approved_only, published_only) AS (VALUES (false, false), (true, false), (false, true)),
  projects AS (
    SELECT p.*, EXISTS (SELECT 1 FROM project ph WHERE ph.parent_id = p.id) AS has_phases
      FROM project p WHERE p.id = ANY (affected)
  ),
  latest AS (
    SELECT DISTINCT ON (m.approved_only, m.published_only, r.project_id) m.approved_only, m.published_only, r.project_id, r.id,
           r.period_end, r.completed_investment, r.physical_progress
      FROM progress_report r CROSS JOIN modes m
     WHERE r.project_id = ANY (affected)
       AND (NOT m.approved_only OR EXISTS (SELECT 1 FROM approved_progress_report a WHERE a.report_id = r.id))
       AND (NOT m.published_only OR r.source_kind = 'PUBLISHED')
     ORDER BY m.approved_only, m.published_only, r.project_id, r.period_end DESC, r.id DESC
  ),
  -- A project without its own report but with reporting phases: their sum, their progress weighted
  -- by each phase's total investment, their latest date (the rule of projectStanding).
  from_phases AS (
    SELECT l.approved_only, l.published_only, ph.parent_id,
           sum(coalesce(l.completed_investment, 0)) AS completed,
           round(sum(ph.total_investment * l.physical_progress) FILTER (WHERE l.physical_progress IS NOT NULL)
                 / nullif(sum(ph.total_investment) FILTER (WHERE l.physical_progress IS NOT NULL), 0), 2) AS physical,
           max(l.period_end) AS as_of
      FROM project ph JOIN latest l ON l.project_id = ph.id
     WHERE ph.parent_id = ANY (affected) AND (NOT l.published_only OR ph.source_kind = 'PUBLISHED')
     GROUP BY l.approved_only, l.published_only, ph.parent_id
  )
  SELECT p.id, m.approved_only, m.published_only, p.parent_id, p.region_id,
         coalesce((SELECT array_agg(x.id ORDER BY x.id) FROM region x
                    WHERE x.id = ANY (r.path) AND x.level IN ('COUNTY', 'TOWNSHIP')), '{}'),
         p.category_id, p.status, p.total_investment, own.id,
         CASE WHEN own.project_id IS NOT NULL THEN own.completed_investment ELSE ph.completed END,
         CASE WHEN own.project_id IS NOT NULL THEN own.physical_progress ELSE ph.physical END,
         CASE WHEN own.project_id IS NOT NULL THEN own.period_end ELSE ph.as_of END
    FROM projects p CROSS JOIN modes m
    JOIN region r ON r.id = p.region_id
    LEFT JOIN latest own ON own.project_id = p.id AND own.approved_only = m.approved_only AND own.published_only = m.published_only
    LEFT JOIN from_phases ph ON ph.parent_id = p.id AND ph.approved_only = m.approved_only
                            AND ph.published_only = m.published_only AND p.has_phases
   WHERE NOT m.published_only OR p.source_kind = 'PUBLISHED';

  INSERT INTO project_month_figures (project_id, approved_only, published_only, month, completed_delta, planned_delta)
  WITH modes(approved_only, published_only) AS (VALUES (false, false), (true, false), (false, true)),
  -- Completed: a project without phases, its latest report of each month it reported in; the
  -- growth is that less the month before's.
  monthly AS (
    SELECT DISTINCT ON (m.approved_only, m.published_only, r.project_id, date_trunc('month', r.period_end))
           m.approved_only, m.published_only, r.project_id, date_trunc('month', r.period_end)::date AS month,
           coalesce(r.completed_investment, 0) AS value
      FROM progress_report r CROSS JOIN modes m
     WHERE r.project_id = ANY (affected)
       AND NOT EXISTS (SELECT 1 FROM project ph
                        WHERE ph.parent_id = r.project_id AND (NOT m.published_only OR ph.source_kind = 'PUBLISHED'))
       AND (NOT m.approved_only OR EXISTS (SELECT 1 FROM approved_progress_report a WHERE a.report_id = r.id))
       AND (NOT m.published_only OR (r.source_kind = 'PUBLISHED'
                                     AND EXISTS (SELECT 1 FROM project p WHERE p.id = r.project_id AND p.source_kind = 'PUBLISHED')))
     ORDER BY m.approved_only, m.published_only, r.project_id, date_trunc('month', r.period_end), r.period_end DESC, r.id DESC
  ),
  completed AS (
    SELECT approved_only, published_only, project_id, month,
           value - coalesce(lag(value) OVER (PARTITION BY approved_only, published_only, project_id ORDER BY month), 0) AS delta
      FROM monthly
  ),
  -- Planned: a top-level project's total spread evenly over its planned days, cumulated to each
  -- month's end (the same expression as a full recomputation, so the sums agree exactly).
  planned_cumulative AS (
    SELECT m.approved_only, m.published_only, p.id AS project_id, s.month::date AS month,
           p.total_investment * least(1, greatest(0,
             ((s.month + interval '1 month - 1 day')::date - p.planned_start + 1)::numeric
             / (p.planned_finish - p.planned_start + 1))) AS cumulative
      FROM project p CROSS JOIN modes m
     CROSS JOIN LATERAL generate_series(date_trunc('month', p.planned_start), date_trunc('month', p.planned_finish),
                                        interval '1 month') AS s(month)
     WHERE p.id = ANY (affected) AND p.parent_id IS NULL AND p.planned_start IS NOT NULL AND p.planned_finish IS NOT NULL
       AND (NOT m.published_only OR p.source_kind = 'PUBLISHED')
  ),
  planned AS (
    SELECT approved_only, published_only, project_id, month,
           cumulative - coalesce(lag(cumulative) OVER (PARTITION BY approved_only, published_only, project_id ORDER BY month), 0) AS delta
      FROM planned_cumulative
  )
  SELECT coalesce(c.project_id, pl.project_id), coalesce(c.approved_only, pl.approved_only),
         coalesce(c.published_only, pl.published_only), coalesce(c.month, pl.month),
         coalesce(c.delta, 0), coalesce(pl.delta, 0)
    FROM completed c
    FULL JOIN planned pl ON pl.project_id = c.project_id AND pl.approved_only = c.approved_only
                        AND pl.published_only = c.published_only AND pl.month = c.month;

  PERFORM revita_add_kept_figures(affected, 1);
END
$$;

-- A project's figures also change with its kind now (a project marked published joins the
-- published figures).
CREATE OR REPLACE FUNCTION revita_project_touches_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM revita_kept_figures_pending(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.region_id, n.category_id, n.status, n.parent_id, n.total_investment, n.planned_start, n.planned_finish, n.source_kind)
             IS DISTINCT FROM (o.region_id, o.category_id, o.status, o.parent_id, o.total_investment, o.planned_start, o.planned_finish, o.source_kind)
      UNION SELECT o.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.parent_id IS DISTINCT FROM o.parent_id));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM revita_kept_figures_pending(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM revita_kept_figures_pending(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- The figures of the data already there, now also published only.
SELECT revita_refresh_kept_figures(ARRAY(SELECT id FROM project));
