import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { ACCESS_ROLES, type Authenticated, authenticate, createUser, signIn } from "../accounts/accounts.service.js";
import { createCampaign, DEFAULT_CHECKLIST, findCampaign, recordInspection } from "../cleaning/cleaning.service.js";
import { raiseTopic } from "../consultation/consultation.service.js";
import { createContext } from "../context.js";
import { assignTask, recordMeeting } from "../dispatch/dispatch.service.js";
import type { AccessRole } from "../generated/prisma/client.js";
import { addTeamMembers, createMember, createTeam } from "../governance/members.service.js";
import { collectNeed, findNeed, moveNeed } from "../governance/needs.service.js";
import { recordService, scoreMember } from "../governance/service-cards.service.js";
import { registerHousehold } from "../households/households.service.js";
import { createMediationOrganization, findCase, openCase, takeStep } from "../mediation/mediation.service.js";
import { schema } from "../schema/index.js";
import { generateScaleData } from "../seed/scale.js";

/**
 * Every role, granted on a county and on a town, asks every entry point about regions inside and
 * outside its grant: twice, with the API's rules on and with them off (so that only the
 * database's row-level security stands). What comes back is checked against what the table owner
 * computes the user may see, record by record.
 */

const PASSWORD = "matrix password 2026";
const COUNTY_A = "990101000000";
const TOWN_A1 = "990101100000";
const TOWN_A2 = "990101101000";
const COUNTY_B = "990102000000";
const PROVINCE = "990000000000";

/** Every way into the data, each one operation about the region $code (and a project $project in it). */
const ENTRY_POINTS: Record<string, string> = {
  projects: `query($code: String!) { projects(regionCode: $code, first: 100) { totalCount edges { node { __typename id
      phases { __typename id }
      progressReports(first: 100) { edges { node { __typename id } } }
      allocations { __typename id fund { __typename id } disbursements { amount } } } } } }`,
  project: `query($project: String!) { project(code: $project) { __typename id allocations { __typename id } } }`,
  funds: `query($code: String!) { funds(regionCode: $code, first: 100) { edges { node { __typename id
      allocations(first: 100) { edges { node { __typename id project { __typename id } } } } } } } }`,
  indicatorValues: `query($code: String!) { indicatorValues(regionCode: $code, first: 100) { edges { node { __typename id } } } }`,
  investmentSummary: `query($code: String!) { region(code: $code) { investmentSummary(groupBy: STATUS) { projectCount plannedInvestment } } }`,
  fundFlow: `query($code: String!) { region(code: $code) { fundFlow(groupBy: SOURCE_TYPE) { fundAmount allocated disbursed } } }`,
  investmentOverTime: `query($code: String!) { region(code: $code) { investmentOverTime(from: "2023-01", to: "2023-12") { completed } } }`,
  projectsBehindSchedule: `query($code: String!) { region(code: $code) { projectsBehindSchedule(first: 100) { __typename id } } }`,
  dataYears: `query($code: String!) { region(code: $code) { dataYears } }`,
  indicatorSeries: `query($code: String!) { region(code: $code) { indicatorSeries(indicatorCode: "RESIDENT_POPULATION", from: "2019", to: "2024") { value } } }`,
  organizations: `query($code: String!) { region(code: $code) { organizations { name } assessments { grade } } }`,
  auditTrail: `query($code: String!) { auditTrail(regionCode: $code, first: 100) { edges { node { tableName recordKey } } } }`,
  nodes: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
  alerts: `query($code: String!) { region(code: $code) { alerts(asOf: "2026-12-01", first: 100) { items { subject { kind code } } }
      alertThresholds { rule } } }`,
  communityNeeds: `query($code: String!) { region(code: $code) { communityNeeds(first: 100) { totalCount edges { node { __typename id
      events { action } } } } } }`,
  partyMembers: `query($code: String!) { region(code: $code) { partyMembers(first: 100) { edges { node { __typename id
      serviceCards { __typename id } teams { __typename id } } } } volunteerTeams { __typename id } } }`,
  serviceCards: `query($code: String!) { region(code: $code) { serviceCards(month: "2026-11", first: 100) { edges { node { __typename id } } } } }`,
  mediationCases: `query($code: String!) { region(code: $code) { mediationCases(first: 100) { totalCount edges { node { __typename id
      parties { name } steps { step } } } } mediationOrganizations { name } } }`,
  consultationTopics: `query($code: String!) { region(code: $code) { consultationTopics(first: 100) { totalCount edges { node { __typename id
      title } } } consultationMeetings { title } } }`,
  households: `query($code: String!) { region(code: $code) { households(first: 100) { totalCount edges { node { __typename id
      headName members { name } steps { kind } } } } monitoringOverview(year: 2026) { identifying } } }`,
  cleaningInspections: `query($code: String!) { region(code: $code) { cleaningCampaigns { name months
      inspections(first: 100) { totalCount edges { node { __typename id score } } } } } }`,
  dispatchTasks: `query($code: String!) { region(code: $code) { dispatchTasks(first: 100) { totalCount edges { node { __typename id
      title notes { text } } } } dispatchMeetings { title tasks { __typename id } } } }`,
  communityService: `query($code: String!) { region(code: $code) { communityServiceRanking(year: 2026) { regionCode due }
      unitServiceFeedback(period: "2026Q4") { unitName members } } }`,
};

