-- CreateEnum
CREATE TYPE "TaskSubjectKind" AS ENUM ('PROJECT', 'PHASE', 'FUND', 'INDICATOR', 'ALERT', 'REGION');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('ASSIGNED', 'IN_PROGRESS', 'DONE', 'VERIFIED', 'RETURNED');

-- CreateEnum
CREATE TYPE "BriefingOrigin" AS ENUM ('REQUEST', 'SCHEDULE');

-- CreateTable
CREATE TABLE "dispatch_meeting" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "held_on" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "attendees" TEXT,
    "minutes" TEXT,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dispatch_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_task" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "subject_kind" "TaskSubjectKind" NOT NULL,
    "project_id" INTEGER,
    "fund_id" INTEGER,
    "indicator_id" INTEGER,
    "subject_region_id" INTEGER,
    "alert_rule" "AlertRule",
    "alert_subject_code" TEXT,
    "unit_id" INTEGER NOT NULL,
    "unit_region_id" INTEGER NOT NULL,
    "lead" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'ASSIGNED',
    "return_reason" TEXT,
    "done_on" DATE,
    "verified_on" DATE,
    "record_source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dispatch_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch_task_note" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "unit_region_id" INTEGER NOT NULL,
    "noted_on" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "moved_to" "TaskStatus",
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_task_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "briefing" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "approved_only" BOOLEAN NOT NULL,
    "origin" "BriefingOrigin" NOT NULL,
    "subscription_id" INTEGER,
    "scheduled_for" TIMESTAMP(3),
    "pdf" BYTEA NOT NULL,
    "pages" INTEGER NOT NULL,
    "millis" INTEGER NOT NULL,
    "made_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "briefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "briefing_subscription" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "minute_of_day" INTEGER NOT NULL,
    "approved_only" BOOLEAN NOT NULL DEFAULT false,
    "next_run_at" TIMESTAMP(3) NOT NULL,
    "lease_until" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "briefing_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dispatch_meeting_region_id_held_on_idx" ON "dispatch_meeting"("region_id", "held_on");

-- CreateIndex
CREATE INDEX "dispatch_task_meeting_id_idx" ON "dispatch_task"("meeting_id");

-- CreateIndex
CREATE INDEX "dispatch_task_region_id_status_due_on_idx" ON "dispatch_task"("region_id", "status", "due_on");

-- CreateIndex
CREATE INDEX "dispatch_task_unit_region_id_status_idx" ON "dispatch_task"("unit_region_id", "status");

-- CreateIndex
CREATE INDEX "dispatch_task_unit_id_idx" ON "dispatch_task"("unit_id");

-- CreateIndex
CREATE INDEX "dispatch_task_project_id_idx" ON "dispatch_task"("project_id");

-- CreateIndex
CREATE INDEX "dispatch_task_fund_id_idx" ON "dispatch_task"("fund_id");

-- CreateIndex
CREATE INDEX "dispatch_task_indicator_id_idx" ON "dispatch_task"("indicator_id");

-- CreateIndex
CREATE INDEX "dispatch_task_subject_region_id_idx" ON "dispatch_task"("subject_region_id");

-- CreateIndex
CREATE INDEX "dispatch_task_note_task_id_noted_on_idx" ON "dispatch_task_note"("task_id", "noted_on");

-- CreateIndex
CREATE INDEX "briefing_user_id_made_at_idx" ON "briefing"("user_id", "made_at");

-- CreateIndex
CREATE INDEX "briefing_region_id_idx" ON "briefing"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "briefing_subscription_id_scheduled_for_key" ON "briefing"("subscription_id", "scheduled_for");

-- CreateIndex
CREATE INDEX "briefing_subscription_next_run_at_idx" ON "briefing_subscription"("next_run_at");

-- CreateIndex
CREATE UNIQUE INDEX "briefing_subscription_user_id_region_id_key" ON "briefing_subscription"("user_id", "region_id");

