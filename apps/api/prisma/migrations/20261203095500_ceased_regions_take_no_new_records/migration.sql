-- A merged (ceased) region takes no new records (issue 23, the tree over time): from the day of
-- its merger, what happens there happens in its successor, so a project, fund, case, need, topic,
-- meeting, inspection, household or member opened there, or moved there, is refused and pointed
-- to the successor. Its records from before stay where they were made.
--
-- Only the records a user opens in a place are checked; rows that copy their record's region (a
-- case's steps, an inspection's scores) follow the record, and values reported per period
-- (indicator values, approvals) may still be entered for the years before the merger.
-- The SQLSTATE RV410 is turned into a refusal of the region field by the API.
CREATE OR REPLACE FUNCTION revita_refuse_ceased_region() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ceased record;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.region_id IS NOT DISTINCT FROM OLD.region_id THEN
    RETURN NEW;
  END IF;
  SELECT r.code, r.name_zh, r.valid_to, s.code AS successor_code, s.name_zh AS successor_name INTO ceased
    FROM region r JOIN region s ON s.id = r.successor_id
   WHERE r.id = NEW.region_id AND r.valid_to <= (now() AT TIME ZONE 'Asia/Shanghai')::date;
  IF FOUND THEN
    RAISE EXCEPTION 'region % (%) ceased on %, merged into % (%): new records go there',
      ceased.code, ceased.name_zh, to_char(ceased.valid_to, 'YYYY-MM-DD'), ceased.successor_code, ceased.successor_name
      USING ERRCODE = 'RV410', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project', 'fund', 'household', 'mediation_case', 'mediation_organization', 'community_need',
                           'service_card', 'consultation_topic', 'consultation_meeting', 'cleaning_inspection',
                           'dispatch_meeting', 'party_member', 'volunteer_team', 'grid_area'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF region_id ON %I
                      FOR EACH ROW EXECUTE FUNCTION revita_refuse_ceased_region()', t || '_not_in_ceased_region', t);
  END LOOP;
END
$$;
