-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('UNANNOUNCED', 'ANNOUNCED', 'COMPETITION');

-- CreateEnum
CREATE TYPE "ConsultationChannel" AS ENUM ('VISIT', 'GRID_GROUP', 'MEETING', 'HOTLINE', 'LETTER', 'OTHER');

-- CreateEnum
CREATE TYPE "TopicKind" AS ENUM ('ISSUE', 'SUGGESTION');

-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('ANSWERED', 'TAKEN_UP', 'DECIDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'FAIRLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('THREE_PARTY', 'RESIDENTS', 'PARTY_JOINT', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('COMMUNITY', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'RESIDENT', 'PARTY_MEMBER', 'EXPERT', 'OTHER');

-- CreateTable
CREATE TABLE "cleaning_campaign" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "pass_score" DECIMAL(5,1) NOT NULL DEFAULT 80,
    "list_size" INTEGER NOT NULL DEFAULT 3,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cleaning_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cleaning_check_item" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "weight" DECIMAL(5,1) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "cleaning_check_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cleaning_inspection" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "inspected_on" DATE NOT NULL,
    "inspector" TEXT NOT NULL,
    "score" DECIMAL(5,1) NOT NULL,
    "photos" TEXT[],
    "problems" TEXT,
    "problems_due" DATE,
    "fixed_on" DATE,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cleaning_inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cleaning_item_score" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "score" DECIMAL(5,1) NOT NULL,

    CONSTRAINT "cleaning_item_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cleaning_follow_up" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "visited_on" DATE NOT NULL,
    "by" TEXT NOT NULL,
    "fixed" BOOLEAN NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cleaning_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_topic" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "kind" "TopicKind" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "raised_by" TEXT NOT NULL,
    "channel" "ConsultationChannel" NOT NULL,
    "raised_on" DATE NOT NULL,
    "status" "TopicStatus" NOT NULL,
    "answer_due" DATE,
    "investigators" TEXT,
    "answer" TEXT,
    "answered_on" DATE,
    "meeting_id" INTEGER,
    "follow_up" TEXT,
    "satisfaction" "Satisfaction",
    "closed_on" DATE,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consultation_topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_meeting" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT,
    "minutes" TEXT,
    "record_source" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_participant" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "meeting_participant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cleaning_campaign_region_id_name_key" ON "cleaning_campaign"("region_id", "name");

-- CreateIndex
CREATE INDEX "cleaning_check_item_region_id_idx" ON "cleaning_check_item"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "cleaning_check_item_campaign_id_code_key" ON "cleaning_check_item"("campaign_id", "code");

-- CreateIndex
CREATE INDEX "cleaning_inspection_campaign_id_inspected_on_idx" ON "cleaning_inspection"("campaign_id", "inspected_on");

-- CreateIndex
CREATE INDEX "cleaning_inspection_region_id_idx" ON "cleaning_inspection"("region_id");

-- CreateIndex
CREATE INDEX "cleaning_inspection_problems_due_idx" ON "cleaning_inspection"("problems_due");

-- CreateIndex
CREATE INDEX "cleaning_item_score_region_id_idx" ON "cleaning_item_score"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "cleaning_item_score_inspection_id_item_id_key" ON "cleaning_item_score"("inspection_id", "item_id");

-- CreateIndex
CREATE INDEX "cleaning_follow_up_inspection_id_idx" ON "cleaning_follow_up"("inspection_id");

-- CreateIndex
CREATE INDEX "cleaning_follow_up_region_id_idx" ON "cleaning_follow_up"("region_id");

-- CreateIndex
CREATE INDEX "consultation_topic_region_id_status_idx" ON "consultation_topic"("region_id", "status");

-- CreateIndex
CREATE INDEX "consultation_topic_answer_due_idx" ON "consultation_topic"("answer_due");

-- CreateIndex
CREATE INDEX "consultation_topic_meeting_id_idx" ON "consultation_topic"("meeting_id");

-- CreateIndex
CREATE INDEX "consultation_meeting_region_id_held_on_idx" ON "consultation_meeting"("region_id", "held_on");

-- CreateIndex
CREATE INDEX "meeting_participant_meeting_id_idx" ON "meeting_participant"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_participant_region_id_idx" ON "meeting_participant"("region_id");

-- AddForeignKey
ALTER TABLE "cleaning_campaign" ADD CONSTRAINT "cleaning_campaign_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_check_item" ADD CONSTRAINT "cleaning_check_item_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "cleaning_campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_check_item" ADD CONSTRAINT "cleaning_check_item_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_inspection" ADD CONSTRAINT "cleaning_inspection_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "cleaning_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_inspection" ADD CONSTRAINT "cleaning_inspection_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_item_score" ADD CONSTRAINT "cleaning_item_score_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "cleaning_inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_item_score" ADD CONSTRAINT "cleaning_item_score_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "cleaning_check_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_item_score" ADD CONSTRAINT "cleaning_item_score_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_follow_up" ADD CONSTRAINT "cleaning_follow_up_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "cleaning_inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cleaning_follow_up" ADD CONSTRAINT "cleaning_follow_up_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_topic" ADD CONSTRAINT "consultation_topic_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_topic" ADD CONSTRAINT "consultation_topic_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "consultation_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_meeting" ADD CONSTRAINT "consultation_meeting_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "consultation_meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: the rules of consultation topics and cleaning inspections, audit, row-level
-- security, and the figures the 治理有效 and 生态宜居 pillars compute from them.

-- Consultation: what each status needs on record, dates in order.
ALTER TABLE "consultation_topic"
  ADD CONSTRAINT "consultation_topic_title_present" CHECK (btrim("title") <> ''),
  ADD CONSTRAINT "consultation_topic_raised_by_present" CHECK (btrim("raised_by") <> ''),
  ADD CONSTRAINT "consultation_topic_status_recorded" CHECK (CASE "status"
    WHEN 'ANSWERED' THEN coalesce(btrim("answer"), '') <> '' AND "answered_on" IS NOT NULL
    WHEN 'TAKEN_UP' THEN "answer_due" IS NOT NULL AND "answered_on" IS NULL
    WHEN 'DECIDED' THEN "answer_due" IS NOT NULL AND coalesce(btrim("answer"), '') <> '' AND "answered_on" IS NOT NULL
    WHEN 'CLOSED' THEN coalesce(btrim("answer"), '') <> '' AND "answered_on" IS NOT NULL AND "satisfaction" IS NOT NULL
                       AND "closed_on" IS NOT NULL
  END),
  ADD CONSTRAINT "consultation_topic_dates_in_order" CHECK (
    ("answer_due" IS NULL OR "answer_due" >= "raised_on")
    AND ("answered_on" IS NULL OR "answered_on" >= "raised_on")
    AND ("closed_on" IS NULL OR "closed_on" >= "answered_on"));
ALTER TABLE "consultation_meeting" ADD CONSTRAINT "consultation_meeting_title_present" CHECK (btrim("title") <> '');
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_name_present" CHECK (btrim("name") <> '');

CREATE TRIGGER consultation_topic_next_version BEFORE UPDATE ON consultation_topic
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER consultation_topic_in_community BEFORE INSERT OR UPDATE OF region_id ON consultation_topic
  FOR EACH ROW EXECUTE FUNCTION revita_refuse_record_above_village();
CREATE TRIGGER consultation_meeting_in_community BEFORE INSERT OR UPDATE OF region_id ON consultation_meeting
  FOR EACH ROW EXECUTE FUNCTION revita_refuse_record_above_village();
-- A row that belongs to another carries its region: revita_region_of_parent('<parent table>',
-- '<foreign key column>'), for these modules' child tables and the next ones'.
CREATE FUNCTION revita_region_of_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT region_id FROM %I WHERE id = $1', TG_ARGV[0])
     INTO NEW.region_id USING (to_jsonb(NEW) ->> TG_ARGV[1])::int;
  RETURN NEW;
END
$$;
CREATE TRIGGER meeting_participant_region BEFORE INSERT OR UPDATE ON meeting_participant
  FOR EACH ROW EXECUTE FUNCTION revita_region_of_parent('consultation_meeting', 'meeting_id');

-- Cleaning: a campaign is run by a town or higher, inspects villages (not communities) below it,
-- scores each item up to its weight; the inspection's score is its items' sum, kept here.
ALTER TABLE "cleaning_campaign"
  ADD CONSTRAINT "cleaning_campaign_name_present" CHECK (btrim("name") <> ''),
  ADD CONSTRAINT "cleaning_campaign_pass_score_range" CHECK ("pass_score" BETWEEN 0 AND 100),
  ADD CONSTRAINT "cleaning_campaign_list_size_range" CHECK ("list_size" BETWEEN 1 AND 50),
  ADD CONSTRAINT "cleaning_campaign_year_range" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "cleaning_check_item"
  ADD CONSTRAINT "cleaning_check_item_weight_range" CHECK ("weight" > 0 AND "weight" <= 100),
  ADD CONSTRAINT "cleaning_check_item_names_present" CHECK (btrim("name_zh") <> '' AND btrim("name_en") <> '' AND btrim("code") <> '');
ALTER TABLE "cleaning_inspection"
  ADD CONSTRAINT "cleaning_inspection_inspector_present" CHECK (btrim("inspector") <> ''),
  ADD CONSTRAINT "cleaning_inspection_score_range" CHECK ("score" BETWEEN 0 AND 100),
  ADD CONSTRAINT "cleaning_inspection_dates_in_order" CHECK (
    ("problems_due" IS NULL OR "problems_due" >= "inspected_on") AND ("fixed_on" IS NULL OR "fixed_on" >= "inspected_on")),
  ADD CONSTRAINT "cleaning_inspection_due_with_problems" CHECK ("problems_due" IS NULL OR coalesce(btrim("problems"), '') <> '');
ALTER TABLE "cleaning_item_score" ADD CONSTRAINT "cleaning_item_score_not_negative" CHECK ("score" >= 0);
ALTER TABLE "cleaning_follow_up" ADD CONSTRAINT "cleaning_follow_up_by_present" CHECK (btrim("by") <> '');

CREATE TRIGGER cleaning_campaign_next_version BEFORE UPDATE ON cleaning_campaign
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER cleaning_inspection_next_version BEFORE UPDATE ON cleaning_inspection
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();

CREATE TRIGGER cleaning_check_item_region BEFORE INSERT OR UPDATE ON cleaning_check_item
  FOR EACH ROW EXECUTE FUNCTION revita_region_of_parent('cleaning_campaign', 'campaign_id');
CREATE TRIGGER cleaning_item_score_region BEFORE INSERT OR UPDATE ON cleaning_item_score
  FOR EACH ROW EXECUTE FUNCTION revita_region_of_parent('cleaning_inspection', 'inspection_id');
CREATE TRIGGER cleaning_follow_up_region BEFORE INSERT OR UPDATE ON cleaning_follow_up
  FOR EACH ROW EXECUTE FUNCTION revita_region_of_parent('cleaning_inspection', 'inspection_id');

-- The API refuses these in words; this is the rule for every other path.
CREATE FUNCTION revita_campaign_at_town_or_above() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT revita_region_level_rank(level) FROM region WHERE id = NEW.region_id) > revita_region_level_rank('TOWNSHIP') THEN
    RAISE EXCEPTION 'a cleaning campaign is run by a town or higher, not by region %', NEW.region_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cleaning_campaign_at_town_or_above', TABLE = 'cleaning_campaign';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cleaning_campaign_at_town_or_above BEFORE INSERT OR UPDATE OF region_id ON cleaning_campaign
  FOR EACH ROW EXECUTE FUNCTION revita_campaign_at_town_or_above();
CREATE FUNCTION revita_inspection_of_village() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  SELECT level, kind, path INTO r FROM region WHERE id = NEW.region_id;
  IF r.level <> 'VILLAGE' OR r.kind = 'COMMUNITY'
     OR NOT r.path @> ARRAY[(SELECT region_id FROM cleaning_campaign WHERE id = NEW.campaign_id)] THEN
    RAISE EXCEPTION 'cleaning inspection of region %: not a village of its campaign''s region', NEW.region_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cleaning_inspection_of_village', TABLE = 'cleaning_inspection';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cleaning_inspection_of_village BEFORE INSERT OR UPDATE OF region_id, campaign_id ON cleaning_inspection
  FOR EACH ROW EXECUTE FUNCTION revita_inspection_of_village();
CREATE FUNCTION revita_item_score_within_weight() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.score > (SELECT weight FROM cleaning_check_item WHERE id = NEW.item_id) THEN
    RAISE EXCEPTION 'cleaning inspection %: a score of % is above its item''s weight', NEW.inspection_id, NEW.score
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cleaning_item_score_within_weight', TABLE = 'cleaning_item_score';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cleaning_item_score_within_weight BEFORE INSERT OR UPDATE ON cleaning_item_score
  FOR EACH ROW EXECUTE FUNCTION revita_item_score_within_weight();

SELECT audit_table('consultation_topic', 'id');
SELECT audit_table('consultation_meeting', 'id');
SELECT audit_table('meeting_participant', 'id');
SELECT audit_table('cleaning_campaign', 'id');
SELECT audit_table('cleaning_check_item', 'id');
SELECT audit_table('cleaning_inspection', 'id');
SELECT audit_table('cleaning_item_score', 'id');
SELECT audit_table('cleaning_follow_up', 'id');

SELECT revita_guard_by_region(t)
  FROM unnest(ARRAY['consultation_topic', 'consultation_meeting', 'meeting_participant', 'cleaning_campaign',
                    'cleaning_check_item', 'cleaning_inspection', 'cleaning_item_score', 'cleaning_follow_up']) AS t;

-- A village's staff read the campaigns that inspect them, and their checklists.
ALTER POLICY cleaning_campaign_read ON cleaning_campaign
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));
ALTER POLICY cleaning_check_item_read ON cleaning_check_item
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within_or_above(revita_roots('revita.read_roots'))));

