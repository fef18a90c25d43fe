-- CreateEnum
CREATE TYPE "ServiceRole" AS ENUM ('PROPAGANDIST', 'ADVISER', 'INFORMANT', 'SAFETY_OFFICER', 'HEALTH_GUIDE', 'TRAINER', 'EXEMPLAR', 'HELPER', 'PROMOTER');

-- CreateEnum
CREATE TYPE "NeedKind" AS ENUM ('NEED', 'WISH');

-- CreateEnum
CREATE TYPE "NeedSource" AS ENUM ('VISIT', 'FORUM', 'SURVEY', 'HOTLINE');

-- CreateEnum
CREATE TYPE "NeedCategory" AS ENUM ('ELDERLY_CARE', 'CHILDREN', 'HEALTH', 'SAFETY', 'ENVIRONMENT', 'INFRASTRUCTURE', 'EMPLOYMENT', 'LEGAL', 'CULTURE', 'HARDSHIP', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedUrgency" AS ENUM ('LOW', 'NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('OPEN', 'CLAIMED', 'IN_PROGRESS', 'DONE', 'CONFIRMED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NeedAction" AS ENUM ('COLLECT', 'MATCH', 'CLAIM', 'START', 'FINISH', 'CONFIRM', 'RETURN', 'WITHDRAW');

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "computed_from" TEXT;

-- AlterTable
ALTER TABLE "region" ALTER COLUMN "code" SET DATA TYPE VARCHAR(18);

-- CreateTable
CREATE TABLE "grid_area" (
    "region_id" INTEGER NOT NULL,
    "households" INTEGER,
    "entrances" INTEGER,
    "leader_member_id" INTEGER,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "grid_area_pkey" PRIMARY KEY ("region_id")
);

-- CreateTable
CREATE TABLE "party_member" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "reported_on" DATE NOT NULL,
    "left_on" DATE,
    "trade" TEXT,
    "skills" TEXT,
    "offer" TEXT,
    "roles" "ServiceRole"[],
    "commitment_goal" TEXT,
    "commitment_time" TEXT,
    "commitment_quality" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "party_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_posting" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "from_on" DATE NOT NULL,
    "until_on" DATE,

    CONSTRAINT "member_posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_team" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "focus" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "volunteer_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_team_member" (
    "team_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,

    CONSTRAINT "volunteer_team_member_pkey" PRIMARY KEY ("team_id","member_id")
);

-- CreateTable
CREATE TABLE "community_need" (
    "id" SERIAL NOT NULL,
    "kind" "NeedKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "category" "NeedCategory" NOT NULL,
    "source" "NeedSource" NOT NULL,
    "urgency" "NeedUrgency" NOT NULL DEFAULT 'NORMAL',
    "resident_name" TEXT,
    "resident_phone" TEXT,
    "resident_phone_masked" TEXT,
    "raised_on" DATE NOT NULL,
    "project_name" TEXT,
    "matched_member_id" INTEGER,
    "status" "NeedStatus" NOT NULL DEFAULT 'OPEN',
    "claimant_member_id" INTEGER,
    "claimant_team_id" INTEGER,
    "claimant_organization_id" INTEGER,
    "claimed_on" DATE,
    "due_on" DATE,
    "started_on" DATE,
    "done_on" DATE,
    "outcome" TEXT,
    "confirmed_on" DATE,
    "confirmed_by" TEXT,
    "return_reason" TEXT,
    "return_count" INTEGER NOT NULL DEFAULT 0,
    "estimated_cost" DECIMAL(14,2),
    "actual_cost" DECIMAL(14,2),
    "paid_by" TEXT,
    "households" INTEGER,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "community_need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community_need_event" (
    "id" SERIAL NOT NULL,
    "need_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "action" "NeedAction" NOT NULL,
    "status" "NeedStatus" NOT NULL,
    "on" DATE NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "community_need_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_card" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "score" INTEGER,
    "scored_by" TEXT,
    "scored_at" TIMESTAMP(3),
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_entry" (
    "id" SERIAL NOT NULL,
    "card_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "served_on" DATE NOT NULL,
    "hours" DECIMAL(5,1) NOT NULL,
    "description" TEXT NOT NULL,
    "need_id" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "grid_area_leader_member_id_idx" ON "grid_area"("leader_member_id");

-- CreateIndex
CREATE INDEX "party_member_region_id_idx" ON "party_member"("region_id");

-- CreateIndex
CREATE INDEX "party_member_organization_id_idx" ON "party_member"("organization_id");

-- CreateIndex
CREATE INDEX "member_posting_member_id_idx" ON "member_posting"("member_id");

-- CreateIndex
CREATE INDEX "member_posting_region_id_idx" ON "member_posting"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "volunteer_team_region_id_name_key" ON "volunteer_team"("region_id", "name");

-- CreateIndex
CREATE INDEX "volunteer_team_member_member_id_idx" ON "volunteer_team_member"("member_id");

-- CreateIndex
CREATE INDEX "volunteer_team_member_region_id_idx" ON "volunteer_team_member"("region_id");

-- CreateIndex
CREATE INDEX "community_need_region_id_status_idx" ON "community_need"("region_id", "status");

-- CreateIndex
CREATE INDEX "community_need_matched_member_id_idx" ON "community_need"("matched_member_id");

-- CreateIndex
CREATE INDEX "community_need_claimant_member_id_idx" ON "community_need"("claimant_member_id");

-- CreateIndex
CREATE INDEX "community_need_claimant_team_id_idx" ON "community_need"("claimant_team_id");

-- CreateIndex
CREATE INDEX "community_need_claimant_organization_id_idx" ON "community_need"("claimant_organization_id");

-- CreateIndex
CREATE INDEX "community_need_due_on_idx" ON "community_need"("due_on");

-- CreateIndex
CREATE INDEX "community_need_event_need_id_idx" ON "community_need_event"("need_id");

-- CreateIndex
CREATE INDEX "community_need_event_region_id_idx" ON "community_need_event"("region_id");

-- CreateIndex
CREATE INDEX "service_card_region_id_period_start_idx" ON "service_card"("region_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "service_card_member_id_region_id_month_key" ON "service_card"("member_id", "region_id", "month");

-- CreateIndex
CREATE INDEX "service_entry_card_id_idx" ON "service_entry"("card_id");

-- CreateIndex
CREATE INDEX "service_entry_region_id_idx" ON "service_entry"("region_id");

-- CreateIndex
CREATE INDEX "service_entry_need_id_idx" ON "service_entry"("need_id");

-- AddForeignKey
ALTER TABLE "grid_area" ADD CONSTRAINT "grid_area_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grid_area" ADD CONSTRAINT "grid_area_leader_member_id_fkey" FOREIGN KEY ("leader_member_id") REFERENCES "party_member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_posting" ADD CONSTRAINT "member_posting_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "party_member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_posting" ADD CONSTRAINT "member_posting_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_team_member" ADD CONSTRAINT "volunteer_team_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "volunteer_team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_team_member" ADD CONSTRAINT "volunteer_team_member_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "party_member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need" ADD CONSTRAINT "community_need_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need" ADD CONSTRAINT "community_need_matched_member_id_fkey" FOREIGN KEY ("matched_member_id") REFERENCES "party_member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need" ADD CONSTRAINT "community_need_claimant_member_id_fkey" FOREIGN KEY ("claimant_member_id") REFERENCES "party_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need" ADD CONSTRAINT "community_need_claimant_team_id_fkey" FOREIGN KEY ("claimant_team_id") REFERENCES "volunteer_team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need" ADD CONSTRAINT "community_need_claimant_organization_id_fkey" FOREIGN KEY ("claimant_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need_event" ADD CONSTRAINT "community_need_event_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "community_need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_need_event" ADD CONSTRAINT "community_need_event_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_card" ADD CONSTRAINT "service_card_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "party_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_card" ADD CONSTRAINT "service_card_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "service_card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "community_need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: grids below a community, the rules of the governance records, their locks,
-- audit and row-level security, and the 治理有效 figures computed from them.

-- Areas, grid cells and buildings are regions below a village or community: an area or grid cell
-- takes the village's 12 digits and 3 of its own, a building 3 more. The generated codes are
-- never official.
ALTER TABLE "region" DROP CONSTRAINT "region_code_shape",
  ADD CONSTRAINT "region_code_shape" CHECK (CASE "level"
    WHEN 'GRID' THEN "code" ~ '^[0-9]{15}$'
    WHEN 'BUILDING' THEN "code" ~ '^[0-9]{18}$'
    ELSE "code" ~ '^[0-9]{12}$' END);
ALTER TABLE "region" DROP CONSTRAINT "region_kind_fits_level",
  ADD CONSTRAINT "region_kind_fits_level" CHECK (CASE "level"
    WHEN 'PROVINCE' THEN "kind" IN ('PROVINCE', 'AUTONOMOUS_REGION', 'MUNICIPALITY')
    WHEN 'PREFECTURE' THEN "kind" IN ('PREFECTURE_CITY', 'AUTONOMOUS_PREFECTURE')
    WHEN 'COUNTY' THEN "kind" IN ('COUNTY', 'AUTONOMOUS_COUNTY', 'DISTRICT', 'COUNTY_CITY', 'DEVELOPMENT_ZONE')
    WHEN 'TOWNSHIP' THEN "kind" IN ('TOWN', 'TOWNSHIP', 'ETHNIC_TOWNSHIP', 'SUBDISTRICT')
    WHEN 'VILLAGE' THEN "kind" IN ('VILLAGE', 'COMMUNITY')
    WHEN 'GRID' THEN "kind" IN ('AREA', 'GRID_CELL')
    WHEN 'BUILDING' THEN "kind" = 'BUILDING'
  END);
ALTER TABLE "region" ADD CONSTRAINT "region_grid_codes_generated"
  CHECK ("level" NOT IN ('GRID', 'BUILDING') OR NOT "code_is_official");

-- A computed indicator takes no typed values: its figures come from the records (below).
CREATE FUNCTION revita_refuse_values_of_computed_indicators() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit text;
BEGIN
  SELECT i.code INTO hit FROM changed_rows c JOIN indicator i ON i.id = c.indicator_id
   WHERE i.computed_from IS NOT NULL LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'indicator % is computed from records and takes no entered values', hit
      USING ERRCODE = 'check_violation', CONSTRAINT = 'indicator_value_not_computed', TABLE = 'indicator_value';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "indicator_value_not_computed_insert" AFTER INSERT ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_values_of_computed_indicators();
CREATE TRIGGER "indicator_value_not_computed_update" AFTER UPDATE ON "indicator_value"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_values_of_computed_indicators();

-- Governance records sit at a village or community, or below it: never at a town or higher,
-- where "the community" would mean nothing. Row by row (these tables are written a record at a
-- time; imports are a few hundred rows).
CREATE FUNCTION revita_refuse_record_above_village() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT revita_region_level_rank(level) FROM region WHERE id = NEW.region_id) < revita_region_level_rank('VILLAGE') THEN
    RAISE EXCEPTION '% records sit at a village or community or below it, not at region %', TG_TABLE_NAME, NEW.region_id
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_in_community', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party_member', 'member_posting', 'volunteer_team', 'community_need', 'service_card', 'grid_area'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF region_id ON %I FOR EACH ROW EXECUTE FUNCTION revita_refuse_record_above_village()',
                   t || '_in_community', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['grid_area', 'party_member', 'volunteer_team', 'community_need', 'service_card'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION revita_next_version()',
                   t || '_next_version', t);
  END LOOP;
END
$$;

ALTER TABLE "grid_area"
  ADD CONSTRAINT "grid_area_counts" CHECK (coalesce("households", 0) >= 0 AND coalesce("entrances", 0) >= 0);
CREATE FUNCTION revita_grid_area_is_a_grid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT level FROM region WHERE id = NEW.region_id) <> 'GRID' THEN
    RAISE EXCEPTION 'grid_area % is not an area or grid cell', NEW.region_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'grid_area_is_a_grid', TABLE = 'grid_area';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "grid_area_is_a_grid" BEFORE INSERT OR UPDATE OF region_id ON "grid_area"
  FOR EACH ROW EXECUTE FUNCTION revita_grid_area_is_a_grid();

ALTER TABLE "party_member"
  ADD CONSTRAINT "party_member_name_present" CHECK (btrim("name") <> ''),
  ADD CONSTRAINT "party_member_left_after_reporting" CHECK ("left_on" IS NULL OR "left_on" >= "reported_on");
ALTER TABLE "member_posting"
  ADD CONSTRAINT "member_posting_dates" CHECK ("until_on" IS NULL OR "until_on" >= "from_on");
-- One open posting per member: where they report now.
CREATE UNIQUE INDEX "member_posting_one_open" ON "member_posting" ("member_id") WHERE "until_on" IS NULL;

ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_name_present" CHECK (btrim("name") <> '');
-- A team member row carries its team's region, whatever path writes it.
CREATE FUNCTION revita_team_member_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_id := (SELECT region_id FROM volunteer_team WHERE id = NEW.team_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER "volunteer_team_member_region" BEFORE INSERT OR UPDATE ON "volunteer_team_member"
  FOR EACH ROW EXECUTE FUNCTION revita_team_member_region();

-- A resident's phone is kept in full for the community's own staff, and masked (138****5678)
-- beside it: the copy everyone else reads and the only one the audit trail keeps.
CREATE FUNCTION revita_mask_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN phone IS NULL THEN NULL
              WHEN length(phone) >= 7 THEN left(phone, 3) || repeat('*', length(phone) - 7) || right(phone, 4)
              ELSE repeat('*', length(phone)) END
$$;
CREATE FUNCTION revita_need_mask_phone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.resident_phone_masked := revita_mask_phone(NEW.resident_phone);
  RETURN NEW;
END
$$;
CREATE TRIGGER "community_need_mask_phone" BEFORE INSERT OR UPDATE ON "community_need"
  FOR EACH ROW EXECUTE FUNCTION revita_need_mask_phone();

ALTER TABLE "community_need"
  ADD CONSTRAINT "community_need_title_present" CHECK (btrim("title") <> ''),
  ADD CONSTRAINT "community_need_one_claimant" CHECK (
    num_nonnulls("claimant_member_id", "claimant_team_id", "claimant_organization_id") <= 1),
  -- What each status needs on record: a claim from CLAIMED on (claimant, day, due date), the day
  -- done from DONE on, the community's confirmation for CONFIRMED.
  ADD CONSTRAINT "community_need_status_recorded" CHECK (CASE "status"
    WHEN 'OPEN' THEN num_nonnulls("claimant_member_id", "claimant_team_id", "claimant_organization_id") = 0
    WHEN 'WITHDRAWN' THEN true
    ELSE num_nonnulls("claimant_member_id", "claimant_team_id", "claimant_organization_id") = 1
         AND "claimed_on" IS NOT NULL AND "due_on" IS NOT NULL
         AND ("status" NOT IN ('DONE', 'CONFIRMED') OR "done_on" IS NOT NULL)
         AND ("status" <> 'CONFIRMED' OR ("confirmed_on" IS NOT NULL AND "confirmed_by" IS NOT NULL))
  END),
  ADD CONSTRAINT "community_need_dates_in_order" CHECK (
    ("claimed_on" IS NULL OR "claimed_on" >= "raised_on")
    AND ("due_on" IS NULL OR "claimed_on" IS NULL OR "due_on" >= "claimed_on")
    AND ("done_on" IS NULL OR "claimed_on" IS NULL OR "done_on" >= "claimed_on")
    AND ("confirmed_on" IS NULL OR "done_on" IS NULL OR "confirmed_on" >= "done_on")),
  ADD CONSTRAINT "community_need_costs" CHECK (
    coalesce("estimated_cost", 0) >= 0 AND coalesce("actual_cost", 0) >= 0 AND coalesce("households", 1) >= 1
    AND "return_count" >= 0);

ALTER TABLE "community_need_event" ADD CONSTRAINT "community_need_event_by_present" CHECK (btrim("by") <> '');
-- An event carries its need's region, whatever path writes it.
CREATE FUNCTION revita_need_event_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_id := (SELECT region_id FROM community_need WHERE id = NEW.need_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER "community_need_event_region" BEFORE INSERT OR UPDATE ON "community_need_event"
  FOR EACH ROW EXECUTE FUNCTION revita_need_event_region();

ALTER TABLE "service_card"
  ADD CONSTRAINT "service_card_month" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$'
    AND "period_start" = revita_period_start("month") AND "period_end" = revita_period_end("month")),
  -- The published scale: 0 to 100 points (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below).
  ADD CONSTRAINT "service_card_score_scale" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100),
  ADD CONSTRAINT "service_card_scored_by" CHECK ("score" IS NULL OR ("scored_by" IS NOT NULL AND "scored_at" IS NOT NULL));
ALTER TABLE "service_entry"
  ADD CONSTRAINT "service_entry_hours" CHECK ("hours" > 0 AND "hours" <= 24),
  ADD CONSTRAINT "service_entry_description_present" CHECK (btrim("description") <> '');
-- An entry carries its card's region, and falls in its card's month.
CREATE FUNCTION revita_service_entry_on_card() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  card record;
BEGIN
  SELECT region_id, period_start, period_end, month INTO card FROM service_card WHERE id = NEW.card_id;
  NEW.region_id := card.region_id;
  IF NEW.served_on < card.period_start OR NEW.served_on > card.period_end THEN
    RAISE EXCEPTION 'a service on % does not belong on the card of %', NEW.served_on, card.month
      USING ERRCODE = 'check_violation', CONSTRAINT = 'service_entry_in_card_month', TABLE = 'service_entry';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "service_entry_on_card" BEFORE INSERT OR UPDATE ON "service_entry"
  FOR EACH ROW EXECUTE FUNCTION revita_service_entry_on_card();

-- A month's cards and scores are locked once the month's community-service assessment is
-- submitted or approved for the community or a region above it, as progress reports are
-- (SECURITY DEFINER for the same reason: a community's editor is stopped by the town's approval).
CREATE FUNCTION revita_refuse_locked_service_cards() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT cr.name_zh AS card_region, c.month, a.period AS approval_period, a.status, r.name_zh AS region_name
    INTO hit
    FROM changed_rows c
    JOIN region cr ON cr.id = c.region_id
    JOIN data_approval a ON a.data_set = 'COMMUNITY_SERVICE' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (cr.path)
                        AND a.period_start <= c.period_start AND a.period_end >= c.period_end
    JOIN region r ON r.id = a.region_id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the community service of % for % is %: the cards of % for % are locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), hit.card_region, hit.month
      USING ERRCODE = 'RV409', TABLE = 'service_card';
  END IF;
  RETURN NULL;
END
$$;
CREATE FUNCTION revita_refuse_locked_service_entries() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit record;
BEGIN
  SELECT cr.name_zh AS card_region, sc.month, a.period AS approval_period, a.status, r.name_zh AS region_name
    INTO hit
    FROM changed_rows c
    JOIN service_card sc ON sc.id = c.card_id
    JOIN region cr ON cr.id = sc.region_id
    JOIN data_approval a ON a.data_set = 'COMMUNITY_SERVICE' AND a.status IN ('SUBMITTED', 'APPROVED')
                        AND a.region_id = ANY (cr.path)
                        AND a.period_start <= sc.period_start AND a.period_end >= sc.period_end
    JOIN region r ON r.id = a.region_id
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the community service of % for % is %: the cards of % for % are locked until an approver returns or reopens it',
      hit.region_name, hit.approval_period, lower(hit.status::text), hit.card_region, hit.month
      USING ERRCODE = 'RV409', TABLE = 'service_entry';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "service_card_locked_insert" AFTER INSERT ON "service_card"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_cards();
CREATE TRIGGER "service_card_locked_update_new" AFTER UPDATE ON "service_card"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_cards();
CREATE TRIGGER "service_card_locked_update_old" AFTER UPDATE ON "service_card"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_cards();
CREATE TRIGGER "service_card_locked_delete" AFTER DELETE ON "service_card"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_cards();
CREATE TRIGGER "service_entry_locked_insert" AFTER INSERT ON "service_entry"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_entries();
CREATE TRIGGER "service_entry_locked_update_new" AFTER UPDATE ON "service_entry"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_entries();
CREATE TRIGGER "service_entry_locked_update_old" AFTER UPDATE ON "service_entry"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_entries();
CREATE TRIGGER "service_entry_locked_delete" AFTER DELETE ON "service_entry"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION revita_refuse_locked_service_entries();

-- The audit trail: every table, the resident's full phone never (its masked copy is there).
SELECT audit_table('grid_area', 'region_id');
SELECT audit_table('party_member', 'id');
SELECT audit_table('member_posting', 'id');
SELECT audit_table('volunteer_team', 'id');
SELECT audit_table('volunteer_team_member', 'team_id,member_id');
SELECT audit_table('community_need', 'id', '', 'resident_phone');
SELECT audit_table('community_need_event', 'id');
SELECT audit_table('service_card', 'id');
SELECT audit_table('service_entry', 'id');

-- Who reads and writes: a record's region decides, as for projects. Readers of the region (or a
-- region above it) read; its editors write. Scores and cards are written by the community's
-- editors too; the month is then locked by its approvers through data_approval. One function
-- puts a table with a region_id under these rules, for this module and the next ones alike.
CREATE FUNCTION revita_guard_by_region(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO revita_api', t);
  IF to_regclass(t || '_id_seq') IS NOT NULL THEN
    EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO revita_api', t || '_id_seq');
  END IF;
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO revita_api
                   USING ((SELECT revita_reads_everything())
                          OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))))$p$,
                 t || '_read', t);
  EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO revita_api
                   WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))$p$,
                 t || '_insert', t);
  EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO revita_api
                   USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))
                   WITH CHECK (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))$p$,
                 t || '_update', t);
  EXECUTE format($p$CREATE POLICY %I ON %I FOR DELETE TO revita_api
                   USING (region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))$p$,
                 t || '_delete', t);
