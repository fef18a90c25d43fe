import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { applyMigrations, MIGRATIONS_DIR, migrationStatus } from "./migrations.js";

const migrationNames = () =>
  readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe("migrations", () => {
  it("apply every migration in the folder to a blank database, once", async () => {
    db = await openTestDatabase("blank");
    expect((await migrationStatus(db.adapterFactory)).pending).toEqual(migrationNames());
    expect(await applyMigrations(db.adapterFactory)).toEqual(migrationNames());
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
    expect(await migrationStatus(db.adapterFactory)).toEqual({ pending: [], failed: [], edited: [], unknown: [] });
    const recorded = await db.prisma.$queryRaw<{ migration_name: string; finished: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded).toEqual(migrationNames().map((name) => ({ migration_name: name, finished: true })));
  });

  it("leave a database that is up to date, and its data, alone", async () => {
    db = await openTestDatabase("demo");
    const before = await db.prisma.progressReport.count();
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
    expect(await db.prisma.progressReport.count()).toBe(before);
  });

  it("create every table the data model names, with the integrity rules in place", async () => {
    db = await openTestDatabase("blank");
    await applyMigrations(db.adapterFactory);
    const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "region",
        "organization",
        "project",
        "progress_report",
        "fund",
        "fund_allocation",
        "disbursement",
        "indicator",
        "indicator_value",
      ]),
    );
    const triggers = await db.prisma.$queryRaw<{ trigger_name: string }[]>`
      SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY trigger_name`;
    const names = triggers.map((t) => t.trigger_name);
    expect(names.filter((name) => !name.includes("audit"))).toEqual([
      "alert_threshold_next_version",
      "allocation_covers_disbursements",
      "approved_progress_report_figures_delete",
      "approved_progress_report_figures_insert",
      "assistance_measure_region",
      "briefing_subscription_next_version",
      "cleaning_campaign_at_town_or_above",
      "cleaning_campaign_next_version",
      "cleaning_check_item_region",
      "cleaning_follow_up_region",
      "cleaning_inspection_next_version",
      "cleaning_inspection_not_in_ceased_region",
      "cleaning_inspection_of_village",
      "cleaning_item_score_region",
      "cleaning_item_score_within_weight",
      "community_need_event_region",
      "community_need_in_community",
      "community_need_mask_phone",
      "community_need_next_version",
      "community_need_not_in_ceased_region",
      "consultation_meeting_in_community",
      "consultation_meeting_not_in_ceased_region",
      "consultation_topic_in_community",
      "consultation_topic_next_version",
      "consultation_topic_not_in_ceased_region",
      "data_approval_next_version",
      "data_approval_refresh_delete",
      "data_approval_refresh_insert",
      "data_approval_refresh_update_new",
      "data_approval_refresh_update_old",
      "disbursement_locked_delete",
      "disbursement_locked_insert",
      "disbursement_locked_update_new",
      "disbursement_locked_update_old",
      "disbursement_next_version",
      "disbursements_within_allocation",
      "dispatch_meeting_next_version",
      "dispatch_meeting_not_in_ceased_region",
      "dispatch_task_next_version",
      "dispatch_task_note_no_change",
      "dispatch_task_note_regions",
      "dispatch_task_regions",
      "fund_allocation_next_version",
      "fund_allocations_within_fund",
      "fund_covers_allocations",
      "fund_evaluation_next_version",
      "fund_evaluation_region",
      "fund_moves_evaluations",
      "fund_next_version",
      "fund_not_in_ceased_region",
      "grid_area_in_community",
      "grid_area_is_a_grid",
      "grid_area_next_version",
      "grid_area_not_in_ceased_region",
      "household_in_community",
      "household_income_region",
      "household_member_region",
      "household_next_version",
      "household_not_in_ceased_region",
      "indicator_value_keep_superseded",
      "indicator_value_locked_delete",
      "indicator_value_locked_insert",
      "indicator_value_locked_update_new",
      "indicator_value_locked_update_old",
      "indicator_value_next_version",
      "indicator_value_not_computed_insert",
      "indicator_value_not_computed_update",
      "indicator_value_plausible_insert",
      "indicator_value_plausible_update",
      "kept_figures_pending_flush",
      "mediation_case_in_community",
      "mediation_case_next_version",
      "mediation_case_not_in_ceased_region",
      "mediation_organization_not_in_ceased_region",
      "mediation_party_mask",
      "mediation_party_region",
      "mediation_step_in_order",
      "mediation_step_region",
      "mediator_region",
      "meeting_participant_region",
      "member_posting_in_community",
      "monitoring_step_region",
      "notify_change",
      "party_member_in_community",
      "party_member_next_version",
      "party_member_not_in_ceased_region",
      "personal_data_view_no_change",
      "personal_data_view_region",
      "progress_report_figures_delete",
      "progress_report_figures_insert",
      "progress_report_figures_update_new",
      "progress_report_figures_update_old",
      "progress_report_keep_superseded",
      "progress_report_locked_delete",
      "progress_report_locked_insert",
      "progress_report_locked_update_new",
      "progress_report_locked_update_old",
      "progress_report_next_version",
      "progress_report_within_budget",
      "project_figures_delete",
      "project_figures_insert",
      "project_figures_update",
      "project_next_version",
      "project_not_in_ceased_region",
      "project_total_covers_reports",
      "project_total_locked",
      "region_after_move",
      "region_before_write",
      "region_figures_update",
      "service_card_in_community",
      "service_card_locked_delete",
      "service_card_locked_insert",
      "service_card_locked_update_new",
      "service_card_locked_update_old",
      "service_card_next_version",
      "service_card_not_in_ceased_region",
      "service_entry_locked_delete",
      "service_entry_locked_insert",
      "service_entry_locked_update_new",
      "service_entry_locked_update_old",
      "service_entry_on_card",
      "volunteer_team_in_community",
      "volunteer_team_member_region",
      "volunteer_team_next_version",
      "volunteer_team_not_in_ceased_region",
    ]);
    // Every table records its changes in the audit log, but the sessions, idempotency keys, the
    // audit itself, the briefings (files made from the audited data, for one user), the superseded versions (history written only by a trigger, whose
    // corrections the audit already shows) and which records are approved (derived by triggers
    // from the approvals, which are audited) and the kept figures (derived by triggers from the
    // audited data); nor the log of who saw personal data, itself an append-only log.
    const unaudited = [
      "session",
      "idempotency_key",
      "audit_log",
      "personal_data_view",
      "briefing",
      "superseded_version",
      "approved_progress_report",
      "approved_indicator_value",
      "project_figures",
      "project_month_figures",
      "region_investment_figures",
      "region_month_figures",
      "kept_figures_pending",
      "_prisma_migrations",
    ];
    const audited = tables.map((t) => t.table_name).filter((name) => !unaudited.includes(name));
    for (const table of audited) {
      for (const action of ["insert", "update", "delete"]) expect(names).toContain(`${table}_audit_${action}`);
    }
    expect(names).toContain("audit_log_no_change");
    // And every table says when it changed, for the answers kept in memory (response-cache.ts).
    const silent = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT t.table_name FROM information_schema.tables t
       WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> '_prisma_migrations'
         AND NOT EXISTS (SELECT 1 FROM information_schema.triggers g
                          WHERE g.event_object_table = t.table_name AND g.trigger_name = 'notify_change')
       ORDER BY t.table_name`;
    expect(silent).toEqual([]);
  });

  it("put every table of the county's data under row-level security, so a new table cannot be forgotten", async () => {
    db = await openTestDatabase("blank");
    await applyMigrations(db.adapterFactory);
    const open = await db.prisma.$queryRaw<{ relname: string }[]>`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity ORDER BY c.relname`;
    // Public reference data, accounts (guarded by the API: sign-in reads them before anyone is
    // known) and the migrations' own table, which revita_api cannot read at all. The region tree
    // is public too, but under row-level security since communities add their own areas to it.
    expect(open.map((t) => t.relname)).toEqual([
      "_prisma_migrations",
      "app_user",
      "idempotency_key",
      "indicator",
      "project_category",
      "role_grant",
      "session",
    ]);
    const owners = await db.prisma.$queryRaw<{ owner: string }[]>`
      SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`;
    expect(owners.map((o) => o.owner)).not.toContain("revita_api");
  });
});