-- The figures. Consultation (治理有效), by the year a topic was raised, at its village or community:
-- a topic falls due when answered on the spot, once its deadline has passed, or once answered; it
-- is answered in time when answered on the spot or by its deadline.
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('CT_TOPICS_RAISED', '协商议事议题', 'Consultation topics raised', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Topics residents raised in the year, answered on the spot or taken up for consultation.', 'consultation', now()),
  ('CT_TOPICS_DUE', '到期议题', 'Consultation topics falling due', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Topics of the year answered on the spot, or taken up and either answered or past their deadline.', 'consultation', now()),
  ('CT_ANSWERED_IN_TIME', '限时答复议题', 'Consultation topics answered in time', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the topics falling due, those answered on the spot or by their deadline.', 'consultation', now()),
  ('CL_INSPECTIONS', '村庄清洁检查', 'Village-cleaning inspections', '次', 'ECOLOGY', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Inspections of villages in the year''s cleaning campaigns (unannounced, announced, competitive tours).', 'cleaning', now()),
  ('CL_SCORE_TOTAL', '检查得分合计', 'Inspection scores added up', '分', 'ECOLOGY', 'HIGHER_IS_BETTER', 'SUM', 1, 0, NULL,
   'The inspections'' scores added up: what the average score divides.', 'cleaning', now()),
  ('CL_VILLAGES_INSPECTED', '受检村', 'Villages inspected', '个', 'ECOLOGY', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Villages inspected at least once in a campaign of the year.', 'cleaning', now()),
  ('CL_VILLAGES_PASSED', '检查达标村', 'Villages passing inspection', '个', 'ECOLOGY', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Villages whose average score over the year''s inspections of a campaign reaches its pass score.', 'cleaning', now());
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, numerator_indicator_id, denominator_indicator_id, ratio_scale, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('CT_ON_TIME_RATE', '议题限时答复率', 'Share of consultation topics answered in time', '%', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CT_ANSWERED_IN_TIME'), (SELECT id FROM indicator WHERE code = 'CT_TOPICS_DUE'), 100, 1, 0, 100,
   'Topics answered on the spot or by their deadline as a share of the topics falling due.', 'consultation', now()),
  ('CL_AVERAGE_SCORE', '村庄清洁平均得分', 'Average village-cleaning score', '分', 'ECOLOGY', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CL_SCORE_TOTAL'), (SELECT id FROM indicator WHERE code = 'CL_INSPECTIONS'), 1, 1, 0, 100,
   'The inspections'' scores added up, divided by the number of inspections.', 'cleaning', now()),
  ('CL_PASS_RATE', '村庄清洁达标率', 'Share of inspected villages passing', '%', 'ECOLOGY', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CL_VILLAGES_PASSED'), (SELECT id FROM indicator WHERE code = 'CL_VILLAGES_INSPECTED'), 100, 1, 0, 100,
   'Villages passing as a share of the villages inspected.', 'cleaning', now());
-- The median does not add up the tree: its view gives it at every region above the cases, and
-- the roll-up keeps such figures as they are.
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('MD_MEDIAN_DAYS_TO_SETTLE', '调解用时中位数', 'Median days to settle a dispute', '天', 'GOVERNANCE', 'LOWER_IS_BETTER', 'NOT_AGGREGATED', 1, 0, NULL,
   'Of the cases settled in the year, the median of days from received to settled, in each region and every region above it.', 'mediation', now());

CREATE VIEW consultation_figure WITH (security_invoker = true) AS
WITH community AS (
  SELECT id, path[5] AS community_id FROM region WHERE level IN ('VILLAGE', 'GRID', 'BUILDING')
),
due AS (
  SELECT c.community_id, extract(year FROM t.raised_on)::int::text AS period, t.*
    FROM consultation_topic t JOIN community c ON c.id = t.region_id
   WHERE t.answered_on IS NOT NULL OR t.answer_due < revita_china_today()
)
SELECT 'CT_TOPICS_RAISED'::text AS indicator_code, c.community_id AS region_id,
       extract(year FROM t.raised_on)::int::text AS period, count(*)::numeric AS value
  FROM consultation_topic t JOIN community c ON c.id = t.region_id
 GROUP BY c.community_id, extract(year FROM t.raised_on)
UNION ALL
SELECT 'CT_TOPICS_DUE', community_id, period, count(*)::numeric FROM due GROUP BY community_id, period
UNION ALL
SELECT 'CT_ANSWERED_IN_TIME', community_id, period,
       count(*) FILTER (WHERE answered_on IS NOT NULL AND (answer_due IS NULL OR answered_on <= answer_due))::numeric
  FROM due GROUP BY community_id, period;
GRANT SELECT ON consultation_figure TO revita_api;

-- Cleaning (生态宜居), by the year inspected, at each village.
CREATE VIEW cleaning_figure WITH (security_invoker = true) AS
WITH village_year AS (
  SELECT i.region_id, i.campaign_id, extract(year FROM i.inspected_on)::int::text AS period, avg(i.score) AS average
    FROM cleaning_inspection i
   GROUP BY i.region_id, i.campaign_id, extract(year FROM i.inspected_on)
)
SELECT 'CL_INSPECTIONS'::text AS indicator_code, i.region_id, extract(year FROM i.inspected_on)::int::text AS period,
       count(*)::numeric AS value
  FROM cleaning_inspection i GROUP BY i.region_id, extract(year FROM i.inspected_on)
UNION ALL
SELECT 'CL_SCORE_TOTAL', i.region_id, extract(year FROM i.inspected_on)::int::text, sum(i.score)
  FROM cleaning_inspection i GROUP BY i.region_id, extract(year FROM i.inspected_on)
UNION ALL
SELECT 'CL_VILLAGES_INSPECTED', v.region_id, v.period, 1::numeric FROM village_year v GROUP BY v.region_id, v.period
UNION ALL
SELECT 'CL_VILLAGES_PASSED', v.region_id, v.period, (bool_or(v.average >= c.pass_score))::int::numeric
  FROM village_year v JOIN cleaning_campaign c ON c.id = v.campaign_id GROUP BY v.region_id, v.period;
GRANT SELECT ON cleaning_figure TO revita_api;

-- The median days to settle, in the region of each case and every region above it.
CREATE VIEW mediation_median_figure WITH (security_invoker = true) AS
SELECT 'MD_MEDIAN_DAYS_TO_SETTLE'::text AS indicator_code, a.region_id, extract(year FROM m.settled_on)::int::text AS period,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY (m.settled_on - m.received_on))::numeric AS value
  FROM mediation_case m
  JOIN region r ON r.id = m.region_id
  CROSS JOIN LATERAL unnest(r.path) AS a(region_id)
 WHERE m.settled_on IS NOT NULL
 GROUP BY a.region_id, extract(year FROM m.settled_on);
GRANT SELECT ON mediation_median_figure TO revita_api;

CREATE OR REPLACE VIEW computed_figure WITH (security_invoker = true) AS
SELECT indicator_code, region_id, period, value FROM community_service_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM mediation_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM mediation_median_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM consultation_figure
UNION ALL
SELECT indicator_code, region_id, period, value FROM cleaning_figure;
