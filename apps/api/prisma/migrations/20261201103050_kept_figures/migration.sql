-- CreateTable
CREATE TABLE "project_figures" (
    "project_id" INTEGER NOT NULL,
    "approved_only" BOOLEAN NOT NULL,
    "parent_id" INTEGER,
    "region_id" INTEGER NOT NULL,
    "subtree_regions" INTEGER[],
    "category_id" INTEGER NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "total_investment" DECIMAL(16,2) NOT NULL,
    "latest_report_id" INTEGER,
    "completed_investment" DECIMAL(16,2),
    "physical_progress" DECIMAL(5,2),
    "as_of" DATE,

    CONSTRAINT "project_figures_pkey" PRIMARY KEY ("project_id","approved_only")
);

-- CreateTable
CREATE TABLE "project_month_figures" (
    "project_id" INTEGER NOT NULL,
    "approved_only" BOOLEAN NOT NULL,
    "month" DATE NOT NULL,
    "completed_delta" DECIMAL NOT NULL,
    "planned_delta" DECIMAL NOT NULL,

    CONSTRAINT "project_month_figures_pkey" PRIMARY KEY ("project_id","approved_only","month")
);

-- CreateTable
CREATE TABLE "region_investment_figures" (
    "region_id" INTEGER NOT NULL,
    "approved_only" BOOLEAN NOT NULL,
    "own" BOOLEAN NOT NULL,
    "category_id" INTEGER NOT NULL,
    "status" "ProjectStatus" NOT NULL,
    "project_count" INTEGER NOT NULL,
    "planned_investment" DECIMAL NOT NULL,
    "completed_investment" DECIMAL NOT NULL,

    CONSTRAINT "region_investment_figures_pkey" PRIMARY KEY ("region_id","approved_only","own","category_id","status")
);

-- CreateTable
CREATE TABLE "region_month_figures" (
    "region_id" INTEGER NOT NULL,
    "approved_only" BOOLEAN NOT NULL,
    "own" BOOLEAN NOT NULL,
    "month" DATE NOT NULL,
    "completed_delta" DECIMAL NOT NULL,
    "planned_delta" DECIMAL NOT NULL,

    CONSTRAINT "region_month_figures_pkey" PRIMARY KEY ("region_id","approved_only","own","month")
);

-- CreateTable
CREATE TABLE "kept_figures_pending" (
    "transaction_id" BIGINT NOT NULL,
    "project_id" INTEGER NOT NULL,

    CONSTRAINT "kept_figures_pending_pkey" PRIMARY KEY ("transaction_id","project_id")
);

-- CreateIndex
CREATE INDEX "project_figures_region_id_idx" ON "project_figures"("region_id");

-- ---------------------------------------------------------------------------------------------
-- Kept figures. A province's overview used to recompute every project's latest report from half
-- a million reports per field (a 100-county province: 12-24 s). Now the database keeps, as data
-- changes, each project's standing and month-by-month growth (project_figures,
-- project_month_figures) and their sums per region, category, status and month
-- (region_investment_figures, region_month_figures), for all figures and for approved figures
-- only. Where a row holds a region's whole subtree it is kept for counties and towns (a village's
-- own rows are its subtree); above, the overview adds up the counties' rows (a few thousand), so
-- that writers in different counties never queue on the same row.
--
-- How it stays true: changes to projects, progress reports, approvals and the region tree name
-- the projects they touch in kept_figures_pending; when the transaction commits, a deferred
-- trigger refreshes those projects once: their stored contributions are taken out of the region
-- rows, recomputed from the data, stored and added back. Sums of exact numerics, so the region
-- rows equal a full recomputation to the last digit (kept-figures.db.test.ts checks that).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "project_figures" ALTER COLUMN "subtree_regions" SET NOT NULL;
CREATE INDEX "project_figures_parent_id_idx" ON "project_figures"("parent_id");

