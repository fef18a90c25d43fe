-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "region_id" INTEGER;

-- CreateIndex
CREATE INDEX "audit_log_region_id_id_idx" ON "audit_log"("region_id", "id");

-- ---------------------------------------------------------------------------------------------
-- Access control in the database itself: the API reads and writes as revita_api, a role that
-- owns nothing, and row-level security on the region path limits every statement it runs to the
-- regions of the signed-in user's grants, so that a resolver that forgets a filter leaks nothing.
-- The API switches to the role in every transaction (set_config('role', 'revita_api', true))
-- with the user's regions in transaction-local settings; migrations and the seeders run as the
-- tables' owner, which these policies do not restrict.
-- ---------------------------------------------------------------------------------------------

-- Roles belong to the whole server, so another database on it may have made this one already.
DO $$
BEGIN
  CREATE ROLE revita_api NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;

-- The owner must be able to switch to the role. A superuser always can; anyone else needs
-- membership, which only a role with CREATEROLE or the role's admin can grant.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'revita_api', 'MEMBER') THEN
    EXECUTE format('GRANT revita_api TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'Revita''s database user % must be able to switch to the role revita_api', current_user
    USING HINT = format('Ask a database administrator to run: GRANT revita_api TO %I;', current_user);
END
$$;

GRANT USAGE ON SCHEMA public TO revita_api;
-- Reference data and the region tree: read by everyone signed in, changed only by migrations and
-- seeders. The county's data: read and written within the user's regions (policies below).
GRANT SELECT ON region, indicator, project_category TO revita_api;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  organization, assessment, project, project_site, project_output, progress_report,
  fund, fund_allocation, disbursement, indicator_value TO revita_api;
-- Accounts are guarded by the API (sign-in must read a user before anyone is signed in).
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, role_grant, session TO revita_api;
-- The audit: readable through its policy, never writable (the triggers write it as the owner).
GRANT SELECT ON audit_log TO revita_api;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO revita_api;

-- The regions of one kind of grant, as the API set them for this transaction: an int[] literal
-- of region ids, each standing for itself and its whole subtree. Unset means none.
CREATE FUNCTION revita_roots(setting text) RETURNS int[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting(setting, true), ''), '{}')::int[]
$$;

-- Regions in the subtree of any of the roots.
CREATE FUNCTION revita_regions_within(roots int[]) RETURNS SETOF int LANGUAGE sql STABLE AS $$
  SELECT id FROM region WHERE path && roots
$$;

-- Regions in the subtree of the roots, or above them: funds and implementing units managed by
-- the county serve the towns below it, so a town's users see those, not the county's other towns.
CREATE FUNCTION revita_regions_within_or_above(roots int[]) RETURNS SETOF int LANGUAGE sql STABLE AS $$
  SELECT id FROM region WHERE path && roots
  UNION
  SELECT unnest(path) FROM region WHERE id = ANY (roots)
$$;

-- Tables with a region of their own.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project', 'indicator_value', 'assessment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO revita_api
                     USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))))$p$,
                   t || '_read', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['fund', 'organization'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO revita_api
                     USING (region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))))$p$,
                   t || '_read', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['project', 'indicator_value', 'assessment', 'fund', 'organization'] LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL TO revita_api
                     USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))
                     WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))$p$,
                   t || '_write', t);
  END LOOP;
  -- Tables that belong to a project: visible with the project, written with it. The subquery on
  -- project is itself filtered by project's policies.
  FOREACH t IN ARRAY ARRAY['project_site', 'project_output', 'progress_report', 'fund_allocation'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO revita_api USING (project_id IN (SELECT id FROM project))$p$,
                   t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL TO revita_api
                     USING (project_id IN (SELECT id FROM project
                                            WHERE region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))))
                     WITH CHECK (project_id IN (SELECT id FROM project
                                            WHERE region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))))$p$,
                   t || '_write', t);
  END LOOP;
END
$$;

ALTER TABLE disbursement ENABLE ROW LEVEL SECURITY;
CREATE POLICY disbursement_read ON disbursement FOR SELECT TO revita_api
  USING (allocation_id IN (SELECT id FROM fund_allocation));
