-- CreateEnum
CREATE TYPE "MediationLevel" AS ENUM ('VILLAGE', 'TOWN', 'COUNTY');

-- CreateEnum
CREATE TYPE "MediatorKind" AS ENUM ('TRADE_SPECIALIST', 'LEGAL_WORKER', 'FIVE_ELDERS', 'POLICE_OFFICER', 'CADRE', 'OTHER');

-- CreateEnum
CREATE TYPE "DisputeType" AS ENUM ('NEIGHBOUR', 'FAMILY', 'LAND', 'DEBT', 'LABOUR', 'PROPERTY', 'DAMAGE', 'OTHER');

-- CreateEnum
CREATE TYPE "MediationStepKind" AS ENUM ('SCREENING', 'INVESTIGATION', 'ANALYSIS', 'MEDIATION', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MediationStatus" AS ENUM ('OPEN', 'SETTLED', 'REFERRED', 'WITHDRAWN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('APPLICANT', 'RESPONDENT', 'OTHER');


-- CreateTable
CREATE TABLE "mediation_organization" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "level" "MediationLevel" NOT NULL,
    "source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mediation_organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediator" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MediatorKind" NOT NULL,
    "source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mediator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_case" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "level" "MediationLevel" NOT NULL,
    "received_by_id" INTEGER,
    "type" "DisputeType" NOT NULL,
    "summary" TEXT NOT NULL,
    "received_on" DATE NOT NULL,
    "last_step" "MediationStepKind",
    "status" "MediationStatus" NOT NULL DEFAULT 'OPEN',
    "settled_on" DATE,
    "settled_at_level" "MediationLevel",
    "agreement" TEXT,
    "referred_to" TEXT,
    "follow_up_due" DATE,
    "closed_on" DATE,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mediation_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_party" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "role" "PartyRole" NOT NULL,
    "name" TEXT NOT NULL,
    "name_masked" TEXT,
    "id_number" TEXT,
    "id_number_masked" TEXT,

    CONSTRAINT "mediation_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mediation_step" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "step" "MediationStepKind",
    "escalated_to" "MediationLevel",
    "on" DATE NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mediation_step_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mediation_organization_region_id_name_key" ON "mediation_organization"("region_id", "name");

-- CreateIndex
CREATE INDEX "mediator_organization_id_idx" ON "mediator"("organization_id");

-- CreateIndex
CREATE INDEX "mediator_region_id_idx" ON "mediator"("region_id");

-- CreateIndex
CREATE INDEX "mediation_case_region_id_status_idx" ON "mediation_case"("region_id", "status");

-- CreateIndex
CREATE INDEX "mediation_case_organization_id_idx" ON "mediation_case"("organization_id");

-- CreateIndex
CREATE INDEX "mediation_case_received_by_id_idx" ON "mediation_case"("received_by_id");

-- CreateIndex
CREATE INDEX "mediation_case_follow_up_due_idx" ON "mediation_case"("follow_up_due");

-- CreateIndex
CREATE INDEX "mediation_party_case_id_idx" ON "mediation_party"("case_id");

-- CreateIndex
CREATE INDEX "mediation_party_region_id_idx" ON "mediation_party"("region_id");

-- CreateIndex
CREATE INDEX "mediation_step_case_id_idx" ON "mediation_step"("case_id");

-- CreateIndex
CREATE INDEX "mediation_step_region_id_idx" ON "mediation_step"("region_id");

-- AddForeignKey
ALTER TABLE "mediation_organization" ADD CONSTRAINT "mediation_organization_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediator" ADD CONSTRAINT "mediator_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "mediation_organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediator" ADD CONSTRAINT "mediator_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "mediation_organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_case" ADD CONSTRAINT "mediation_case_received_by_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "mediator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_party" ADD CONSTRAINT "mediation_party_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "mediation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_party" ADD CONSTRAINT "mediation_party_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_step" ADD CONSTRAINT "mediation_step_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "mediation_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mediation_step" ADD CONSTRAINT "mediation_step_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: the rules of a case file, masked personal data, audit, row-level security, and
-- the mediation figures the 治理有效 pillar computes.

ALTER TABLE "mediation_organization" ADD CONSTRAINT "mediation_organization_name_present" CHECK (btrim("name") <> '');
ALTER TABLE "mediator" ADD CONSTRAINT "mediator_name_present" CHECK (btrim("name") <> '');
ALTER TABLE "mediation_case"
  ADD CONSTRAINT "mediation_case_summary_present" CHECK (btrim("summary") <> ''),
  -- What each status needs on record.
  ADD CONSTRAINT "mediation_case_status_recorded" CHECK (CASE "status"
    WHEN 'SETTLED' THEN "settled_on" IS NOT NULL AND "settled_at_level" IS NOT NULL AND coalesce(btrim("agreement"), '') <> ''
                        AND "follow_up_due" IS NOT NULL
    WHEN 'CLOSED' THEN "settled_on" IS NOT NULL AND "closed_on" IS NOT NULL
    WHEN 'REFERRED' THEN coalesce(btrim("referred_to"), '') <> '' AND "closed_on" IS NOT NULL
    WHEN 'WITHDRAWN' THEN "closed_on" IS NOT NULL
    ELSE "settled_on" IS NULL AND "closed_on" IS NULL END),
  ADD CONSTRAINT "mediation_case_dates_in_order" CHECK (
    ("settled_on" IS NULL OR "settled_on" >= "received_on")
    AND ("follow_up_due" IS NULL OR "follow_up_due" >= "settled_on")
    AND ("closed_on" IS NULL OR "closed_on" >= "received_on"));
ALTER TABLE "mediation_step" ADD CONSTRAINT "mediation_step_one_kind" CHECK (num_nonnulls("step", "escalated_to") = 1),
  ADD CONSTRAINT "mediation_step_by_present" CHECK (btrim("by") <> '');

CREATE TRIGGER mediation_case_next_version BEFORE UPDATE ON mediation_case
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER mediation_case_in_community BEFORE INSERT OR UPDATE OF region_id ON mediation_case
  FOR EACH ROW EXECUTE FUNCTION revita_refuse_record_above_village();

-- Rows of a case carry its region; a mediator carries its organisation's.
CREATE FUNCTION revita_case_child_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_id := (SELECT region_id FROM mediation_case WHERE id = NEW.case_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER mediation_party_region BEFORE INSERT OR UPDATE ON mediation_party
  FOR EACH ROW EXECUTE FUNCTION revita_case_child_region();
CREATE TRIGGER mediation_step_region BEFORE INSERT OR UPDATE ON mediation_step
  FOR EACH ROW EXECUTE FUNCTION revita_case_child_region();
CREATE FUNCTION revita_mediator_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_id := (SELECT region_id FROM mediation_organization WHERE id = NEW.organization_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER mediator_region BEFORE INSERT OR UPDATE ON mediator
  FOR EACH ROW EXECUTE FUNCTION revita_mediator_region();

-- Steps in order (a follow-up visit may repeat), follow-ups only once settled: the API says it in
-- words; this is the rule for every other path.
CREATE FUNCTION revita_mediation_step_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
  ranks text[] := ARRAY['SCREENING', 'INVESTIGATION', 'ANALYSIS', 'MEDIATION', 'FOLLOW_UP'];
BEGIN
  IF NEW.step IS NULL THEN RETURN NEW; END IF;
  SELECT last_step::text AS last_step, status INTO c FROM mediation_case WHERE id = NEW.case_id;
  IF NOT (coalesce(array_position(ranks, NEW.step::text), 0) = coalesce(array_position(ranks, c.last_step), 0) + 1
          OR (NEW.step = 'FOLLOW_UP' AND c.last_step = 'FOLLOW_UP'))
     OR (NEW.step = 'FOLLOW_UP' AND c.status NOT IN ('SETTLED', 'CLOSED')) THEN
    RAISE EXCEPTION 'mediation case %: step % does not follow %', NEW.case_id, NEW.step, coalesce(c.last_step, 'none')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'mediation_step_in_order', TABLE = 'mediation_step';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER mediation_step_in_order BEFORE INSERT ON mediation_step
  FOR EACH ROW EXECUTE FUNCTION revita_mediation_step_in_order();

-- A party's name and ID number, masked beside them: 张*, 420***********1234.
CREATE FUNCTION revita_mask_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN name IS NULL THEN NULL ELSE left(name, 1) || repeat('*', greatest(length(name) - 1, 1)) END
$$;
CREATE FUNCTION revita_mask_id_number(id_number text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN id_number IS NULL THEN NULL
              WHEN length(id_number) > 7 THEN left(id_number, 3) || repeat('*', length(id_number) - 7) || right(id_number, 4)
              ELSE repeat('*', length(id_number)) END
$$;
CREATE FUNCTION revita_party_mask() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_masked := revita_mask_name(NEW.name);
  NEW.id_number_masked := revita_mask_id_number(NEW.id_number);
  RETURN NEW;
END
$$;
CREATE TRIGGER mediation_party_mask BEFORE INSERT OR UPDATE ON mediation_party
  FOR EACH ROW EXECUTE FUNCTION revita_party_mask();

SELECT audit_table('mediation_organization', 'id');
SELECT audit_table('mediator', 'id');
SELECT audit_table('mediation_case', 'id');
SELECT audit_table('mediation_party', 'id', '', 'name,id_number');
SELECT audit_table('mediation_step', 'id');

SELECT revita_guard_by_region(t)
  FROM unnest(ARRAY['mediation_organization', 'mediator', 'mediation_case', 'mediation_party', 'mediation_step']) AS t;

-- A village's staff see the town's and the county's centres above them (where their cases go).
ALTER POLICY mediation_organization_read ON mediation_organization
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));

-- The mediation figures, year by year at each village or community (a case of a grid cell counts
-- at its community), by the day received and the day settled.
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('MD_CASES_RECEIVED', '受理矛盾纠纷', 'Disputes received for mediation', '件', 'GOVERNANCE', 'LOWER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Mediation cases received in the year.', 'mediation', now()),
  ('MD_CASES_SETTLED', '调解成功', 'Disputes settled by mediation', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Cases settled with an agreement in the year (by the day settled).', 'mediation', now()),
  ('MD_SETTLED_IN_VILLAGE', '村级化解', 'Disputes settled in the village', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the settled cases, those settled by the village''s own organisation (小事不出村).', 'mediation', now()),
  ('MD_SETTLED_IN_TOWN', '镇级化解', 'Disputes settled in the town', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the settled cases, those settled by the town''s centre after an escalation (大事不出镇).', 'mediation', now()),
  ('MD_CASES_CONCLUDED', '办结矛盾纠纷', 'Disputes concluded', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Cases settled, referred or withdrawn in the year: what the settlement rate divides by.', 'mediation', now());
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, numerator_indicator_id, denominator_indicator_id, ratio_scale, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('MD_SETTLEMENT_RATE', '调解成功率', 'Share of concluded disputes settled', '%', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'MD_CASES_SETTLED'), (SELECT id FROM indicator WHERE code = 'MD_CASES_CONCLUDED'), 100, 1, 0, 100,
   'Settled cases as a share of the cases concluded (settled, referred or withdrawn) in the year.', 'mediation', now()),
  ('MD_IN_VILLAGE_RATE', '小事不出村率', 'Share of settled disputes settled in the village', '%', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'MD_SETTLED_IN_VILLAGE'), (SELECT id FROM indicator WHERE code = 'MD_CASES_SETTLED'), 100, 1, 0, 100,
   'Cases settled by the village''s own organisation as a share of all settled cases.', 'mediation', now());

CREATE VIEW mediation_figure WITH (security_invoker = true) AS
WITH community AS (
  SELECT id, path[5] AS community_id FROM region WHERE level IN ('VILLAGE', 'GRID', 'BUILDING')
)
SELECT 'MD_CASES_RECEIVED'::text AS indicator_code, c.community_id AS region_id,
       extract(year FROM m.received_on)::int::text AS period, count(*)::numeric AS value
  FROM mediation_case m JOIN community c ON c.id = m.region_id
 GROUP BY c.community_id, extract(year FROM m.received_on)
UNION ALL
SELECT 'MD_CASES_SETTLED', c.community_id, extract(year FROM m.settled_on)::int::text, count(*)::numeric
  FROM mediation_case m JOIN community c ON c.id = m.region_id
 WHERE m.settled_on IS NOT NULL
 GROUP BY c.community_id, extract(year FROM m.settled_on)
UNION ALL
SELECT 'MD_SETTLED_IN_VILLAGE', c.community_id, extract(year FROM m.settled_on)::int::text,
       count(*) FILTER (WHERE m.settled_at_level = 'VILLAGE')::numeric
  FROM mediation_case m JOIN community c ON c.id = m.region_id
 WHERE m.settled_on IS NOT NULL
 GROUP BY c.community_id, extract(year FROM m.settled_on)
UNION ALL
SELECT 'MD_SETTLED_IN_TOWN', c.community_id, extract(year FROM m.settled_on)::int::text,
       count(*) FILTER (WHERE m.settled_at_level = 'TOWN')::numeric
  FROM mediation_case m JOIN community c ON c.id = m.region_id
 WHERE m.settled_on IS NOT NULL
 GROUP BY c.community_id, extract(year FROM m.settled_on)
UNION ALL
SELECT 'MD_CASES_CONCLUDED', c.community_id, extract(year FROM coalesce(m.settled_on, m.closed_on))::int::text, count(*)::numeric
  FROM mediation_case m JOIN community c ON c.id = m.region_id
 WHERE m.status IN ('SETTLED', 'CLOSED', 'REFERRED', 'WITHDRAWN')
 GROUP BY c.community_id, extract(year FROM coalesce(m.settled_on, m.closed_on));
GRANT SELECT ON mediation_figure TO revita_api;

-- Every computed indicator's figures in one place: what the roll-up, the scorecard and the
-- series read for an indicator with computed_from, whichever module computes it.
CREATE VIEW computed_figure WITH (security_invoker = true) AS
SELECT indicator_code, region_id, period, value FROM community_service_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM mediation_figure;
GRANT SELECT ON computed_figure TO revita_api;