-- Adds (sign 1) or takes out (sign -1) the stored contributions of these projects to the region rows.
-- Ordered, so that two committing transactions take the rows' locks in the same order.
CREATE FUNCTION revita_add_kept_figures(projects int[], sign int) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO region_investment_figures AS k
         (region_id, approved_only, own, category_id, status, project_count, planned_investment, completed_investment)
  SELECT t.region_id, f.approved_only, t.own, f.category_id, f.status,
         sign * count(*), sign * sum(f.total_investment), sign * coalesce(sum(f.completed_investment), 0)
    FROM project_figures f
   CROSS JOIN LATERAL (SELECT f.region_id, true UNION ALL SELECT unnest(f.subtree_regions), false) t(region_id, own)
   WHERE f.project_id = ANY (projects) AND f.parent_id IS NULL
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_id, approved_only, own, category_id, status) DO UPDATE
     SET project_count = k.project_count + excluded.project_count,
         planned_investment = k.planned_investment + excluded.planned_investment,
         completed_investment = k.completed_investment + excluded.completed_investment;
  INSERT INTO region_month_figures AS k (region_id, approved_only, own, month, completed_delta, planned_delta)
  SELECT t.region_id, m.approved_only, t.own, m.month, sign * sum(m.completed_delta), sign * sum(m.planned_delta)
    FROM project_month_figures m
    JOIN project_figures f ON f.project_id = m.project_id AND f.approved_only = m.approved_only
   CROSS JOIN LATERAL (SELECT f.region_id, true UNION ALL SELECT unnest(f.subtree_regions), false) t(region_id, own)
   WHERE m.project_id = ANY (projects)
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (region_id, approved_only, own, month) DO UPDATE
     SET completed_delta = k.completed_delta + excluded.completed_delta,
         planned_delta = k.planned_delta + excluded.planned_delta;
$$;

