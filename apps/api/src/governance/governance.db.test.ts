import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { createContext } from "../context.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
let secretary: Authenticated;
let zoneViewer: Authenticated;
let clerk: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  secretary = await demoUser(db.prisma, "sanwanlu.secretary");
  zoneViewer = await demoUser(db.prisma, "zone.viewer");
  clerk = await demoUser(db.prisma, "pingzhuang.clerk");
});
afterAll(async () => {
  await db?.close();
});

const SANWANLU = demoRegionCode("三湾路社区");
const ZONE = demoRegionCode("荆州经济技术开发区");
const YINGBIN = demoRegionCode("迎宾社区");
const today = isoDay(chinaToday());
const thisMonth = today.slice(0, 7);
const nextMonth = (() => {
  const [year, month] = thisMonth.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
})();

const NEED_FIELDS = `number title kind status version residentPhone claimant { kind name unitName } dueOn doneOn
  confirmedOn projectName events { action status on }`;
interface Need {
  number: number;
  title: string;
  kind: string;
  status: string;
  version: number;
  residentPhone: string | null;
  claimant: { kind: string; name: string; unitName: string | null } | null;
  dueOn: string | null;
  doneOn: string | null;
  confirmedOn: string | null;
  projectName: string | null;
  events: { action: string; status: string; on: string }[];
}

const NEEDS = `query ($code: String!, $kind: NeedKind) { region(code: $code) {
  communityNeeds(kind: $kind, first: 100) { totalCount edges { node { ${NEED_FIELDS} } } } } }`;

async function needsOf(code: string, as: Authenticated, kind?: string): Promise<Need[]> {
  const data = await runGraphql<{ region: { communityNeeds: { edges: { node: Need }[] } } }>(
    db.prisma,
    NEEDS,
    { code, kind },
    { as },
  );
  return data.region.communityNeeds.edges.map((edge) => edge.node);
}

const COLLECT = `mutation ($input: CollectNeedInput!) { collectNeed(input: $input) { ${NEED_FIELDS} } }`;
const move = (name: string) => `mutation ($input: NeedMoveInput!) { ${name}(input: $input) { ${NEED_FIELDS} } }`;

describe("the demo's community service, as the articles publish it", () => {
  it("has 四点半课堂 claimed by the members' service team and confirmed, in 三湾路社区", async () => {
    const needs = await needsOf(SANWANLU, secretary);
    const afterSchool = needs.find((need) => need.title === "暑期孩子无人看管");
    expect(afterSchool).toMatchObject({
      projectName: "四点半课堂",
      status: "CONFIRMED",
      claimant: { kind: "TEAM", name: "党员服务队" },
    });
    expect(afterSchool!.events.map((event) => event.action)).toEqual(["COLLECT", "CLAIM", "START", "FINISH", "CONFIRM"]);
  });

  it("has 田培广's electric fan as a micro-wish claimed by 区委机关综合党总支, fulfilled for 3 households in all", async () => {
    const wishes = await needsOf(YINGBIN, await demoUser(db.prisma, "jingzhou.analyst"), "WISH");
    const fan = wishes.find((wish) => wish.title === "想要一台电风扇");
    expect(fan).toMatchObject({ status: "CONFIRMED", claimant: { kind: "UNIT", name: "荆州区委机关综合党总支" } });
    const fulfilled = wishes.filter((wish) => wish.claimant?.name === "荆州区委机关综合党总支" && wish.status === "CONFIRMED");
    expect(fulfilled).toHaveLength(3);
  });

  it("has 黄家塘社区's third area: 25 buildings, 80 entrances, 1,128 households, led by 李俊", async () => {
    const area = await db.prisma.region.findFirstOrThrow({
      where: { nameZh: "第三片区", parent: { nameZh: "黄家塘社区" } },
      include: { gridArea: { include: { leader: true } }, children: true },
    });
    expect(area).toMatchObject({ level: "GRID", kind: "AREA", codeIsOfficial: false });
    expect(area.code).toHaveLength(15);
    expect(area.children).toHaveLength(25);
    expect(area.children.every((building) => building.level === "BUILDING" && building.code.length === 18)).toBe(true);
    expect(area.gridArea).toMatchObject({ households: 1128, entrances: 80, leader: { name: "李俊" } });
  });
});