-- AddForeignKey
ALTER TABLE "dispatch_meeting" ADD CONSTRAINT "dispatch_meeting_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "dispatch_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_unit_region_id_fkey" FOREIGN KEY ("unit_region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_fund_id_fkey" FOREIGN KEY ("fund_id") REFERENCES "fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task" ADD CONSTRAINT "dispatch_task_subject_region_id_fkey" FOREIGN KEY ("subject_region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch_task_note" ADD CONSTRAINT "dispatch_task_note_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "dispatch_task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing" ADD CONSTRAINT "briefing_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "briefing_subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_subscription" ADD CONSTRAINT "briefing_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefing_subscription" ADD CONSTRAINT "briefing_subscription_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The rules, for every path into these tables (the API refuses the same things in words first).
ALTER TABLE "dispatch_meeting" ADD CONSTRAINT "dispatch_meeting_title_present" CHECK (btrim("title") <> '');
ALTER TABLE "dispatch_task"
  ADD CONSTRAINT "dispatch_task_title_present" CHECK (btrim("title") <> ''),
  ADD CONSTRAINT "dispatch_task_lead_present" CHECK (btrim("lead") <> ''),
  -- Exactly the subject its kind names: a project (or a phase, itself a project), a fund, an
  -- indicator, a region, or an alert by its rule and its subject's code.
  ADD CONSTRAINT "dispatch_task_subject_named" CHECK (CASE "subject_kind"
    WHEN 'PROJECT' THEN num_nonnulls("project_id") = 1 AND num_nonnulls("fund_id", "indicator_id", "subject_region_id", "alert_rule", "alert_subject_code") = 0
    WHEN 'PHASE' THEN num_nonnulls("project_id") = 1 AND num_nonnulls("fund_id", "indicator_id", "subject_region_id", "alert_rule", "alert_subject_code") = 0
    WHEN 'FUND' THEN num_nonnulls("fund_id") = 1 AND num_nonnulls("project_id", "indicator_id", "subject_region_id", "alert_rule", "alert_subject_code") = 0
    WHEN 'INDICATOR' THEN num_nonnulls("indicator_id") = 1 AND num_nonnulls("project_id", "fund_id", "subject_region_id", "alert_rule", "alert_subject_code") = 0
    WHEN 'REGION' THEN num_nonnulls("subject_region_id") = 1 AND num_nonnulls("project_id", "fund_id", "indicator_id", "alert_rule", "alert_subject_code") = 0
    WHEN 'ALERT' THEN num_nonnulls("alert_rule", "alert_subject_code") = 2 AND num_nonnulls("project_id", "fund_id", "indicator_id", "subject_region_id") = 0
  END),
  ADD CONSTRAINT "dispatch_task_status_recorded" CHECK (CASE "status"
    WHEN 'RETURNED' THEN coalesce(btrim("return_reason"), '') <> ''
    WHEN 'DONE' THEN "done_on" IS NOT NULL
    WHEN 'VERIFIED' THEN "done_on" IS NOT NULL AND "verified_on" IS NOT NULL
    ELSE true
  END),
  ADD CONSTRAINT "dispatch_task_dates_in_order" CHECK (("verified_on" IS NULL OR "verified_on" >= "done_on"));