-- Recomputes the kept figures of these projects, with their project (a phase's figures roll up
-- into it) and that project's other phases.
CREATE FUNCTION revita_refresh_kept_figures(changed int[]) RETURNS void
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

  INSERT INTO project_figures (project_id, approved_only, parent_id, region_id, subtree_regions, category_id, status,
                               total_investment, latest_report_id, completed_investment, physical_progress, as_of)
  WITH modes(approved_only) AS (VALUES (false), (true)),
  projects AS (
    SELECT p.*, EXISTS (SELECT 1 FROM project ph WHERE ph.parent_id = p.id) AS has_phases
      FROM project p WHERE p.id = ANY (affected)
  ),
  latest AS (
    SELECT DISTINCT ON (m.approved_only, r.project_id) m.approved_only, r.project_id, r.id, r.period_end,
           r.completed_investment, r.physical_progress
      FROM progress_report r CROSS JOIN modes m
     WHERE r.project_id = ANY (affected)
       AND (NOT m.approved_only OR EXISTS (SELECT 1 FROM approved_progress_report a WHERE a.report_id = r.id))
     ORDER BY m.approved_only, r.project_id, r.period_end DESC, r.id DESC
  ),
  -- A project without its own report but with reporting phases: their sum, their progress weighted
  -- by each phase's total investment, their latest date (the rule of projectStanding).
  from_phases AS (
    SELECT l.approved_only, ph.parent_id,
           sum(coalesce(l.completed_investment, 0)) AS completed,
           round(sum(ph.total_investment * l.physical_progress) FILTER (WHERE l.physical_progress IS NOT NULL)
                 / nullif(sum(ph.total_investment) FILTER (WHERE l.physical_progress IS NOT NULL), 0), 2) AS physical,
           max(l.period_end) AS as_of
      FROM project ph JOIN latest l ON l.project_id = ph.id
     WHERE ph.parent_id = ANY (affected)
     GROUP BY l.approved_only, ph.parent_id
  )
  SELECT p.id, m.approved_only, p.parent_id, p.region_id,
         coalesce((SELECT array_agg(x.id ORDER BY x.id) FROM region x
                    WHERE x.id = ANY (r.path) AND x.level IN ('COUNTY', 'TOWNSHIP')), '{}'),
         p.category_id, p.status, p.total_investment, own.id,
         CASE WHEN own.project_id IS NOT NULL THEN own.completed_investment ELSE ph.completed END,
         CASE WHEN own.project_id IS NOT NULL THEN own.physical_progress ELSE ph.physical END,
         CASE WHEN own.project_id IS NOT NULL THEN own.period_end ELSE ph.as_of END
    FROM projects p CROSS JOIN modes m
    JOIN region r ON r.id = p.region_id
    LEFT JOIN latest own ON own.project_id = p.id AND own.approved_only = m.approved_only
    LEFT JOIN from_phases ph ON ph.parent_id = p.id AND ph.approved_only = m.approved_only AND p.has_phases;

  INSERT INTO project_month_figures (project_id, approved_only, month, completed_delta, planned_delta)
  WITH modes(approved_only) AS (VALUES (false), (true)),
  -- Completed: a project without phases, its latest report of each month it reported in; the
  -- growth is that less the month before's.
  monthly AS (
    SELECT DISTINCT ON (m.approved_only, r.project_id, date_trunc('month', r.period_end))
           m.approved_only, r.project_id, date_trunc('month', r.period_end)::date AS month,
           coalesce(r.completed_investment, 0) AS value
      FROM progress_report r CROSS JOIN modes m
     WHERE r.project_id = ANY (affected)
       AND NOT EXISTS (SELECT 1 FROM project ph WHERE ph.parent_id = r.project_id)
       AND (NOT m.approved_only OR EXISTS (SELECT 1 FROM approved_progress_report a WHERE a.report_id = r.id))
     ORDER BY m.approved_only, r.project_id, date_trunc('month', r.period_end), r.period_end DESC, r.id DESC
  ),
  completed AS (
    SELECT approved_only, project_id, month,
           value - coalesce(lag(value) OVER (PARTITION BY approved_only, project_id ORDER BY month), 0) AS delta
      FROM monthly
  ),
  -- Planned: a top-level project's total spread evenly over its planned days, cumulated to each
  -- month's end (the same expression as a full recomputation, so the sums agree exactly).
  planned_cumulative AS (
    SELECT m.approved_only, p.id AS project_id, s.month::date AS month,
           p.total_investment * least(1, greatest(0,
             ((s.month + interval '1 month - 1 day')::date - p.planned_start + 1)::numeric
             / (p.planned_finish - p.planned_start + 1))) AS cumulative
      FROM project p CROSS JOIN modes m
     CROSS JOIN LATERAL generate_series(date_trunc('month', p.planned_start), date_trunc('month', p.planned_finish),
                                        interval '1 month') AS s(month)
     WHERE p.id = ANY (affected) AND p.parent_id IS NULL AND p.planned_start IS NOT NULL AND p.planned_finish IS NOT NULL
  ),
  planned AS (
    SELECT approved_only, project_id, month,
           cumulative - coalesce(lag(cumulative) OVER (PARTITION BY approved_only, project_id ORDER BY month), 0) AS delta
      FROM planned_cumulative
  )
  SELECT coalesce(c.project_id, pl.project_id), coalesce(c.approved_only, pl.approved_only), coalesce(c.month, pl.month),
         coalesce(c.delta, 0), coalesce(pl.delta, 0)
    FROM completed c
    FULL JOIN planned pl ON pl.project_id = c.project_id AND pl.approved_only = c.approved_only AND pl.month = c.month;

  PERFORM revita_add_kept_figures(affected, 1);
END
$$;

-- At commit: the projects this transaction touched, refreshed once. The trigger fires for each
-- pending row; the first takes them all.
CREATE FUNCTION revita_flush_kept_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  projects int[];
BEGIN
  WITH taken AS (DELETE FROM kept_figures_pending WHERE transaction_id = txid_current() RETURNING project_id)
  SELECT array_agg(project_id) INTO projects FROM taken;
  IF projects IS NOT NULL THEN
    PERFORM revita_refresh_kept_figures(projects);
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "kept_figures_pending_flush" AFTER INSERT ON "kept_figures_pending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION revita_flush_kept_figures();