describe("a need's life-cycle", () => {
  it("walks a need from collection to confirmation, claimed by a member's unit, with every move on record", async () => {
    const collected = await runGraphql<{ collectNeed: Need }>(
      db.prisma,
      COLLECT,
      {
        input: {
          kind: "NEED",
          regionCode: SANWANLU,
          title: "单元门禁损坏",
          category: "INFRASTRUCTURE",
          source: "VISIT",
          residentName: "居民",
          residentPhone: "138-0000-0999",
        },
      },
      { as: secretary },
    );
    const need = collected.collectNeed;
    expect(need).toMatchObject({ status: "OPEN", residentPhone: "13800000999", claimant: null });
    const claimed = await runGraphql<{ claimNeed: Need }>(
      db.prisma,
      move("claimNeed"),
      {
        input: {
          needNumber: need.number,
          claimantUnitName: "荆州开发区应急服务中心",
          dueOn: today,
          expectedVersion: need.version,
        },
      },
      { as: secretary },
    );
    expect(claimed.claimNeed).toMatchObject({
      status: "CLAIMED",
      dueOn: today,
      claimant: { kind: "UNIT", unitName: "荆州开发区应急服务中心" },
    });
    await runGraphql(db.prisma, move("startNeed"), { input: { needNumber: need.number } }, { as: secretary });
    const done = await runGraphql<{ finishNeed: Need }>(
      db.prisma,
      move("finishNeed"),
      { input: { needNumber: need.number, outcome: "更换门禁锁" } },
      { as: secretary },
    );
    expect(done.finishNeed).toMatchObject({ status: "DONE", doneOn: today });
    const returned = await runGraphql<{ returnNeed: Need }>(
      db.prisma,
      move("returnNeed"),
      { input: { needNumber: need.number, note: "居民反映仍无法刷卡" } },
      { as: secretary },
    );
    expect(returned.returnNeed).toMatchObject({ status: "IN_PROGRESS", doneOn: null });
    await runGraphql(
      db.prisma,
      move("finishNeed"),
      { input: { needNumber: need.number, outcome: "更换读卡器" } },
      { as: secretary },
    );
    const confirmed = await runGraphql<{ confirmNeed: Need }>(
      db.prisma,
      move("confirmNeed"),
      { input: { needNumber: need.number } },
      { as: secretary },
    );
    expect(confirmed.confirmNeed).toMatchObject({ status: "CONFIRMED", confirmedOn: today });
    expect(confirmed.confirmNeed.events.map((event) => `${event.action}:${event.status}`)).toEqual([
      "COLLECT:OPEN",
      "CLAIM:CLAIMED",
      "START:IN_PROGRESS",
      "FINISH:DONE",
      "RETURN:IN_PROGRESS",
      "FINISH:DONE",
      "CONFIRM:CONFIRMED",
    ]);
    // The county's ranking counts it: claimed, due today and met by then.
    const ranking = await runGraphql<{
      region: { communityServiceRanking: { regionCode: string; due: number; metOnTime: number }[] };
    }>(
      db.prisma,
      `query ($code: String!, $year: Int!) { region(code: $code) { communityServiceRanking(year: $year) { regionCode due metOnTime } } }`,
      { code: ZONE, year: Number(today.slice(0, 4)) },
      { as: zoneViewer },
    );
    const sanwanlu = ranking.region.communityServiceRanking.find((row) => row.regionCode === SANWANLU);
    const community = await db.prisma.region.findUniqueOrThrow({ where: { code: SANWANLU } });
    const claims = await db.prisma.communityNeed.findMany({
      where: {
        region: { path: { has: community.id } },
        status: { not: "WITHDRAWN" },
        dueOn: { gte: new Date(`${today.slice(0, 4)}-01-01`), lte: new Date(`${today.slice(0, 4)}-12-31`) },
      },
    });
    // Due once the day has passed or it is done: a claim due next week is not yet late.
    const due = claims.filter((claim) => isoDay(claim.dueOn!) < today || ["DONE", "CONFIRMED"].includes(claim.status));
    expect(sanwanlu?.due).toBe(due.length);
  });

  it("walks a micro-wish to fulfilment with its cost and who paid", async () => {
    const { collectNeed: wish } = await runGraphql<{ collectNeed: Need }>(
      db.prisma,
      COLLECT,
      {
        input: {
          kind: "WISH",
          regionCode: SANWANLU,
          title: "想要一台收音机",
          category: "ELDERLY_CARE",
          source: "VISIT",
          estimatedCost: "120",
        },
      },
      { as: secretary },
    );
    await runGraphql(
      db.prisma,
      move("claimNeed"),
      {
        input: {
          needNumber: wish.number,
          claimantTeamNumber: (await db.prisma.volunteerTeam.findFirstOrThrow()).id,
          dueOn: today,
        },
      },
      { as: secretary },
    );
    await runGraphql(
      db.prisma,
      move("finishNeed"),
      { input: { needNumber: wish.number, outcome: "送上收音机", actualCost: "98.50", paidBy: "党员服务队队员捐款" } },
      { as: secretary },
    );
    const stored = await db.prisma.communityNeed.findUniqueOrThrow({ where: { id: wish.number } });
    expect(stored).toMatchObject({ status: "DONE", paidBy: "党员服务队队员捐款" });
    expect(stored.actualCost?.toFixed(2)).toBe("98.50");
  });

  it("refuses bad moves by field, in Chinese", async () => {
    const open = (await needsOf(SANWANLU, secretary)).find((need) => need.status === "OPEN")!;
    const confirmUnclaimed = await tryGraphql(db.prisma, move("confirmNeed"), { input: { needNumber: open.number } }, secretary);
    expect(confirmUnclaimed).toMatchObject({ code: "CONFLICT", issues: ["needNumber"] });
    expect(confirmUnclaimed.zh?.message).toContain("待认领：只有已办结时才能确认");

    const outside = await tryGraphql(
      db.prisma,
      move("claimNeed"),
      { input: { needNumber: open.number, claimantUnitName: "荆州开发区应急服务中心", dueOn: today } },
      zoneViewer,
    );
    // A reader of the community who may not edit it is told so; a clerk of another county does
    // not even learn that the need exists.
    expect(outside).toMatchObject({ code: "FORBIDDEN", issues: ["needNumber"] });
    const elsewhere = await tryGraphql(
      db.prisma,
      move("claimNeed"),
      { input: { needNumber: open.number, claimantUnitName: "荆州开发区应急服务中心", dueOn: today } },
      clerk,
    );
    expect(elsewhere).toMatchObject({ code: "BAD_USER_INPUT", issues: ["needNumber"] });
    expect(elsewhere.zh?.issues.needNumber).toBe(`没有编号为 ${open.number} 的需求或微心愿`);

    // An editor of the whole city sees 李俊 of 黄家塘社区, who still may not claim 三湾路社区's needs.
    const lijun = await db.prisma.partyMember.findFirstOrThrow({ where: { name: "李俊" } });
    const city = await db.prisma.region.findUniqueOrThrow({ where: { code: "421000000000" } });
    const cityEditor = { ...secretary, user: { ...secretary.user, grants: [{ role: "EDITOR" as const, region: city }] } };
    const otherCommunity = await tryGraphql(
      db.prisma,
      move("claimNeed"),
      { input: { needNumber: open.number, claimantMemberNumber: lijun.id, dueOn: today } },
      cityEditor,
    );
    expect(otherCommunity).toMatchObject({ code: "BAD_USER_INPUT", issues: ["claimantMemberNumber"] });
    expect(otherCommunity.zh?.issues.claimantMemberNumber).toBe("李俊 不在 三湾路社区 报到或服务，不能认领这里的需求");

    const twoClaimants = await tryGraphql(
      db.prisma,
      move("claimNeed"),
      {
        input: {
          needNumber: open.number,
          claimantUnitName: "荆州开发区应急服务中心",
          claimantMemberNumber: lijun.id,
          dueOn: "2020-01-01",
        },
      },
      secretary,
    );
    expect(twoClaimants.issues).toEqual(expect.arrayContaining(["claimantMemberNumber", "dueOn"]));
    expect(twoClaimants.zh?.issues.claimantMemberNumber).toBe("请选择一个认领方：党员、服务队或单位三者之一");

    const badInput = await tryGraphql(
      db.prisma,
      COLLECT,
      { input: { kind: "NEED", regionCode: ZONE, title: " ", category: "OTHER", source: "VISIT", residentPhone: "12ab" } },
      secretary,
    );
    expect(badInput.issues).toEqual(expect.arrayContaining(["regionCode", "title", "residentPhone"]));
    expect(badInput.zh?.issues.regionCode).toContain("不是村或社区");
    // Nothing was half-written.
    expect(await db.prisma.communityNeed.count({ where: { title: " " } })).toBe(0);
  });
});

