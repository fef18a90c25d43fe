import { isoDay } from "../common/china-day.js";
import type { DbClient } from "../db/database.js";
import { type HouseholdType, Prisma, type Region, type RiskFactor } from "../generated/prisma/client.js";
import { REGION_LEVELS } from "../regions/region-levels.js";
import { IDENTIFICATION_DAYS } from "./households.service.js";

/**
 * What the county's monitoring overview and the village's notice read: one SQL statement each,
 * under the reader's row-level security.
 */

const TOWN_DEPTH = REGION_LEVELS.indexOf("TOWNSHIP");
const COUNTY_DEPTH = REGION_LEVELS.indexOf("COUNTY");

/**
 * The region whose editors sign a step: the town's review by the town's, the county's
 * confirmation by the county's, every other step by the household's own village (or above).
 */
export function reviewLevelPath(region: Pick<Region, "path">, step?: string | null): number[] {
  if (step === "TOWN_REVIEW" || step === "ELIMINATION_TOWN_REVIEW") return region.path.slice(0, TOWN_DEPTH + 1);
  if (step === "COUNTY_CONFIRMATION" || step === "ELIMINATION_CONFIRMATION") return region.path.slice(0, COUNTY_DEPTH + 1);
  return region.path;
}

/** The latest year with a confirmation or an elimination in the region's subtree; this year when none. */
export async function latestMonitoringYear(db: DbClient, regionId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ year: number | null }[]>`
    SELECT max(extract(year FROM greatest(h.confirmed_on, h.eliminated_on)))::int AS year
      FROM household h JOIN region r ON r.id = h.region_id
     WHERE r.path @> ARRAY[${regionId}::int]`;
  return row?.year ?? new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

export async function monitoringOverview(db: DbClient, regionId: number, year: number) {
  const [row] = await db.$queryRaw<
    {
      new_households: number;
      new_people: number;
      eliminated_households: number;
      eliminated_people: number;
      monitored_now: number;
      with_measure: number;
      identifying: number;
      identification_overdue: number;
      average_days: Prisma.Decimal | null;
      by_type: { key: HouseholdType; households: number }[] | null;
      by_risk: { key: RiskFactor; households: number }[] | null;
    }[]
  >`
    WITH h AS MATERIALIZED (
      SELECT h.*, (SELECT count(*) FROM household_member m WHERE m.household_id = h.id)::int AS people,
             EXISTS (SELECT 1 FROM assistance_measure a WHERE a.household_id = h.id) AS helped
        FROM household h JOIN region r ON r.id = h.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
    ),
    now_monitored AS (SELECT * FROM h WHERE status IN ('MONITORED', 'ELIMINATING'))
    SELECT
      (SELECT count(*)::int FROM h WHERE extract(year FROM confirmed_on) = ${year}) AS new_households,
      (SELECT coalesce(sum(people), 0)::int FROM h WHERE extract(year FROM confirmed_on) = ${year}) AS new_people,
      (SELECT count(*)::int FROM h WHERE extract(year FROM eliminated_on) = ${year}) AS eliminated_households,
      (SELECT coalesce(sum(people), 0)::int FROM h WHERE extract(year FROM eliminated_on) = ${year}) AS eliminated_people,
      (SELECT count(*)::int FROM now_monitored) AS monitored_now,
      (SELECT count(*)::int FROM now_monitored WHERE helped) AS with_measure,
      (SELECT count(*)::int FROM h WHERE status = 'IDENTIFYING') AS identifying,
      (SELECT count(*)::int FROM h WHERE status = 'IDENTIFYING' AND revita_china_today() - lead_on > ${IDENTIFICATION_DAYS}) AS identification_overdue,
      (SELECT round(avg(confirmed_on - lead_on), 1) FROM h WHERE extract(year FROM confirmed_on) = ${year}) AS average_days,
      (SELECT jsonb_agg(jsonb_build_object('key', type, 'households', n) ORDER BY n DESC, type)
         FROM (SELECT type::text, count(*)::int AS n FROM now_monitored GROUP BY type) t) AS by_type,
      (SELECT jsonb_agg(jsonb_build_object('key', factor, 'households', n) ORDER BY n DESC, factor)
         FROM (SELECT f::text AS factor, count(*)::int AS n FROM now_monitored, unnest(risk_factors) AS f GROUP BY f) t) AS by_risk`;
  return {
    year,
    newHouseholds: row!.new_households,
    newPeople: row!.new_people,
    eliminatedHouseholds: row!.eliminated_households,
    eliminatedPeople: row!.eliminated_people,
    monitoredNow: row!.monitored_now,
    withMeasure: row!.with_measure,
    identifying: row!.identifying,
    identificationOverdue: row!.identification_overdue,
    averageDaysToIdentify: row!.average_days === null ? null : new Prisma.Decimal(row!.average_days),
    byType: row!.by_type ?? [],
    byRiskFactor: row!.by_risk ?? [],
  };
}

/**
 * 公示名单: households whose notice (of identification or of elimination) runs on the day, in this
 * region and below — the head's name, the type and risks, the members, the head's ID number
 * masked for every reader (a notice is posted on the village's board).
 */
export async function monitoringNotice(
  db: DbClient,
  regionId: number,
  kind: "IDENTIFICATION" | "ELIMINATION",
  on: string | null,
) {
  const day = on ?? isoDay(new Date(Date.now() + 8 * 3_600_000));
  const step = kind === "IDENTIFICATION" ? "NOTICE" : "ELIMINATION_NOTICE";
  const rows = await db.$queryRaw<
    {
      id: number;
      head_name: string;
      type: HouseholdType;
      risk_factors: RiskFactor[];
      village: string;
      members: number;
      head_id: string | null;
      notice_from: Date;
      notice_to: Date;
    }[]
  >`
    SELECT h.id, h.head_name, h.type::text AS type, h.risk_factors::text[] AS risk_factors, v.name_zh AS village,
           (SELECT count(*)::int FROM household_member m WHERE m.household_id = h.id) AS members,
           (SELECT m.id_number_masked FROM household_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' LIMIT 1) AS head_id,
           s.notice_from, s.notice_to
      FROM household h
      JOIN region r ON r.id = h.region_id
      JOIN region v ON v.id = r.path[${REGION_LEVELS.indexOf("VILLAGE") + 1}]
      JOIN LATERAL (
        SELECT notice_from, notice_to FROM monitoring_step s
         WHERE s.household_id = h.id AND s.round = h.round AND s.kind = ${step}::"MonitoringStepKind"
         ORDER BY s.id DESC LIMIT 1
      ) s ON true
     WHERE r.path @> ARRAY[${regionId}::int] AND ${day}::date BETWEEN s.notice_from AND s.notice_to
     ORDER BY v.code, h.id`;
  return rows.map((row) => ({
    householdNumber: row.id,
    headName: row.head_name,
    headIdNumber: row.head_id,
    members: row.members,
    type: row.type,
    riskFactors: row.risk_factors,
    villageName: row.village,
    noticeFrom: row.notice_from,
    noticeTo: row.notice_to,
  }));
}
