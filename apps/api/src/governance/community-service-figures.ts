import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * The community-service figures (the governance migration's community_service_figure view:
 * members reporting, hours served, needs met by their due date, wishes fulfilled, member-months
 * scored good) are indicators with `computedFrom = community_service`, read through
 * indicators/computed-figures.ts like every computed indicator. What is here reads the same view
 * for the rankings and the units' feedback.
 */

export interface CommunityStanding {
  regionId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  /** Needs and wishes collected in the year. */
  collected: number;
  /** Claimed and not yet done now (the project list's open items). */
  openClaims: number;
  due: number;
  metOnTime: number;
  /** metOnTime / due × 100, null without any due. */
  onTimeRate: Prisma.Decimal | null;
  wishesFulfilled: number;
  membersReported: number;
  hours: Prisma.Decimal;
}

/**
 * 社区排名: every village or community of a region's subtree with records, by the share of needs
 * met by their due date in the year (then by needs met, then by code): the county's view of which
 * communities serve their residents. One statement over the same view the scorecard reads.
 */
export async function communityRanking(db: DbClient, regionId: number, year: number): Promise<CommunityStanding[]> {
  const period = String(year);
  const rows = await db.$queryRaw<
    {
      region_id: number;
      code: string;
      name_zh: string;
      name_en: string;
      collected: bigint;
      open_claims: bigint;
      due: Prisma.Decimal | null;
      met: Prisma.Decimal | null;
      wishes: Prisma.Decimal | null;
      members: Prisma.Decimal | null;
      hours: Prisma.Decimal | null;
    }[]
  >`
    WITH communities AS (
      SELECT r.id, r.code, r.name_zh, r.name_en FROM region r
       WHERE r.level = 'VILLAGE' AND r.path @> ARRAY[${regionId}::int]
    ),
    figures AS (
      SELECT f.region_id, f.indicator_code, f.value FROM community_service_figure f
       WHERE f.period = ${period} AND f.region_id IN (SELECT id FROM communities)
    ),
    needs AS (
      SELECT r.path[5] AS community_id,
             count(*) FILTER (WHERE extract(year FROM n.raised_on) = ${year}) AS collected,
             count(*) FILTER (WHERE n.status IN ('CLAIMED', 'IN_PROGRESS')) AS open_claims
        FROM community_need n JOIN region r ON r.id = n.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
       GROUP BY r.path[5]
    ),
    standing AS (
      SELECT c.id AS region_id, c.code, c.name_zh, c.name_en,
             coalesce(nd.collected, 0) AS collected, coalesce(nd.open_claims, 0) AS open_claims,
             sum(f.value) FILTER (WHERE f.indicator_code = 'CS_NEEDS_DUE') AS due,
             sum(f.value) FILTER (WHERE f.indicator_code = 'CS_NEEDS_MET_ON_TIME') AS met,
             sum(f.value) FILTER (WHERE f.indicator_code = 'CS_WISHES_FULFILLED') AS wishes,
             sum(f.value) FILTER (WHERE f.indicator_code = 'CS_MEMBERS_REPORTED') AS members,
             sum(f.value) FILTER (WHERE f.indicator_code = 'CS_SERVICE_HOURS') AS hours
        FROM communities c
        LEFT JOIN figures f ON f.region_id = c.id
        LEFT JOIN needs nd ON nd.community_id = c.id
       GROUP BY c.id, c.code, c.name_zh, c.name_en, nd.collected, nd.open_claims
    )
    SELECT * FROM standing
     WHERE collected > 0 OR open_claims > 0 OR due IS NOT NULL OR members IS NOT NULL OR hours IS NOT NULL
     ORDER BY CASE WHEN coalesce(due, 0) > 0 THEN met / due END DESC NULLS LAST, met DESC NULLS LAST, code`;
  return rows.map((row) => {
    const due = Number(row.due ?? 0);
    const met = Number(row.met ?? 0);
    return {
      regionId: row.region_id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      collected: Number(row.collected),
      openClaims: Number(row.open_claims),
      due,
      metOnTime: met,
      onTimeRate: due > 0 ? new Prisma.Decimal(met).times(100).dividedBy(due).toDecimalPlaces(1) : null,
      wishesFulfilled: Number(row.wishes ?? 0),
      membersReported: Number(row.members ?? 0),
      hours: new Prisma.Decimal(row.hours ?? 0),
    };
  });
}