describe("service cards and scores", () => {
  const RECORD = `mutation ($input: RecordServiceInput!) { recordService(input: $input) { number month hours score } }`;
  const SCORE = `mutation ($input: ScoreMemberInput!) { scoreMember(input: $input) { number month score grade } }`;

  it("adds services to a member's card of the month and scores it on the published scale", async () => {
    const member = await db.prisma.partyMember.findFirstOrThrow({ where: { name: "陈静" } });
    const recorded = await runGraphql<{ recordService: { month: string; hours: string } }>(
      db.prisma,
      RECORD,
      { input: { memberNumber: member.id, servedOn: today, hours: "1.5", description: "四点半课堂辅导" } },
      { as: secretary },
    );
    expect(recorded.recordService.month).toBe(thisMonth);
    const scored = await runGraphql<{ scoreMember: { score: number; grade: string } }>(
      db.prisma,
      SCORE,
      { input: { memberNumber: member.id, month: thisMonth, score: 85 } },
      { as: secretary },
    );
    expect(scored.scoreMember).toEqual(expect.objectContaining({ score: 85, grade: "GOOD" }));
  });

  it("refuses a card for a month to come, hours outside the day and a score outside the scale, by field in Chinese", async () => {
    const member = await db.prisma.partyMember.findFirstOrThrow({ where: { name: "陈静" } });
    const future = await tryGraphql(
      db.prisma,
      RECORD,
      { input: { memberNumber: member.id, servedOn: `${nextMonth}-01`, hours: "25", description: "" } },
      secretary,
    );
    expect(future.issues).toEqual(expect.arrayContaining(["servedOn", "hours", "description"]));
    expect(future.zh?.issues.servedOn).toContain("还没有到");
    expect(future.zh?.issues.hours).toBe("服务时长应大于 0 且不超过 24 小时（填写的是 25）");
    const outOfScale = await tryGraphql(
      db.prisma,
      SCORE,
      { input: { memberNumber: member.id, month: thisMonth, score: 120 } },
      secretary,
    );
    expect(outOfScale.issues).toEqual(["score"]);
    expect(outOfScale.zh?.issues.score).toContain("0 到 100 的整数");
    const futureScore = await tryGraphql(
      db.prisma,
      SCORE,
      { input: { memberNumber: member.id, month: nextMonth, score: 90 } },
      secretary,
    );
    expect(futureScore.issues).toEqual(["month"]);
  });

  it("locks a month's cards once the community's service for it is submitted", async () => {
    const member = await db.prisma.partyMember.findFirstOrThrow({ where: { name: "孙丽" } });
    await runGraphql(
      db.prisma,
      `mutation { submitData(input: { dataSet: COMMUNITY_SERVICE, regionCode: "${SANWANLU}", period: "2026-10" }) { status } }`,
      {},
      { as: secretary },
    );
    const locked = await tryGraphql(
      db.prisma,
      SCORE,
      { input: { memberNumber: member.id, month: "2026-10", score: 70 } },
      secretary,
    );
    expect(locked.code).toBe("CONFLICT");
    expect(locked.zh?.message).toContain("社区服务考核");
    const card = await db.prisma.serviceCard.findFirstOrThrow({ where: { memberId: member.id, month: "2026-10" } });
    expect(card.score).toBe(90);
  });
});