/** Entry points that only sum: their figures must be those of the records the user may see. */
const SUMS = new Set(["investmentSummary", "fundFlow", "investmentOverTime", "indicatorSeries", "dataYears"]);

interface Visible {
  Project: Set<number>;
  ProgressReport: Set<number>;
  FundAllocation: Set<number>;
  Fund: Set<number>;
  IndicatorValue: Set<number>;
  PartyMember: Set<number>;
  VolunteerTeam: Set<number>;
  CommunityNeed: Set<number>;
  ServiceCard: Set<number>;
  MediationCase: Set<number>;
  ConsultationTopic: Set<number>;
  CleaningInspection: Set<number>;
  Household: Set<number>;
  DispatchTask: Set<number>;
}

let db: TestDatabase;
const users = new Map<string, { auth: Authenticated; role: AccessRole; grantCode: string }>();
const regionIds = new Map<string, number>();

beforeAll(async () => {
  db = await openTestDatabase("empty");
  await generateScaleData(db.prisma, { counties: 2, seed: 7, townsPerCounty: 3, villagesPerTown: 2, projectsPerCounty: 20 });
  for (const region of await db.prisma.region.findMany({ select: { id: true, code: true } }))
    regionIds.set(region.code, region.id);
  await addCommunityService();
  for (const grantCode of [COUNTY_A, TOWN_A1]) {
    for (const role of ACCESS_ROLES) {
      const username = `${role.toLowerCase()}.${grantCode === COUNTY_A ? "county" : "town"}`;
      await createUser(db.prisma, {
        username,
        displayName: username,
        password: PASSWORD,
        grants: [{ role, regionCode: grantCode }],
      });
      const { token } = await signIn(db.prisma, username, PASSWORD);
      users.set(username, { auth: await authenticate(db.prisma, token), role, grantCode });
    }
  }
}, 180_000);

afterAll(async () => {
  await db?.close();
});

