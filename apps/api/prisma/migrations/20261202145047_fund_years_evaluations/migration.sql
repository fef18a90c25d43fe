-- AlterTable
ALTER TABLE "fund" ADD COLUMN     "year_amounts" DECIMAL(16,2)[] NOT NULL DEFAULT ARRAY[]::DECIMAL(16,2)[];

-- CreateTable
CREATE TABLE "fund_evaluation" (
    "id" SERIAL NOT NULL,
    "fund_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" "PerformanceGrade" NOT NULL,
    "score" DECIMAL(5,2),
    "evaluated_on" DATE NOT NULL,
    "evaluator" TEXT NOT NULL,
    "note" TEXT,
    "source" TEXT,
    "source_kind" "SourceKind",
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fund_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fund_evaluation_region_id_idx" ON "fund_evaluation"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "fund_evaluation_fund_id_year_key" ON "fund_evaluation"("fund_id", "year");

-- AddForeignKey
ALTER TABLE "fund_evaluation" ADD CONSTRAINT "fund_evaluation_fund_id_fkey" FOREIGN KEY ("fund_id") REFERENCES "fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_evaluation" ADD CONSTRAINT "fund_evaluation_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: the rules of a fund's years and evaluations, their audit and who may see them.

-- A multi-year envelope split by year: one non-negative amount per year from start_year to year,
-- adding up to the fund's amount; or no split at all (only the envelope's total is known).
CREATE FUNCTION revita_year_amounts_fit(amounts numeric[], start_year int, last_year int, total numeric)
  RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT cardinality(amounts) = 0
      OR (cardinality(amounts) = last_year - start_year + 1
          AND (SELECT bool_and(a IS NOT NULL AND a >= 0) AND sum(a) = total FROM unnest(amounts) a))
$$;
ALTER TABLE "fund"
  ADD CONSTRAINT "fund_year_amounts_fit" CHECK (revita_year_amounts_fit("year_amounts", "start_year", "year", "amount"));

ALTER TABLE "fund_evaluation"
  ADD CONSTRAINT "fund_evaluation_score_range" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= 100)),
  ADD CONSTRAINT "fund_evaluation_year_range" CHECK ("year" >= 1949 AND "year" <= 2100);

-- An evaluation belongs to its fund's region (copied, so that the policies compare a column and
-- the audit finds the region); it follows the fund if the fund is moved to another region.
CREATE FUNCTION revita_fund_evaluation_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT region_id INTO NEW.region_id FROM fund WHERE id = NEW.fund_id;
  RETURN NEW;
END
$$;
ALTER FUNCTION revita_fund_evaluation_region() SECURITY DEFINER SET search_path = public;
CREATE TRIGGER fund_evaluation_region BEFORE INSERT OR UPDATE OF fund_id, region_id ON fund_evaluation
  FOR EACH ROW EXECUTE FUNCTION revita_fund_evaluation_region();

CREATE FUNCTION revita_fund_moves_evaluations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE fund_evaluation SET region_id = NEW.region_id WHERE fund_id = NEW.id;
  RETURN NULL;
END
$$;
ALTER FUNCTION revita_fund_moves_evaluations() SECURITY DEFINER SET search_path = public;
CREATE TRIGGER fund_moves_evaluations AFTER UPDATE OF region_id ON fund
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION revita_fund_moves_evaluations();

CREATE TRIGGER fund_evaluation_next_version BEFORE UPDATE ON fund_evaluation
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();

SELECT audit_table('fund_evaluation', 'id');
SELECT notify_changes_of('fund_evaluation');

-- Read with the fund (a county's funds serve its towns); recorded by editors of the fund's region.
GRANT SELECT, INSERT, UPDATE ON fund_evaluation TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE fund_evaluation_id_seq TO revita_api;
ALTER TABLE fund_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_evaluation_read ON fund_evaluation FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));
CREATE POLICY fund_evaluation_insert ON fund_evaluation FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))));
CREATE POLICY fund_evaluation_update ON fund_evaluation FOR UPDATE TO revita_api
  USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))
  WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))));

-- Why an allocation was last changed (调整原因): its audit rows keep each change with its reason.
ALTER TABLE "fund_allocation" ADD COLUMN "adjustment_reason" TEXT;