CREATE FUNCTION revita_kept_figures_pending(projects int[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO kept_figures_pending (transaction_id, project_id)
  SELECT DISTINCT txid_current(), id FROM unnest(projects) AS id WHERE id IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- Which changes touch which projects. Statement-level, with the changed rows as changed_rows.
CREATE FUNCTION revita_progress_report_touches_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM revita_kept_figures_pending(ARRAY(SELECT project_id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE FUNCTION revita_approval_touches_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM revita_kept_figures_pending(ARRAY(
    SELECT r.project_id FROM changed_rows a JOIN progress_report r ON r.id = a.report_id));
  RETURN NULL;
END
$$;
-- A project's figures change with its region, category, status, parent, total and plan (not with
-- its name or description).
CREATE FUNCTION revita_project_touches_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM revita_kept_figures_pending(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.region_id, n.category_id, n.status, n.parent_id, n.total_investment, n.planned_start, n.planned_finish)
             IS DISTINCT FROM (o.region_id, o.category_id, o.status, o.parent_id, o.total_investment, o.planned_start, o.planned_finish)
      UNION SELECT o.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.parent_id IS DISTINCT FROM o.parent_id));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM revita_kept_figures_pending(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM revita_kept_figures_pending(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
-- A region moved: the subtree rows its projects were added to are no longer theirs.
CREATE FUNCTION revita_region_touches_figures() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM revita_kept_figures_pending(ARRAY(
    SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN project p ON p.region_id = n.id
     WHERE n.path IS DISTINCT FROM o.path));
  RETURN NULL;
END
$$;

CREATE TRIGGER "progress_report_figures_insert" AFTER INSERT ON "progress_report"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_progress_report_touches_figures();
CREATE TRIGGER "progress_report_figures_update_new" AFTER UPDATE ON "progress_report"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_progress_report_touches_figures();
CREATE TRIGGER "progress_report_figures_update_old" AFTER UPDATE ON "progress_report"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_progress_report_touches_figures();
CREATE TRIGGER "progress_report_figures_delete" AFTER DELETE ON "progress_report"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_progress_report_touches_figures();
CREATE TRIGGER "approved_progress_report_figures_insert" AFTER INSERT ON "approved_progress_report"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_approval_touches_figures();
CREATE TRIGGER "approved_progress_report_figures_delete" AFTER DELETE ON "approved_progress_report"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_approval_touches_figures();
CREATE TRIGGER "project_figures_insert" AFTER INSERT ON "project"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_project_touches_figures();
CREATE TRIGGER "project_figures_update" AFTER UPDATE ON "project"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_project_touches_figures();
CREATE TRIGGER "project_figures_delete" AFTER DELETE ON "project"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_project_touches_figures();
CREATE TRIGGER "region_figures_update" AFTER UPDATE ON "region"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_region_touches_figures();

-- Read by the API within the reader's regions: an indexed comparison on the row's own region.
-- Approved figures' readers see only the approved rows. Written only by the triggers above.
GRANT SELECT ON project_figures, project_month_figures, region_investment_figures, region_month_figures TO revita_api;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project_figures', 'region_investment_figures', 'region_month_figures'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO revita_api
                     USING ((SELECT revita_reads_everything())
                            OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))))$p$,
                   t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I AS RESTRICTIVE FOR SELECT TO revita_api_approved USING (approved_only)$p$,
                   t || '_approved_only', t);
  END LOOP;
END
$$;
ALTER TABLE project_month_figures ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_month_figures_read ON project_month_figures FOR SELECT TO revita_api
  USING (EXISTS (SELECT 1 FROM project_figures f
                  WHERE f.project_id = project_month_figures.project_id AND f.approved_only = project_month_figures.approved_only));
ALTER TABLE kept_figures_pending ENABLE ROW LEVEL SECURITY;

-- The figures of the data already there.
SELECT revita_refresh_kept_figures(ARRAY(SELECT id FROM project));
