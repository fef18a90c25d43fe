-- Rules that protect Revita's numbers, enforced by the database itself so that no path (a
-- service, an import, a hand-written SQL fix) can store bad data. The services check the same
-- rules first to give friendlier, field-level messages: these are the last line.
-- Written by hand: Prisma's schema language has no CHECK constraints or triggers, and its
-- diff leaves both alone. Every violation is SQLSTATE 23514 (check_violation) and names its
-- constraint, which the API maps to a stable error.

-- Periods ------------------------------------------------------------------------------------
-- One canonical key per period: 2023 (year), 2023Q2 (quarter), 2023-06 (month).
CREATE FUNCTION revita_period_start(period_key text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE
    WHEN period_key ~ '^\d{4}$' THEN make_date(period_key::int, 1, 1)
    WHEN period_key ~ '^\d{4}Q[1-4]$' THEN make_date(left(period_key, 4)::int, (right(period_key, 1)::int - 1) * 3 + 1, 1)
    WHEN period_key ~ '^\d{4}-(0[1-9]|1[0-2])$' THEN make_date(left(period_key, 4)::int, right(period_key, 2)::int, 1)
  END
$$;

CREATE FUNCTION revita_period_end(period_key text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (revita_period_start(period_key) + CASE
    WHEN period_key ~ '^\d{4}$' THEN interval '1 year'
    WHEN period_key ~ '^\d{4}Q[1-4]$' THEN interval '3 months'
    ELSE interval '1 month'
  END - interval '1 day')::date
$$;

-- Regions ------------------------------------------------------------------------------------
ALTER TABLE "region"
  ADD CONSTRAINT "region_code_shape" CHECK ("code" ~ '^[0-9]{12}$'),
  ADD CONSTRAINT "region_root_is_province" CHECK (("level" = 'PROVINCE') = ("parent_id" IS NULL)),
  ADD CONSTRAINT "region_kind_fits_level" CHECK (CASE "level"
    WHEN 'PROVINCE' THEN "kind" IN ('PROVINCE', 'AUTONOMOUS_REGION', 'MUNICIPALITY')
    WHEN 'PREFECTURE' THEN "kind" IN ('PREFECTURE_CITY', 'AUTONOMOUS_PREFECTURE')
    WHEN 'COUNTY' THEN "kind" IN ('COUNTY', 'AUTONOMOUS_COUNTY', 'DISTRICT', 'COUNTY_CITY', 'DEVELOPMENT_ZONE')
    WHEN 'TOWNSHIP' THEN "kind" IN ('TOWN', 'TOWNSHIP', 'ETHNIC_TOWNSHIP', 'SUBDISTRICT')
    WHEN 'VILLAGE' THEN "kind" IN ('VILLAGE', 'COMMUNITY')
  END),
  ADD CONSTRAINT "region_names_present" CHECK (btrim("name_zh") <> '' AND btrim("name_en") <> '');

CREATE FUNCTION revita_region_level_rank(level "RegionLevel") RETURNS int
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT array_position(enum_range(NULL::"RegionLevel"), level)
$$;

-- A child sits exactly one level below its parent; path lists the ids from the root down to
-- the region itself, so that a subtree is one GIN-indexed `path @> ARRAY[id]`.
CREATE FUNCTION revita_region_before_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parent_row "region"%ROWTYPE;
BEGIN
  IF NEW."parent_id" IS NULL THEN
    NEW."path" := ARRAY[NEW."id"];
    RETURN NEW;
  END IF;
  SELECT * INTO parent_row FROM "region" WHERE "id" = NEW."parent_id";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Region % (%): parent region id % does not exist', NEW."code", NEW."name_zh", NEW."parent_id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'region_parent_level', TABLE = 'region';
  END IF;
  IF revita_region_level_rank(NEW."level") <> revita_region_level_rank(parent_row."level") + 1 THEN
    RAISE EXCEPTION 'Region % (%) is at level %, so it cannot sit under % (%), which is at level %: a child must be exactly one level below its parent',
      NEW."code", NEW."name_zh", NEW."level", parent_row."code", parent_row."name_zh", parent_row."level"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'region_parent_level', TABLE = 'region';
  END IF;
  NEW."path" := parent_row."path" || NEW."id";
  RETURN NEW;
END
$$;

CREATE TRIGGER "region_before_write"
  BEFORE INSERT OR UPDATE OF "parent_id", "level", "path" ON "region"
  FOR EACH ROW EXECUTE FUNCTION revita_region_before_write();

-- Moving a region moves its whole subtree.
CREATE FUNCTION revita_region_after_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "region" AS r
     SET "path" = NEW."path" || r."path"[array_position(r."path", NEW."id") + 1:]
   WHERE r."path" @> ARRAY[NEW."id"] AND r."id" <> NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "region_after_move"
  AFTER UPDATE OF "parent_id" ON "region"
  FOR EACH ROW WHEN (OLD."parent_id" IS DISTINCT FROM NEW."parent_id")
  EXECUTE FUNCTION revita_region_after_move();

-- Projects -----------------------------------------------------------------------------------
ALTER TABLE "project"
  ADD CONSTRAINT "project_total_investment_not_negative" CHECK ("total_investment" >= 0),
  ADD CONSTRAINT "project_phase_number_with_parent" CHECK (("parent_id" IS NULL) = ("phase_number" IS NULL) AND ("phase_number" IS NULL OR "phase_number" > 0)),
  ADD CONSTRAINT "project_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"),
  ADD CONSTRAINT "project_planned_dates_ordered" CHECK ("planned_finish" IS NULL OR "planned_start" IS NULL OR "planned_finish" >= "planned_start"),
  ADD CONSTRAINT "project_actual_dates_ordered" CHECK ("actual_finish" IS NULL OR "actual_start" IS NULL OR "actual_finish" >= "actual_start"),
  ADD CONSTRAINT "project_names_present" CHECK (btrim("name_zh") <> '' AND btrim("code") <> '');

ALTER TABLE "project_output"
  ADD CONSTRAINT "project_output_quantity_not_negative" CHECK ("quantity" >= 0);

ALTER TABLE "progress_report"
  ADD CONSTRAINT "progress_report_period_key" CHECK ("period" ~ '^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'
    AND "period_start" = revita_period_start("period") AND "period_end" = revita_period_end("period")),
  ADD CONSTRAINT "progress_report_completed_investment_not_negative" CHECK ("completed_investment" >= 0),
  ADD CONSTRAINT "progress_report_physical_progress_range" CHECK ("physical_progress" BETWEEN 0 AND 100),
  ADD CONSTRAINT "progress_report_has_a_figure" CHECK ("completed_investment" IS NOT NULL OR "physical_progress" IS NOT NULL),
  ADD CONSTRAINT "progress_report_reporter_present" CHECK (btrim("reported_by") <> '');

-- Completed investment never above the project's total without a stated reason.
CREATE FUNCTION revita_progress_report_within_budget() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  project_row "project"%ROWTYPE;
BEGIN
  SELECT * INTO project_row FROM "project" WHERE "id" = NEW."project_id";
  IF FOUND AND NEW."completed_investment" > project_row."total_investment"
     AND coalesce(btrim(NEW."over_budget_reason"), '') = '' THEN
    RAISE EXCEPTION 'Progress report % of project % (%): completed investment % exceeds the total investment %; give an over-budget reason to record it',
      NEW."period", project_row."code", project_row."name_zh", NEW."completed_investment", project_row."total_investment"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'progress_report_within_budget', TABLE = 'progress_report', COLUMN = 'completed_investment';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "progress_report_within_budget"
  BEFORE INSERT OR UPDATE OF "completed_investment", "over_budget_reason", "project_id" ON "progress_report"
  FOR EACH ROW EXECUTE FUNCTION revita_progress_report_within_budget();

-- Lowering a project's total below what was already reported needs the same reason.
CREATE FUNCTION revita_project_total_covers_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  offending "progress_report"%ROWTYPE;
BEGIN
  SELECT * INTO offending FROM "progress_report"
   WHERE "project_id" = NEW."id" AND "completed_investment" > NEW."total_investment"
     AND coalesce(btrim("over_budget_reason"), '') = ''
   ORDER BY "completed_investment" DESC
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Project % (%): total investment % is below the completed investment % reported for %',
      NEW."code", NEW."name_zh", NEW."total_investment", offending."completed_investment", offending."period"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'progress_report_within_budget', TABLE = 'project', COLUMN = 'total_investment';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "project_total_covers_reports"
  AFTER UPDATE OF "total_investment" ON "project"
  FOR EACH ROW WHEN (NEW."total_investment" < OLD."total_investment")
  EXECUTE FUNCTION revita_project_total_covers_reports();

-- Funds --------------------------------------------------------------------------------------
ALTER TABLE "fund"
  ADD CONSTRAINT "fund_amount_not_negative" CHECK ("amount" >= 0),
  ADD CONSTRAINT "fund_years_ordered" CHECK ("start_year" <= "year" AND "start_year" >= 1949 AND "year" <= 2100);

ALTER TABLE "fund_allocation"
  ADD CONSTRAINT "fund_allocation_amount_positive" CHECK ("amount" > 0);

ALTER TABLE "disbursement"
  ADD CONSTRAINT "disbursement_amount_positive" CHECK ("amount" > 0);

-- A fund's allocations never exceed the fund. The fund row is locked so that two concurrent
-- allocations cannot both pass the check.
CREATE FUNCTION revita_fund_allocations_within_fund() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  fund_row "fund"%ROWTYPE;
  allocated numeric;
BEGIN
  SELECT * INTO fund_row FROM "fund" WHERE "id" = NEW."fund_id" FOR UPDATE;
  SELECT coalesce(sum("amount"), 0) INTO allocated FROM "fund_allocation"
   WHERE "fund_id" = NEW."fund_id" AND "id" <> NEW."id";
  IF allocated + NEW."amount" > fund_row."amount" THEN
    RAISE EXCEPTION 'Fund % (%): allocating % would bring its allocations to %, above the fund''s amount %',
      fund_row."code", fund_row."name_zh", NEW."amount", allocated + NEW."amount", fund_row."amount"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fund_allocations_within_fund', TABLE = 'fund_allocation', COLUMN = 'amount';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "fund_allocations_within_fund"
  BEFORE INSERT OR UPDATE OF "amount", "fund_id" ON "fund_allocation"
  FOR EACH ROW EXECUTE FUNCTION revita_fund_allocations_within_fund();

CREATE FUNCTION revita_fund_covers_allocations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  allocated numeric;
BEGIN
  SELECT coalesce(sum("amount"), 0) INTO allocated FROM "fund_allocation" WHERE "fund_id" = NEW."id";
  IF allocated > NEW."amount" THEN
    RAISE EXCEPTION 'Fund % (%): amount % is below the % already allocated', NEW."code", NEW."name_zh", NEW."amount", allocated
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fund_allocations_within_fund', TABLE = 'fund', COLUMN = 'amount';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "fund_covers_allocations"
  AFTER UPDATE OF "amount" ON "fund"
  FOR EACH ROW WHEN (NEW."amount" < OLD."amount")
  EXECUTE FUNCTION revita_fund_covers_allocations();

-- Payments never exceed their allocation.
CREATE FUNCTION revita_disbursements_within_allocation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  allocation_row "fund_allocation"%ROWTYPE;
  paid numeric;
BEGIN
  SELECT * INTO allocation_row FROM "fund_allocation" WHERE "id" = NEW."allocation_id" FOR UPDATE;
  SELECT coalesce(sum("amount"), 0) INTO paid FROM "disbursement"
   WHERE "allocation_id" = NEW."allocation_id" AND "id" <> NEW."id";
  IF paid + NEW."amount" > allocation_row."amount" THEN
    RAISE EXCEPTION 'Allocation %: paying % would bring payments to %, above the allocated %',
      NEW."allocation_id", NEW."amount", paid + NEW."amount", allocation_row."amount"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursements_within_allocation', TABLE = 'disbursement', COLUMN = 'amount';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "disbursements_within_allocation"
  BEFORE INSERT OR UPDATE OF "amount", "allocation_id" ON "disbursement"
  FOR EACH ROW EXECUTE FUNCTION revita_disbursements_within_allocation();

CREATE FUNCTION revita_allocation_covers_disbursements() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  paid numeric;
BEGIN
  SELECT coalesce(sum("amount"), 0) INTO paid FROM "disbursement" WHERE "allocation_id" = NEW."id";
  IF paid > NEW."amount" THEN
    RAISE EXCEPTION 'Allocation %: amount % is below the % already paid', NEW."id", NEW."amount", paid
      USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursements_within_allocation', TABLE = 'fund_allocation', COLUMN = 'amount';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "allocation_covers_disbursements"
  AFTER UPDATE OF "amount" ON "fund_allocation"
  FOR EACH ROW WHEN (NEW."amount" < OLD."amount")
  EXECUTE FUNCTION revita_allocation_covers_disbursements();

-- Indicators ---------------------------------------------------------------------------------
ALTER TABLE "indicator"
  ADD CONSTRAINT "indicator_aggregation_inputs" CHECK (
    ("aggregation" = 'WEIGHTED_AVERAGE') = ("weight_indicator_id" IS NOT NULL)
    AND ("aggregation" = 'RATIO') = ("numerator_indicator_id" IS NOT NULL AND "denominator_indicator_id" IS NOT NULL)
    AND ("aggregation" = 'RATIO' OR ("numerator_indicator_id" IS NULL AND "denominator_indicator_id" IS NULL AND "ratio_scale" IS NULL))
  ),
  ADD CONSTRAINT "indicator_ratio_scale_positive" CHECK ("ratio_scale" IS NULL OR "ratio_scale" > 0),
  ADD CONSTRAINT "indicator_decimals_range" CHECK ("decimals" BETWEEN 0 AND 4);

ALTER TABLE "indicator_value"
  ADD CONSTRAINT "indicator_value_period_key" CHECK ("period" ~ '^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'
    AND "period_start" = revita_period_start("period") AND "period_end" = revita_period_end("period"));