CREATE POLICY disbursement_write ON disbursement FOR ALL TO revita_api
  USING (allocation_id IN (SELECT a.id FROM fund_allocation a JOIN project p ON p.id = a.project_id
                            WHERE p.region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))))
  WITH CHECK (allocation_id IN (SELECT a.id FROM fund_allocation a JOIN project p ON p.id = a.project_id
                            WHERE p.region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots')))));

-- The audit: admins read the changes to their regions' records; changes to records of no region
-- (accounts, reference data) only admins of a whole top-level region.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.admin_roots')))
         OR (region_id IS NULL AND EXISTS (SELECT 1 FROM region
                                            WHERE id = ANY (revita_roots('revita.admin_roots')) AND parent_id IS NULL)));

-- Which region a changed record belongs to, for the audit's policy. A record whose parent was
-- deleted in the same statement (a cascade) has none left to look up, and gets null.
CREATE FUNCTION audit_region(table_name text, record jsonb) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN table_name = 'region' THEN (record ->> 'id')::int
    WHEN record ? 'region_id' AND table_name <> 'project_site' THEN (record ->> 'region_id')::int
    WHEN record ? 'project_id' THEN (SELECT region_id FROM project WHERE id = (record ->> 'project_id')::int)
    WHEN table_name = 'disbursement' THEN
      (SELECT p.region_id FROM fund_allocation a JOIN project p ON p.id = a.project_id
        WHERE a.id = (record ->> 'allocation_id')::int)
  END
$$;

CREATE OR REPLACE FUNCTION audit_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_columns text[] := string_to_array(TG_ARGV[0], ',');
  ignored text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{}') || '{updated_at}'::text[];
  secret text[] := coalesce(string_to_array(nullif(TG_ARGV[2], ''), ','), '{}');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (actor, action, table_name, record_key, after, region_id)
    SELECT audit_actor(), 'INSERT', TG_TABLE_NAME, audit_key(to_jsonb(n), key_columns), to_jsonb(n) - secret,
           audit_region(TG_TABLE_NAME, to_jsonb(n))
      FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (actor, action, table_name, record_key, before, region_id)
    SELECT audit_actor(), 'DELETE', TG_TABLE_NAME, audit_key(to_jsonb(o), key_columns), to_jsonb(o) - secret,
           audit_region(TG_TABLE_NAME, to_jsonb(o))
      FROM old_rows o;
  ELSE
    INSERT INTO audit_log (actor, action, table_name, record_key, before, after, region_id)
    SELECT audit_actor(), 'UPDATE', TG_TABLE_NAME, coalesce(audit_key(o.j, key_columns), audit_key(n.j, key_columns)),
           o.j - secret, n.j - secret, audit_region(TG_TABLE_NAME, coalesce(n.j, o.j))
      FROM (SELECT to_jsonb(o) AS j FROM old_rows o) o
      FULL JOIN (SELECT to_jsonb(n) AS j FROM new_rows n) n ON audit_key(o.j, key_columns) = audit_key(n.j, key_columns)
     WHERE (o.j - ignored - secret) IS DISTINCT FROM (n.j - ignored - secret);
  END IF;
  RETURN NULL;
END
$$;

-- Outside a SECURITY DEFINER function current_user is revita_api for every API change; the API
-- names its user in revita.actor, and anything else is named by the login that connected.
CREATE OR REPLACE FUNCTION audit_actor() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('revita.actor', true), ''), 'database:' || session_user)
$$;

-- Triggers that write the audit or check sums across rows run as the tables' owner: the audit is
-- not writable by revita_api, and a sum over the rows a user may see is not the whole sum.
-- A fixed search_path keeps a definer function from being fooled by objects of the caller's.
ALTER FUNCTION audit_changes() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_region_before_write() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_region_after_move() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_progress_report_within_budget() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_project_total_covers_reports() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_fund_allocations_within_fund() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_fund_covers_allocations() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_disbursements_within_allocation() SECURITY DEFINER SET search_path = public;
ALTER FUNCTION revita_allocation_covers_disbursements() SECURITY DEFINER SET search_path = public;

-- The audit already written gets its regions too, so admins can read it. This one statement fills
-- the new column and changes nothing recorded; the append-only rule is back before it commits.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
UPDATE audit_log SET region_id = audit_region(table_name, coalesce(after, before)) WHERE region_id IS NULL;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;