describe("figures into the 治理有效 pillar", () => {
  it("computes the community-service indicators from the records, rolls them up, and shows them on the scorecard", async () => {
    const year = "2026";
    const zone = await db.prisma.region.findUniqueOrThrow({ where: { code: ZONE } });
    const data = await runGraphql<{
      region: { scorecard: { pillar: string; entries: { indicatorCode: string; standing: { value: string | null } }[] }[] };
    }>(
      db.prisma,
      `query ($code: String!, $period: Period!) { region(code: $code) { scorecard(period: $period) { pillar entries { indicatorCode standing { value } } } } }`,
      { code: ZONE, period: year },
      { as: zoneViewer },
    );
    const governance = data.region.scorecard.find((pillar) => pillar.pillar === "GOVERNANCE")!;
    const value = (code: string) => governance.entries.find((entry) => entry.indicatorCode === code)?.standing.value;
    // Worked out again here from the records, not from the view.
    const entries = await db.prisma.serviceEntry.findMany({
      where: { region: { path: { has: zone.id } }, servedOn: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) } },
    });
    const hours = entries.reduce((sum, entry) => sum + Number(entry.hours), 0);
    expect(Number(value("CS_SERVICE_HOURS"))).toBeCloseTo(hours, 4);
    const cards = await db.prisma.serviceCard.findMany({
      where: { region: { path: { has: zone.id } }, month: { startsWith: year }, score: { not: null } },
    });
    const good = cards.filter((card) => card.score! >= 80).length;
    expect(Number(value("CS_GOOD_SCORE_RATE"))).toBeCloseTo((good / cards.length) * 100, 2);
    const needs = await db.prisma.communityNeed.findMany({
      where: {
        region: { path: { has: zone.id } },
        status: { not: "WITHDRAWN" },
        dueOn: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) },
      },
    });
    const done = (need: (typeof needs)[number]) => ["DONE", "CONFIRMED"].includes(need.status);
    const due = needs.filter((need) => isoDay(need.dueOn!) < today || done(need));
    const met = due.filter((need) => done(need) && need.doneOn! <= need.dueOn!);
    expect(due.length).toBeGreaterThan(met.length);
    expect(Number(value("CS_NEEDS_ON_TIME_RATE"))).toBeCloseTo((met.length / due.length) * 100, 2);
    const members = await db.prisma.memberPosting.findMany({
      where: {
        region: { path: { has: zone.id } },
        fromOn: { lte: new Date(`${year}-12-31`) },
        OR: [{ untilOn: null }, { untilOn: { gte: new Date(`${year}-01-01`) } }],
      },
      distinct: ["memberId"],
    });
    expect(Number(value("CS_MEMBERS_REPORTED"))).toBe(members.length);
    expect(Number(value("CS_HOURS_PER_MEMBER"))).toBeCloseTo(hours / members.length, 3);
  });

  it("takes no typed value for a computed indicator", async () => {
    const editor = await demoUser(db.prisma, "sanwanlu.secretary");
    const typed = await tryGraphql(
      db.prisma,
      `mutation { enterIndicatorValue(input: { indicatorCode: "CS_SERVICE_HOURS", regionCode: "${SANWANLU}", period: "2026", value: "999" }) { id } }`,
      {},
      editor,
    );
    expect(typed.issues).toEqual(["indicatorCode"]);
    expect(typed.zh?.issues.indicatorCode).toContain("自动计算");
  });

  it("raises a claim past its due date as an alert, with the unit answering for it", async () => {
    const data = await runGraphql<{
      region: {
        alerts: {
          items: {
            rule: string;
            severity: string;
            value: string;
            summary: string;
            responsibleUnit: string;
            subject: { kind: string; nameZh: string };
          }[];
        };
      };
    }>(
      db.prisma,
      `query ($code: String!) { region(code: $code) { alerts(asOf: "2026-12-01", rules: [CLAIM_OVERDUE], first: 100) {
         items { rule severity value summary responsibleUnit subject { kind nameZh } } } } }`,
      { code: ZONE },
      { as: zoneViewer },
    );
    const [lights] = data.region.alerts.items;
    expect(lights).toMatchObject({
      rule: "CLAIM_OVERDUE",
      severity: "AMBER",
      value: "11",
      responsibleUnit: "荆州开发区应急服务中心",
      subject: { kind: "NEED", nameZh: "老旧小区楼道灯损坏，老人夜间上下楼不便" },
    });
    expect(lights!.summary).toBe("刘洋认领，应于 2026-11-20 办结，已逾期 11 天");
  });
});