END
$$;
SELECT revita_guard_by_region(t)
  FROM unnest(ARRAY['grid_area', 'party_member', 'member_posting', 'volunteer_team', 'volunteer_team_member',
                    'community_need', 'community_need_event', 'service_card', 'service_entry']) AS t;

-- The 治理有效 indicators worked out from these records, year by year, at each village or
-- community (a record of an area or building counts at its community; above, the indicators roll
-- up by their aggregation as every indicator does). They take no typed values (the trigger
-- above). The ratios are kept as numerator and denominator so that a town's rate is its
-- communities' counts divided, never an average of rates.
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('CS_MEMBERS_REPORTED', '到社区报到在职党员', 'Working party members reporting to communities', '人', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Members with a posting at the community at any time in the year (member_posting).', 'community_service', now()),
  ('CS_SERVICE_HOURS', '党员社区服务时长', 'Hours of community service by members', '小时', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 1, 0, NULL,
   'Hours on the members'' monthly service record cards, by the day served.', 'community_service', now()),
  ('CS_NEEDS_DUE', '到期认领需求', 'Claimed needs and wishes falling due', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Claimed needs and micro-wishes whose due date falls in the year, once it has passed or they are done (withdrawn ones left out).', 'community_service', now()),
  ('CS_NEEDS_MET_ON_TIME', '按期办结需求', 'Needs and wishes met by their due date', '件', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the needs falling due in the year, those done on or before their due date.', 'community_service', now()),
  ('CS_WISHES_FULFILLED', '微心愿实现数', 'Micro-wishes fulfilled', '个', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Micro-wishes done in the year and confirmed by the community.', 'community_service', now()),
  ('CS_MEMBER_MONTHS_SCORED', '党员月度考评人次', 'Member-months scored', '人次', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Monthly service cards the community scored in the year.', 'community_service', now()),
  ('CS_MEMBER_MONTHS_GOOD', '考评良好及以上人次', 'Member-months scored good or excellent', '人次', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'SUM', 0, 0, NULL,
   'Of the scored cards, those with 80 points or more (良好 and 优秀).', 'community_service', now());
INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, numerator_indicator_id, denominator_indicator_id, ratio_scale, decimals, min_value, max_value, description, computed_from, updated_at)
VALUES
  ('CS_NEEDS_ON_TIME_RATE', '需求按期办结率', 'Share of needs met by their due date', '%', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CS_NEEDS_MET_ON_TIME'), (SELECT id FROM indicator WHERE code = 'CS_NEEDS_DUE'), 100, 1, 0, 100,
   'Needs and micro-wishes met by their due date as a share of those falling due.', 'community_service', now()),
  ('CS_HOURS_PER_MEMBER', '人均服务时长', 'Hours of service per member', '小时/人', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CS_SERVICE_HOURS'), (SELECT id FROM indicator WHERE code = 'CS_MEMBERS_REPORTED'), 1, 1, 0, NULL,
   'Hours served divided by the members reporting to the communities.', 'community_service', now()),
  ('CS_GOOD_SCORE_RATE', '党员考评良好率', 'Share of member-months scored good or better', '%', 'GOVERNANCE', 'HIGHER_IS_BETTER', 'RATIO',
   (SELECT id FROM indicator WHERE code = 'CS_MEMBER_MONTHS_GOOD'), (SELECT id FROM indicator WHERE code = 'CS_MEMBER_MONTHS_SCORED'), 100, 1, 0, 100,
   'Scored cards with 80 points or more as a share of all scored cards.', 'community_service', now())
ON CONFLICT (code) DO NOTHING;

-- Today in China (UTC+8, no daylight saving), whatever the server's time zone: what "already
-- due" means here, as chinaToday() says it in the API.
CREATE FUNCTION revita_china_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;

-- security_invoker: the view reads the records under the reader's own policies, so a figure never
-- counts what its reader may not see.
CREATE VIEW community_service_figure WITH (security_invoker = true) AS
WITH community AS (
  -- Each record region's village or community: the fifth step of its path (province, prefecture,
  -- county, town, village), levels being fixed.
  SELECT id, path[5] AS community_id FROM region WHERE level IN ('VILLAGE', 'GRID', 'BUILDING')
),
-- Years up to this one: an open posting counts every year since it began, not years to come.
years AS (SELECT generate_series(2000, extract(year FROM revita_china_today())::int) AS year)
SELECT 'CS_MEMBERS_REPORTED'::text AS indicator_code, c.community_id AS region_id, y.year::text AS period,
       count(DISTINCT p.member_id)::numeric AS value
  FROM member_posting p JOIN community c ON c.id = p.region_id
  JOIN years y ON make_date(y.year, 1, 1) <= coalesce(p.until_on, 'infinity'::date) AND p.from_on <= make_date(y.year, 12, 31)
 GROUP BY c.community_id, y.year
UNION ALL
SELECT 'CS_SERVICE_HOURS', c.community_id, extract(year FROM e.served_on)::int::text, sum(e.hours)
  FROM service_entry e JOIN community c ON c.id = e.region_id
 GROUP BY c.community_id, extract(year FROM e.served_on)
UNION ALL
-- A claim falls due once its day has passed or it is done: one due next week is not yet late.
SELECT 'CS_NEEDS_DUE', c.community_id, extract(year FROM n.due_on)::int::text, count(*)::numeric
  FROM community_need n JOIN community c ON c.id = n.region_id
 WHERE n.due_on IS NOT NULL AND n.status <> 'WITHDRAWN' AND (n.due_on < revita_china_today() OR n.status IN ('DONE', 'CONFIRMED'))
 GROUP BY c.community_id, extract(year FROM n.due_on)
UNION ALL
SELECT 'CS_NEEDS_MET_ON_TIME', c.community_id, extract(year FROM n.due_on)::int::text,
       count(*) FILTER (WHERE n.status IN ('DONE', 'CONFIRMED') AND n.done_on <= n.due_on)::numeric
  FROM community_need n JOIN community c ON c.id = n.region_id
 WHERE n.due_on IS NOT NULL AND n.status <> 'WITHDRAWN' AND (n.due_on < revita_china_today() OR n.status IN ('DONE', 'CONFIRMED'))
 GROUP BY c.community_id, extract(year FROM n.due_on)
UNION ALL
SELECT 'CS_WISHES_FULFILLED', c.community_id, extract(year FROM n.done_on)::int::text, count(*)::numeric
  FROM community_need n JOIN community c ON c.id = n.region_id
 WHERE n.kind = 'WISH' AND n.status = 'CONFIRMED'
 GROUP BY c.community_id, extract(year FROM n.done_on)
UNION ALL
SELECT 'CS_MEMBER_MONTHS_SCORED', c.community_id, extract(year FROM s.period_start)::int::text, count(*)::numeric
  FROM service_card s JOIN community c ON c.id = s.region_id
 WHERE s.score IS NOT NULL
 GROUP BY c.community_id, extract(year FROM s.period_start)
UNION ALL
SELECT 'CS_MEMBER_MONTHS_GOOD', c.community_id, extract(year FROM s.period_start)::int::text,
       count(*) FILTER (WHERE s.score >= 80)::numeric
  FROM service_card s JOIN community c ON c.id = s.region_id
 WHERE s.score IS NOT NULL
 GROUP BY c.community_id, extract(year FROM s.period_start);
GRANT SELECT ON community_service_figure TO revita_api;

-- A community's editors add its areas, grid cells and buildings (createGridRegion); every other
-- region is the county's reference data, written by its owners only. Everyone reads the tree.
GRANT INSERT ON region TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE region_id_seq TO revita_api;
ALTER TABLE region ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_read ON region FOR SELECT TO revita_api USING (true);
CREATE POLICY region_insert_grid ON region FOR INSERT TO revita_api
  WITH CHECK (level IN ('GRID', 'BUILDING')
              AND parent_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))));