/** A member, a team, a claimed need and a scored card in the first village of each town, through the services. */
async function addCommunityService(): Promise<void> {
  const author = { userId: 0, name: "matrix" };
  for (const countyCode of [COUNTY_A, COUNTY_B]) {
    const county = await db.prisma.region.findUniqueOrThrow({ where: { code: countyCode } });
    await db.prisma.organization.create({ data: { name: `单位${countyCode}`, kind: "GOVERNMENT_AGENCY", regionId: county.id } });
    const villages = await db.prisma.region.findMany({
      where: { level: "VILLAGE", path: { has: county.id } },
      orderBy: { code: "asc" },
    });
    // A county's dispatch meeting assigns a task to a unit of its first town: the town's users
    // read it though the meeting sits above them.
    const firstTown = await db.prisma.region.findFirstOrThrow({
      where: { level: "TOWNSHIP", parentId: county.id },
      orderBy: { code: "asc" },
    });
    await db.prisma.organization.create({
      data: { name: `镇政府${firstTown.code}`, kind: "TOWNSHIP_GOVERNMENT", regionId: firstTown.id },
    });
    const meeting = await recordMeeting(db.prisma, { regionCode: countyCode, title: "调度会", heldOn: "2026-11-05" }, author);
    for (const unitName of [`单位${countyCode}`, `镇政府${firstTown.code}`]) {
      await assignTask(
        db.prisma,
        {
          meetingNumber: meeting.id,
          title: "交办事项",
          subjectKind: "REGION",
          subjectCode: countyCode,
          unitName,
          lead: "领导",
          dueOn: "2026-11-20",
        },
        author,
      );
    }
    const campaign = await findCampaign(
      db.prisma,
      (await createCampaign(db.prisma, { regionCode: countyCode, name: "村庄清洁行动", year: 2026 }, author)).id,
    );
    for (const village of villages.filter((_, index) => index % 2 === 0)) {
      const member = await createMember(db.prisma, {
        name: `党员${village.code}`,
        unitName: `单位${countyCode}`,
        regionCode: village.code,
        reportedOn: "2026-01-05",
      });
      const team = await createTeam(db.prisma, { regionCode: village.code, name: "党员服务队" });
      await addTeamMembers(db.prisma, { ...team, region: village }, [member.id]);
      const need = await collectNeed(
        db.prisma,
        {
          kind: "NEED",
          regionCode: village.code,
          title: "路灯维修",
          category: "INFRASTRUCTURE",
          source: "VISIT",
          raisedOn: "2026-10-01",
        },
        author,
      );
      await moveNeed(
        db.prisma,
        await findNeed(db.prisma, need.id),
        "CLAIM",
        { on: "2026-10-02", claimantMemberId: member.id, dueOn: "2026-11-01" },
        author,
      );
      await recordService(db.prisma, { memberId: member.id, servedOn: "2026-11-03", hours: "2", description: "巡查" }, author);
      await scoreMember(db.prisma, { memberId: member.id, month: "2026-11", score: 88 }, author);
      await createMediationOrganization(db.prisma, { regionCode: village.code, name: "调解委员会", level: "VILLAGE" });
      const dispute = await openCase(
        db.prisma,
        {
          regionCode: village.code,
          type: "NEIGHBOUR",
          summary: "邻里纠纷",
          parties: [
            { role: "APPLICANT", name: "甲某" },
            { role: "RESPONDENT", name: "乙某" },
          ],
        },
        author,
      );
      await takeStep(db.prisma, await findCase(db.prisma, dispute.id), { step: "SCREENING" }, author);
      await raiseTopic(
        db.prisma,
        {
          regionCode: village.code,
          kind: "ISSUE",
          title: "车辆乱停放",
          raisedBy: "居民",
          channel: "VISIT",
          raisedOn: "2026-11-02",
        },
        author,
      );
      await registerHousehold(
        db.prisma,
        {
          regionCode: village.code,
          type: "MARGINAL",
          riskFactors: ["ILLNESS"],
          leadSource: "APPLICATION",
          leadOn: "2026-11-02",
          members: [{ name: "户主", relation: "HEAD" }],
        },
        author,
      );
      await recordInspection(
        db.prisma,
        campaign,
        {
          campaignNumber: campaign.id,
          regionCode: village.code,
          kind: "UNANNOUNCED",
          inspectedOn: "2026-11-05",
          inspector: "暗访组",
          scores: DEFAULT_CHECKLIST.map((item) => ({ itemCode: item.code, score: item.weight })),
        },
        author,
      );
    }
  }
}

/** What the owner of the tables says a user granted on these roots may see, computed without the policies. */
async function visibleTo(roots: number[]): Promise<Visible> {
  const ids = async (query: Promise<{ id: number }[]>) => new Set((await query).map((row) => row.id));
  const projects = await ids(
    db.prisma.$queryRaw`SELECT p.id FROM project p JOIN region r ON r.id = p.region_id WHERE r.path && ${roots}::int[]`,
  );
  const ofProjects = [...projects];
  return {
    Project: projects,
    ProgressReport: await ids(db.prisma.$queryRaw`SELECT id FROM progress_report WHERE project_id = ANY(${ofProjects}::int[])`),
    FundAllocation: await ids(db.prisma.$queryRaw`SELECT id FROM fund_allocation WHERE project_id = ANY(${ofProjects}::int[])`),
    Fund: await ids(db.prisma.$queryRaw`
      SELECT f.id FROM fund f JOIN region r ON r.id = f.region_id
       WHERE r.path && ${roots}::int[] OR r.id IN (SELECT unnest(path) FROM region WHERE id = ANY(${roots}::int[]))`),
    IndicatorValue: await ids(db.prisma.$queryRaw`
      SELECT v.id FROM indicator_value v JOIN region r ON r.id = v.region_id WHERE r.path && ${roots}::int[]`),
    DispatchTask: await ids(db.prisma.$queryRaw`
      SELECT t.id FROM dispatch_task t JOIN region r ON r.id = t.region_id JOIN region u ON u.id = t.unit_region_id
       WHERE r.path && ${roots}::int[] OR u.path && ${roots}::int[]`),
    ...Object.fromEntries(
      await Promise.all(
        (
          [
            "party_member:PartyMember",
            "volunteer_team:VolunteerTeam",
            "community_need:CommunityNeed",
            "service_card:ServiceCard",
            "mediation_case:MediationCase",
            "consultation_topic:ConsultationTopic",
            "cleaning_inspection:CleaningInspection",
            "household:Household",
          ] as const
        ).map(async (pair) => {
          const [table, type] = pair.split(":") as [string, string];
          return [
            type,
            await ids(
              db.prisma.$queryRawUnsafe(
                `SELECT t.id FROM ${table} t JOIN region r ON r.id = t.region_id WHERE r.path && $1::int[]`,
                roots,
              ),
            ),
          ];
        }),
      ),
    ),
  } as Visible;
}