describe("residents' phones", () => {
  const PHONES = `query ($code: String!) { region(code: $code) { communityNeeds(first: 100) { edges { node { title residentPhone } } } } }`;
  const phoneOf = async (as: Authenticated) => {
    const data = await runGraphql<{
      region: { communityNeeds: { edges: { node: { title: string; residentPhone: string | null } }[] } };
    }>(db.prisma, PHONES, { code: SANWANLU }, { as });
    return data.region.communityNeeds.edges.find((edge) => edge.node.title.startsWith("老旧小区楼道灯"))?.node.residentPhone;
  };

  it("shows them in full to the community's own staff and masked to a county viewer", async () => {
    expect(await phoneOf(secretary)).toBe("13800000311");
    expect(await phoneOf(zoneViewer)).toBe("138****0311");
  });

  it("never puts the full number in the audit trail", async () => {
    const entries = await db.prisma.auditEntry.findMany({ where: { tableName: "community_need" } });
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries.map((entry) => [entry.before, entry.after]));
    expect(text).not.toContain("13800000311");
    expect(text).toContain("138****0311");
  });

  it("keeps the row-level security of the community's region with the API's rules off", async () => {
    const pingzhuang = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626107000" } });
    const townOnly = {
      ...clerk,
      user: {
        ...clerk.user,
        grants: [{ role: "VIEWER" as const, region: { id: pingzhuang.id, code: pingzhuang.code, path: pingzhuang.path } }],
      },
    };
    const context = createContext(db.prisma, townOnly, { apiRules: false });
    expect(await context.prisma.communityNeed.count()).toBe(0);
    expect(await context.prisma.partyMember.count()).toBe(0);
    expect(await context.prisma.serviceCard.count()).toBe(0);
    const zoneContext = createContext(db.prisma, zoneViewer, { apiRules: false });
    expect(await zoneContext.prisma.communityNeed.count()).toBeGreaterThan(0);
  });
});