ALTER TABLE "dispatch_task_note" ADD CONSTRAINT "dispatch_task_note_text_present" CHECK (btrim("text") <> '');
ALTER TABLE "briefing"
  ADD CONSTRAINT "briefing_period_shape" CHECK ("period" ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  ADD CONSTRAINT "briefing_pages_positive" CHECK ("pages" > 0 AND "millis" >= 0),
  ADD CONSTRAINT "briefing_slot_with_schedule" CHECK (("origin" = 'SCHEDULE') = ("scheduled_for" IS NOT NULL));
ALTER TABLE "briefing_subscription"
  ADD CONSTRAINT "briefing_subscription_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7),
  ADD CONSTRAINT "briefing_subscription_minute_range" CHECK ("minute_of_day" BETWEEN 0 AND 1439);

CREATE TRIGGER dispatch_meeting_next_version BEFORE UPDATE ON dispatch_meeting
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER dispatch_task_next_version BEFORE UPDATE ON dispatch_task
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();
CREATE TRIGGER briefing_subscription_next_version BEFORE UPDATE ON briefing_subscription
  FOR EACH ROW EXECUTE FUNCTION revita_next_version();

-- A task sits in its meeting's region and carries its unit's region; a note carries its task's
-- two: what the policies below compare, so no policy looks a task up.
CREATE FUNCTION revita_dispatch_task_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT region_id INTO NEW.region_id FROM dispatch_meeting WHERE id = NEW.meeting_id;
  SELECT region_id INTO NEW.unit_region_id FROM organization WHERE id = NEW.unit_id;
  IF NEW.unit_region_id IS NULL OR NOT EXISTS (
       SELECT 1 FROM region WHERE id = NEW.unit_region_id AND path @> ARRAY[NEW.region_id]) THEN
    RAISE EXCEPTION 'dispatch task: unit % is not within its meeting''s region', NEW.unit_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'dispatch_task_unit_within_meeting', TABLE = 'dispatch_task';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER dispatch_task_regions BEFORE INSERT OR UPDATE OF meeting_id, unit_id, region_id, unit_region_id ON dispatch_task
  FOR EACH ROW EXECUTE FUNCTION revita_dispatch_task_regions();
CREATE FUNCTION revita_dispatch_note_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT region_id, unit_region_id INTO NEW.region_id, NEW.unit_region_id FROM dispatch_task WHERE id = NEW.task_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER dispatch_task_note_regions BEFORE INSERT ON dispatch_task_note
  FOR EACH ROW EXECUTE FUNCTION revita_dispatch_note_regions();
-- Notes are the task's history: appended, never rewritten.
CREATE TRIGGER dispatch_task_note_no_change BEFORE UPDATE OR DELETE ON dispatch_task_note
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

SELECT audit_table('dispatch_meeting', 'id');
SELECT audit_table('dispatch_task', 'id');
SELECT audit_table('dispatch_task_note', 'id');
SELECT audit_table('briefing_subscription', 'id');

-- Who may do what. Meetings: read within the reader's regions, or where one of its tasks went to
-- the reader's unit; recorded by the region's admins and approvers. Tasks: read by the meeting's
-- region and by the unit's; assigned (inserted) by admins and approvers; updated by them or by
-- editors of the unit's region (the API says which columns each may change). No deletes: a
-- decision taken stays on the record.
GRANT SELECT, INSERT, UPDATE ON dispatch_meeting, dispatch_task, briefing_subscription TO revita_api;
GRANT SELECT, INSERT ON dispatch_task_note TO revita_api;
GRANT SELECT, INSERT, DELETE ON briefing TO revita_api;
GRANT DELETE ON briefing_subscription TO revita_api;
GRANT USAGE, SELECT ON SEQUENCE dispatch_meeting_id_seq, dispatch_task_id_seq, dispatch_task_note_id_seq,
  briefing_id_seq, briefing_subscription_id_seq TO revita_api;
ALTER TABLE dispatch_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispatch_task ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispatch_task_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE briefing ENABLE ROW LEVEL SECURITY;
ALTER TABLE briefing_subscription ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION revita_assigning_regions() RETURNS SETOF int LANGUAGE sql STABLE AS $$
  SELECT revita_regions_within(revita_roots('revita.admin_roots') || revita_roots('revita.approve_roots'))
$$;

CREATE POLICY dispatch_meeting_read ON dispatch_meeting FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots')))
         OR id IN (SELECT t.meeting_id FROM dispatch_task t
                    WHERE t.unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots')))));
CREATE POLICY dispatch_meeting_insert ON dispatch_meeting FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_assigning_regions()));
CREATE POLICY dispatch_meeting_update ON dispatch_meeting FOR UPDATE TO revita_api
  USING (region_id IN (SELECT revita_assigning_regions()))
  WITH CHECK (region_id IN (SELECT revita_assigning_regions()));

CREATE POLICY dispatch_task_read ON dispatch_task FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots')))
         OR unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
CREATE POLICY dispatch_task_insert ON dispatch_task FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_assigning_regions()));
CREATE POLICY dispatch_task_update ON dispatch_task FOR UPDATE TO revita_api
  USING (region_id IN (SELECT revita_assigning_regions())
         OR unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))))
  WITH CHECK (region_id IN (SELECT revita_assigning_regions())
              OR unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))));

CREATE POLICY dispatch_task_note_read ON dispatch_task_note FOR SELECT TO revita_api
  USING ((SELECT revita_reads_everything())
         OR region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots')))
         OR unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
CREATE POLICY dispatch_task_note_insert ON dispatch_task_note FOR INSERT TO revita_api
  WITH CHECK (region_id IN (SELECT revita_assigning_regions())
              OR unit_region_id IN (SELECT revita_regions_within(revita_roots('revita.write_roots'))));

-- Briefings and subscriptions are a user's own: the user the transaction acts for
-- (revita.actor names them), and only for a region they read.
CREATE FUNCTION revita_acting_user_id() RETURNS int LANGUAGE sql STABLE AS $$
  SELECT id FROM app_user WHERE 'user:' || username = current_setting('revita.actor', true)
$$;
CREATE POLICY briefing_own ON briefing FOR ALL TO revita_api
  USING (user_id = (SELECT revita_acting_user_id())
         AND region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))))
  WITH CHECK (user_id = (SELECT revita_acting_user_id())
              AND region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
CREATE POLICY briefing_subscription_own ON briefing_subscription FOR ALL TO revita_api
  USING (user_id = (SELECT revita_acting_user_id()))
  WITH CHECK (user_id = (SELECT revita_acting_user_id())
              AND region_id IN (SELECT revita_regions_within(revita_roots('revita.read_roots'))));
