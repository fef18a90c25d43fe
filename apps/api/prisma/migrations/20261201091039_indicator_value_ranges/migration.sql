-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "max_value" DECIMAL(20,4),
ADD COLUMN     "min_value" DECIMAL(20,4);

-- Plausible values, stored on each indicator so an admin can change them: a percentage lies in
-- 0–100 and a count, an area or an amount is never negative. Arable land of −5 mu and a sewage
-- coverage of 100.5 % were accepted before.
-- A share of an average (income as a share of the provincial average: 117 %) has no upper bound.
UPDATE "indicator" SET "min_value" = 0,
  "max_value" = CASE WHEN "unit" = '%' AND "code" <> 'POVERTY_ESCAPED_INCOME_VS_PROVINCE' THEN 100 END;

ALTER TABLE "indicator" ADD CONSTRAINT "indicator_value_range_ordered"
  CHECK ("min_value" IS NULL OR "max_value" IS NULL OR "min_value" <= "max_value");

-- The services name the field first; this holds for every path (imports, scripts, raw SQL).
-- One statement per write, over the changed rows, like the approval locks.
CREATE FUNCTION revita_refuse_implausible_indicator_values() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT i.code, i.unit, i.min_value, i.max_value, c.period, r.name_zh AS region_name,
         CASE WHEN c.value < i.min_value OR c.value > i.max_value THEN 'value'
              WHEN c.target < i.min_value OR c.target > i.max_value THEN 'target'
              ELSE 'baseline' END AS field,
         CASE WHEN c.value < i.min_value OR c.value > i.max_value THEN c.value
              WHEN c.target < i.min_value OR c.target > i.max_value THEN c.target
              ELSE c.baseline END AS figure
    INTO hit
    FROM changed_rows c
    JOIN "indicator" i ON i.id = c.indicator_id
    JOIN "region" r ON r.id = c.region_id
   WHERE c.value < i.min_value OR c.value > i.max_value
      OR c.target < i.min_value OR c.target > i.max_value
      OR c.baseline < i.min_value OR c.baseline > i.max_value
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Indicator value % of % for % (%): % % is outside the plausible range % to %',
      hit.field, hit.code, hit.region_name, hit.period, hit.figure, hit.unit,
      coalesce(hit.min_value::text, '-'), coalesce(hit.max_value::text, '-')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'indicator_value_plausible', TABLE = 'indicator_value';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "indicator_value_plausible_insert" AFTER INSERT ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_implausible_indicator_values();
CREATE TRIGGER "indicator_value_plausible_update" AFTER UPDATE ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_implausible_indicator_values();