describe("areas and buildings below a community", () => {
  const CREATE = `mutation ($parent: String!, $kind: GridKind!, $name: String!, $households: Int) {
    createGridRegion(parentCode: $parent, kind: $kind, nameZh: $name, households: $households) {
      code level kind nameZh codeIsOfficial parent { code } gridArea { households } } }`;

  it("lets the community's editor add an area with a generated code, and a building in it", async () => {
    const area = await runGraphql<{
      createGridRegion: { code: string; level: string; codeIsOfficial: boolean; gridArea: { households: number } | null };
    }>(db.prisma, CREATE, { parent: SANWANLU, kind: "GRID_CELL", name: "第一网格", households: 320 }, { as: secretary });
    expect(area.createGridRegion).toMatchObject({ level: "GRID", codeIsOfficial: false, gridArea: { households: 320 } });
    expect(area.createGridRegion.code).toBe(`${SANWANLU}001`);
    const building = await runGraphql<{ createGridRegion: { code: string; level: string } }>(
      db.prisma,
      CREATE,
      { parent: area.createGridRegion.code, kind: "BUILDING", name: "1栋" },
      { as: secretary },
    );
    expect(building.createGridRegion).toMatchObject({ level: "BUILDING", code: `${SANWANLU}001001` });
  });

  it("refuses a building straight under a community, an area under a town, and another community's editor", async () => {
    const misplaced = await tryGraphql(db.prisma, CREATE, { parent: SANWANLU, kind: "BUILDING", name: "1栋" }, secretary);
    expect(misplaced.issues).toEqual(["parentCode"]);
    const town = await tryGraphql(db.prisma, CREATE, { parent: "421071001000", kind: "AREA", name: "第一片区" }, secretary);
    expect(town.code).toBe("FORBIDDEN");
    const outsider = await tryGraphql(db.prisma, CREATE, { parent: YINGBIN, kind: "AREA", name: "第一片区" }, secretary);
    expect(outsider.code).toBe("FORBIDDEN");
    // With the API's rules off, the database's policy alone refuses it too.
    const context = createContext(db.prisma, secretary, { apiRules: false });
    await expect(
      context.transaction((tx) =>
        tx.region.create({
          data: {
            code: `${YINGBIN}009`,
            codeIsOfficial: false,
            level: "GRID",
            kind: "AREA",
            nameZh: "越权片区",
            nameEn: "x",
            parentId: 1,
          },
        }),
      ),
    ).rejects.toThrow();
  });
});

