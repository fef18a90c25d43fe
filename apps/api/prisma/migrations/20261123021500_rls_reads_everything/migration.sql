-- A user who reads every top-level region (a province's officials in a one-province
-- deployment) may read everything: the read policies then skip computing the visible regions and
-- projects, which each statement otherwise does (about 50 ms at province scale). The check is a
-- sub-select, so PostgreSQL runs it once per statement, and OR stops at it when it holds.
CREATE FUNCTION revita_reads_everything() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM region)
     AND NOT EXISTS (SELECT 1 FROM region
                      WHERE parent_id IS NULL AND NOT (id = ANY (revita_roots('revita.read_roots'))))
$$;

ALTER POLICY project_read ON project
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
ALTER POLICY indicator_value_read ON indicator_value
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
ALTER POLICY assessment_read ON assessment
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
ALTER POLICY fund_read ON fund
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));
ALTER POLICY organization_read ON organization
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));
ALTER POLICY project_site_read ON project_site
  USING ((SELECT revita_reads_everything()) OR project_id IN (SELECT id FROM project));
ALTER POLICY project_output_read ON project_output
  USING ((SELECT revita_reads_everything()) OR project_id IN (SELECT id FROM project));
ALTER POLICY progress_report_read ON progress_report
  USING ((SELECT revita_reads_everything()) OR project_id IN (SELECT id FROM project));
ALTER POLICY fund_allocation_read ON fund_allocation
  USING ((SELECT revita_reads_everything()) OR project_id IN (SELECT id FROM project));
ALTER POLICY disbursement_read ON disbursement
  USING ((SELECT revita_reads_everything()) OR allocation_id IN (SELECT id FROM fund_allocation));