export interface UnitServiceStanding {
  organizationId: number;
  name: string;
  /** Its members serving communities of the region during the period. */
  members: number;
  /** Of them, those with at least one service on a card in the period. */
  membersServing: number;
  hours: Prisma.Decimal;
  cardsScored: number;
  averageScore: Prisma.Decimal | null;
  /** Scored cards with 80 points or more. */
  cardsGood: number;
  /** Needs and wishes the unit or its members claimed that fell due in the period (the day passed, or done), and those met by then. */
  claimsDue: number;
  claimsMetOnTime: number;
}

/**
 * 单位反馈: what the communities of a region feed back to each work unit for a period (a quarter,
 * as seed 003 says, or a month or year): its members there, their hours and scores, and the
 * claims it and its members made. The units by their members' service, best first.
 */
export async function unitServiceFeedback(
  db: DbClient,
  regionId: number,
  period: { start: string; end: string },
): Promise<UnitServiceStanding[]> {
  const rows = await db.$queryRaw<
    {
      organization_id: number;
      name: string;
      members: bigint;
      members_serving: bigint;
      hours: Prisma.Decimal | null;
      cards_scored: bigint;
      average_score: Prisma.Decimal | null;
      cards_good: bigint;
      claims_due: bigint;
      claims_met: bigint;
    }[]
  >`
    WITH scope AS MATERIALIZED (SELECT id FROM region WHERE path @> ARRAY[${regionId}::int]),
    members AS (
      SELECT DISTINCT m.id, m.organization_id FROM member_posting p JOIN party_member m ON m.id = p.member_id
       WHERE p.region_id IN (SELECT id FROM scope)
         AND p.from_on <= ${period.end}::date AND coalesce(p.until_on, 'infinity'::date) >= ${period.start}::date
    ),
    cards AS (
      SELECT c.member_id, m.organization_id, c.score,
             (SELECT sum(e.hours) FROM service_entry e WHERE e.card_id = c.id) AS hours
        FROM service_card c JOIN party_member m ON m.id = c.member_id
       WHERE c.region_id IN (SELECT id FROM scope)
         AND c.period_start >= ${period.start}::date AND c.period_end <= ${period.end}::date
    ),
    claims AS (
      SELECT coalesce(n.claimant_organization_id, m.organization_id) AS organization_id,
             n.status IN ('DONE', 'CONFIRMED') AND n.done_on <= n.due_on AS met
        FROM community_need n LEFT JOIN party_member m ON m.id = n.claimant_member_id
       WHERE n.region_id IN (SELECT id FROM scope) AND n.status <> 'WITHDRAWN'
         AND n.due_on BETWEEN ${period.start}::date AND ${period.end}::date
         AND (n.due_on < revita_china_today() OR n.status IN ('DONE', 'CONFIRMED'))
         AND (n.claimant_organization_id IS NOT NULL OR n.claimant_member_id IS NOT NULL)
    ),
    units AS (
      SELECT organization_id FROM members UNION SELECT organization_id FROM cards UNION SELECT organization_id FROM claims
    )
    SELECT u.organization_id, o.name,
           (SELECT count(*) FROM members m WHERE m.organization_id = u.organization_id) AS members,
           (SELECT count(DISTINCT c.member_id) FROM cards c WHERE c.organization_id = u.organization_id AND c.hours > 0) AS members_serving,
           (SELECT sum(c.hours) FROM cards c WHERE c.organization_id = u.organization_id) AS hours,
           (SELECT count(*) FROM cards c WHERE c.organization_id = u.organization_id AND c.score IS NOT NULL) AS cards_scored,
           (SELECT round(avg(c.score), 1) FROM cards c WHERE c.organization_id = u.organization_id) AS average_score,
           (SELECT count(*) FROM cards c WHERE c.organization_id = u.organization_id AND c.score >= 80) AS cards_good,
           (SELECT count(*) FROM claims c WHERE c.organization_id = u.organization_id) AS claims_due,
           (SELECT count(*) FROM claims c WHERE c.organization_id = u.organization_id AND c.met) AS claims_met
      FROM units u JOIN organization o ON o.id = u.organization_id
     ORDER BY hours DESC NULLS LAST, average_score DESC NULLS LAST, o.name`;
  return rows.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    members: Number(row.members),
    membersServing: Number(row.members_serving),
    hours: new Prisma.Decimal(row.hours ?? 0),
    cardsScored: Number(row.cards_scored),
    averageScore: row.average_score === null ? null : new Prisma.Decimal(row.average_score),
    cardsGood: Number(row.cards_good),
    claimsDue: Number(row.claims_due),
    claimsMetOnTime: Number(row.claims_met),
  }));
}