describe("a careless clerk and a retried request", () => {
  it("moves a need once for a retried claim, and refuses a second claim as a conflict", async () => {
    const { collectNeed: need } = await runGraphql<{ collectNeed: Need }>(
      db.prisma,
      COLLECT,
      { input: { kind: "NEED", regionCode: SANWANLU, title: "楼道堆放杂物", category: "SAFETY", source: "VISIT" } },
      { as: secretary },
    );
    const claim = `mutation ($input: NeedMoveInput!, $key: String) { claimNeed(input: $input, idempotencyKey: $key) { status version } }`;
    const input = { needNumber: need.number, claimantUnitName: "荆州开发区政法委", dueOn: today };
    const first = await runGraphql<{ claimNeed: { version: number } }>(
      db.prisma,
      claim,
      { input, key: "claim-retry-0001" },
      { as: secretary },
    );
    const retried = await runGraphql<{ claimNeed: { version: number } }>(
      db.prisma,
      claim,
      { input, key: "claim-retry-0001" },
      { as: secretary },
    );
    expect(retried).toEqual(first);
    expect(await db.prisma.communityNeedEvent.count({ where: { needId: need.number, action: "CLAIM" } })).toBe(1);
    const again = await tryGraphql(db.prisma, claim, { input, key: "claim-retry-0002" }, secretary);
    expect(again.code).toBe("CONFLICT");
    expect(again.zh?.message).toBe("“楼道堆放杂物”已认领：只有待认领时才能认领");
  });

  it("refuses an over-long title, a stale version and unprintable text by field", async () => {
    const tooLong = await tryGraphql(
      db.prisma,
      COLLECT,
      {
        input: {
          kind: "WISH",
          regionCode: SANWANLU,
          title: "愿".repeat(201),
          category: "OTHER",
          source: "VISIT",
          description: "a\u0000b",
        },
      },
      secretary,
    );
    expect(tooLong.issues).toEqual(expect.arrayContaining(["title", "description"]));
    expect(tooLong.zh?.issues.title).toBe("不能超过 200 个字");
    const open = (await needsOf(SANWANLU, secretary)).find((need) => need.status === "OPEN")!;
    const stale = await tryGraphql(
      db.prisma,
      move("claimNeed"),
      {
        input: { needNumber: open.number, claimantUnitName: "荆州开发区政法委", dueOn: today, expectedVersion: open.version - 1 },
      },
      secretary,
    );
    expect(stale).toMatchObject({ code: "CONFLICT", issues: ["expectedVersion"] });
  });
});