/** Some records of each kind above under a region (7 of each: nodes takes at most 100 ids), as global ids. */
async function globalIdsUnder(code: string): Promise<string[]> {
  const under = await visibleTo([regionIds.get(code)!]);
  const encode = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
  return Object.entries(under).flatMap(([type, set]) => [...(set as Set<number>)].slice(0, 7).map((id) => encode(type, id)));
}

/** Every node in a response, by type and database id. */
function nodesIn(value: unknown, found: [string, number][] = []): [string, number][] {
  if (Array.isArray(value)) for (const item of value) nodesIn(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === "string" && typeof record.id === "string") {
      const [type, id] = Buffer.from(record.id, "base64").toString().split(":");
      found.push([type!, Number(id)]);
    }
    for (const child of Object.values(record)) nodesIn(child, found);
  }
  return found;
}

/** How many of a region's top-level projects the user may see, and one they may not (if any). */
async function topLevelProjectsUnder(code: string, visible: Visible): Promise<{ count: number; seen?: string; hidden?: string }> {
  const rows = await db.prisma.project.findMany({
    where: { parentId: null, region: { path: { has: regionIds.get(code)! } } },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  const seen = rows.filter((row) => visible.Project.has(row.id));
  return { count: seen.length, seen: seen[0]?.code, hidden: rows.find((row) => !visible.Project.has(row.id))?.code };
}

describe.each([
  ["on", true],
  ["off (the database's policies alone)", false],
])("with the API's rules %s", (_label, apiRules) => {
  for (const grantCode of [COUNTY_A, TOWN_A1]) {
    for (const role of ACCESS_ROLES) {
      const username = `${role.toLowerCase()}.${grantCode === COUNTY_A ? "county" : "town"}`;
      // Inside: the grant's own region. Outside: another county, a sibling town, the province above.
      const targets =
        grantCode === COUNTY_A ? [COUNTY_A, TOWN_A1, COUNTY_B, PROVINCE] : [TOWN_A1, TOWN_A2, COUNTY_B, COUNTY_A, PROVINCE];
      it(`${username} sees exactly its own regions' records through every entry point`, async () => {
        const user = users.get(username)!;
        const visible = await visibleTo([regionIds.get(grantCode)!]);
        const context = () => createContext(db.prisma, user.auth, { apiRules });
        for (const target of targets) {
          const inScope = target === grantCode || (grantCode === COUNTY_A && target === TOWN_A1);
          const projectsUnder = await topLevelProjectsUnder(target, visible);
          const variables = {
            code: target,
            project: (inScope ? projectsUnder.seen : projectsUnder.hidden) ?? "none",
            ids: await globalIdsUnder(target),
          };
          for (const [entry, source] of Object.entries(ENTRY_POINTS)) {
            const where = `${username} → ${entry} of ${target}`;
            const result = await graphql({ schema, source, variableValues: variables, contextValue: context() });
            const codes = (result.errors ?? []).map(
              (error) => (error.originalError as { code?: string } | undefined)?.code ?? error.message,
            );
            const said = `${where}: ${result.errors?.map((error) => error.message).join("; ")}`;
            // No record of a region outside the grant, whatever the entry point and the mode.
            for (const [type, id] of nodesIn(result.data)) {
              const allowed = visible[type as keyof Visible];
              expect(allowed?.has(id), `${where} returned ${type} ${id}`).toBe(true);
            }
            const adminOnly = entry === "auditTrail" && role !== "ADMIN";
            if (inScope && !adminOnly) {
              expect(codes, said).toEqual([]);
            } else if (entry === "nodes" || entry === "project") {
              // Asked for by id or code, a record the policies hide is simply not there, in either mode.
              expect(
                codes.filter((code) => code !== "NOT_FOUND"),
                said,
              ).toEqual([]);
              if (entry === "project") expect((result.data as { project: unknown }).project, said).toBeNull();
            } else if (apiRules) {
              // The API refuses outright, and says why.
              expect(codes, said).toContain("FORBIDDEN");
            } else {
              // Only the policies: no refusal, but nothing beyond the grant.
              expect(codes, said).toEqual([]);
            }
            if (entry === "communityNeeds" && result.data && inScope) {
              const { region } = result.data as { region: { communityNeeds: { totalCount: number } } };
              const under = await visibleTo([regionIds.get(target)!]);
              expect(region.communityNeeds.totalCount, where).toBe(under.CommunityNeed.size);
            }
            if (entry === "projects" && result.data) {
              const { projects } = result.data as { projects: { totalCount: number } };
              expect(projects.totalCount, where).toBe(projectsUnder.count);
            }
            const summary = (result.data as { region?: { investmentSummary?: { projectCount: number }[] } } | null)?.region;
            if (entry === "investmentSummary" && summary?.investmentSummary) {
              const counted = summary.investmentSummary.reduce((sum, group) => sum + group.projectCount, 0);
              // The sums are kept per region for its whole subtree, so the policies show a region's
              // sums only to readers of all of it: outside the grant, less than what may be seen, never more.
              if (inScope) expect(counted, where).toBe(projectsUnder.count);
              else expect(counted, where).toBeLessThanOrEqual(projectsUnder.count);
            }
            if (inScope && SUMS.has(entry)) expect(result.data, where).toBeTruthy();
            const alerts = (
              result.data as { region?: { alerts?: { items: { subject: { kind: string; code: string } }[] } } } | null
            )?.region?.alerts;
            if (entry === "alerts" && alerts) {
              // Alerts name their projects by code: each must be one the user may see.
              const codes = alerts.items
                .filter((a) => a.subject.kind === "PROJECT" || a.subject.kind === "PHASE")
                .map((a) => a.subject.code);
              const raised = await db.prisma.project.findMany({ where: { code: { in: codes } }, select: { id: true } });
              for (const { id } of raised) expect(visible.Project.has(id), `${where} raised project ${id}`).toBe(true);
            }
          }
        }
        // The user does see something: a test that saw nothing would prove nothing.
        expect(visible.Project.size).toBeGreaterThan(0);
        expect(visible.Fund.size).toBeGreaterThan(0);
        expect(visible.CommunityNeed.size).toBeGreaterThan(0);
        expect(visible.ServiceCard.size).toBeGreaterThan(0);
        expect(visible.MediationCase.size).toBeGreaterThan(0);
        expect(visible.DispatchTask.size).toBeGreaterThan(0);
      });
    }
  }
});

describe("writing through the database's policies", () => {
  it.each(ACCESS_ROLES.flatMap((role) => [COUNTY_A, TOWN_A1].map((grantCode) => [role, grantCode] as const)))(
    "%s on %s changes only its own regions' records, and only as an EDITOR",
    async (role, grantCode) => {
      const user = users.get(`${role.toLowerCase()}.${grantCode === COUNTY_A ? "county" : "town"}`)!;
      const context = createContext(db.prisma, user.auth);
      const inside = await db.prisma.project.findFirstOrThrow({
        where: { region: { path: { has: regionIds.get(grantCode)! } } },
        select: { id: true },
      });
      const outside = await db.prisma.project.findFirstOrThrow({
        where: { region: { path: { has: regionIds.get(COUNTY_B)! } } },
        select: { id: true },
      });
      const touch = (id: number) =>
        context.transaction((tx) => tx.project.updateMany({ where: { id }, data: { description: `checked by ${role}` } }));
      expect((await touch(inside.id)).count).toBe(role === "EDITOR" ? 1 : 0);
      expect((await touch(outside.id)).count).toBe(0);
      await expect(
        context.transaction((tx) =>
          tx.progressReport.create({
            data: {
              projectId: outside.id,
              period: "2030-01",
              periodStart: new Date("2030-01-01"),
              periodEnd: new Date("2030-01-31"),
              reportedBy: "intruder",
            },
          }),
        ),
      ).rejects.toThrow();
      expect(await db.prisma.progressReport.count({ where: { period: "2030-01" } })).toBe(0);
      // Nobody working through the API can rewrite or erase the audit, nor lift the policies.
      for (const statement of [
        "UPDATE audit_log SET actor = 'nobody'",
        "DELETE FROM audit_log",
        "INSERT INTO audit_log (actor, action, table_name, record_key) VALUES ('x', 'INSERT', 'project', '1')",
        "ALTER TABLE project DISABLE ROW LEVEL SECURITY",
      ]) {
        await expect(
          context.transaction((tx) => tx.$executeRawUnsafe(statement)),
          statement,
        ).rejects.toThrow();
      }
    },
  );
});
