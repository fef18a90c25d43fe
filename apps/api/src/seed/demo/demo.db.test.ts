import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/test-database.js";
import { Prisma } from "../../generated/prisma/client.js";
import { latestProgress } from "../../projects/projects.service.js";

/**
 * The demo data must reproduce every figure of ../shared/domain.md exactly. The expected
 * values below are copied from that file (and its source articles), not from the seed code.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const yuan = (value: Prisma.Decimal | null | undefined) => value?.toFixed(2);

async function projectFigures(code: string) {
  const project = await db.prisma.project.findUniqueOrThrow({ where: { code }, include: { outputs: true, phases: true } });
  const latest = (await latestProgress(db.prisma, [project.id])).get(project.id);
  return { project, latest };
}

describe("Cengong County water works [seeds/003]", () => {
  it.each([
    ["下溪中型水库", "468000000.00"],
    ["病险水库除险加固工程（5座）", "12440000.00"],
    ["农村饮水安全巩固提升工程", "90010000.00"],
    ["农田水利设施建设项目", "94300000.00"],
    ["城北新区防洪堤", "60000000.00"],
    ["城北新区生态防洪堤工程", "260000000.00"],
    ["农村千人以下饮用水水源地保护项目", "2773000.00"],
    ["城乡供水管网工程", "213767800.00"],
    ["岑巩县乡镇污水处理工程PPP项目", "152301200.00"],
    ["县城污水处理扩容提标工程PPP项目", "99540000.00"],
  ])("%s has a total investment of %s yuan", async (nameZh, total) => {
    const project = await db.prisma.project.findFirstOrThrow({ where: { nameZh } });
    expect(yuan(project.totalInvestment)).toBe(total);
  });

  it("soil and water conservation: 18,810,000 yuan over 2016, 2017 and 2020, 1,235 ha treated", async () => {
    const project = await db.prisma.project.findFirstOrThrow({
      where: { nameZh: { startsWith: "水土保持" } },
      include: { outputs: true },
    });
    expect(yuan(project.totalInvestment)).toBe("18810000.00");
    expect(project.nameZh).toMatch(/2016.*2017.*2020/);
    expect(project.outputs.find((o) => o.metric === "TREATED_EROSION_AREA")?.quantity.toFixed()).toBe("1235");
  });

  it("the three embankment phases total 129,512,500 yuan with 63,010,000 completed", async () => {
    const parent = await db.prisma.project.findUniqueOrThrow({
      where: { code: "CG-FH-CBSTD" },
      include: { phases: { orderBy: { phaseNumber: "asc" } } },
    });
    expect(parent.phases.map((phase) => phase.phaseNumber)).toEqual([1, 2, 3]);
    const planned = parent.phases.reduce((sum, phase) => sum.plus(phase.totalInvestment), new Prisma.Decimal(0));
    expect(yuan(planned)).toBe("129512500.00");
    const latest = await latestProgress(
      db.prisma,
      parent.phases.map((phase) => phase.id),
    );
    const completed = parent.phases.reduce(
      (sum, phase) => sum.plus(latest.get(phase.id)?.completedInvestment ?? 0),
      new Prisma.Decimal(0),
    );
    expect(yuan(completed)).toBe("63010000.00");
    expect(
      parent.phases.map((phase) => [
        yuan(phase.totalInvestment),
        yuan(latest.get(phase.id)?.completedInvestment),
        latest.get(phase.id)?.physicalProgress?.toFixed(0),
      ]),
    ).toEqual([
      ["43375700.00", "15340000.00", "64"],
      ["35061400.00", "7870000.00", "36"],
      ["51075400.00", "39800000.00", "98"],
    ]);
    expect(parent.phases[0]?.nameZh).toContain("黄弓大桥至幸福广场外涵洞段");
    expect(parent.phases[1]?.nameZh).toContain("幸福广场外涵洞至地英段");
    expect(parent.phases[2]?.nameZh).toContain("老城城区段");
  });

  it("the ecological embankment is financed by 200,000,000 of bank loans and 60,000,000 raised by 润峰公司", async () => {
    const allocations = await db.prisma.fundAllocation.findMany({
      where: { project: { code: "CG-FH-CBSTD" } },
      include: { fund: true },
    });
    const bySource = Object.fromEntries(allocations.map((a) => [a.fund.sourceType, yuan(a.amount)]));
    expect(bySource.BANK_LOAN).toBe("200000000.00");
    expect(bySource.SELF_RAISED).toBe("60000000.00");
    const runfeng = await db.prisma.organization.findFirst({ where: { name: { contains: "润峰" } } });
    expect(runfeng).not.toBeNull();
  });

  it("the small-watershed programme's 189,000,000 funds the two embankments", async () => {
    const fund = await db.prisma.fund.findFirstOrThrow({
      where: { nameZh: { contains: "中小流域" } },
      include: { allocations: { include: { project: true } } },
    });
    expect(yuan(fund.amount)).toBe("189000000.00");
    expect(fund.allocations.map((a) => a.project.code).sort()).toEqual(["CG-FH-CBFHD", "CG-FH-CBSTD"]);
  });

  it("the flood embankment stands at about 12,980,000 yuan and 21.6%; county sewage at 32,233,600", async () => {
    const embankment = await projectFigures("CG-FH-CBFHD");
    expect(yuan(embankment.latest?.completedInvestment)).toBe("12980000.00");
    expect(embankment.latest?.physicalProgress?.toFixed(1)).toBe("21.6");
    expect(embankment.latest?.period).toBe("2020-12");
    const sewage = await projectFigures("CG-WS-XCKR");
    expect(yuan(sewage.latest?.completedInvestment)).toBe("32233600.00");
    expect(sewage.project.plannedFinish?.toISOString().slice(0, 7)).toBe("2020-12");
  });

  it("finished works show 100%; the supply network more than 92%", async () => {
    for (const code of ["CG-SL-XXSK", "CG-SL-BXSK"]) {
      expect((await projectFigures(code)).latest?.physicalProgress?.toFixed(0)).toBe("100");
    }
    expect((await projectFigures("CG-SL-BXSK")).project.status).toBe("ACCEPTED");
    expect((await projectFigures("CG-GS-GW")).latest?.physicalProgress?.toFixed(0)).toBe("92");
  });

  it("records what the projects serve and build", async () => {
    const outputs = async (code: string) =>
      Object.fromEntries(
        (await projectFigures(code)).project.outputs.map((o) => [o.metric, `${o.quantity.toFixed()} ${o.unit}`]),
      );
    expect(await outputs("CG-SL-XXSK")).toMatchObject({ WATER_SUPPLY_POPULATION: "166000 人", IRRIGATION_AREA: "2200 亩" });
    expect(await outputs("CG-YS-GGTS")).toMatchObject({
      TOWNS_COVERED: "11 个",
      BENEFICIARY_POPULATION: "121160 人",
      POOR_BENEFICIARIES: "56620 人",
    });
    expect(await outputs("CG-NT-SLSS")).toMatchObject({
      IRRIGATION_AREA: "41616 亩",
      NEW_IRRIGATION_AREA: "8240 亩",
      IMPROVED_IRRIGATION_AREA: "33376 亩",
    });
    expect(await outputs("CG-YS-SYDBH")).toMatchObject({ WATER_SOURCES_PROTECTED: "463 处", TOWNS_COVERED: "11 个" });
    expect(await outputs("CG-WS-XZPPP")).toMatchObject({
      TREATMENT_CAPACITY: "4500 吨/日",
      PIPELINE_LENGTH: "70 公里",
      TOWNS_COVERED: "10 个",
    });
    expect(await outputs("CG-WS-XCKR")).toMatchObject({ TREATMENT_CAPACITY: "5000 吨/日" });
    const sites = await db.prisma.projectSite.findMany({
      where: { project: { code: "CG-WS-XZPPP" } },
      include: { region: true },
    });
    expect(sites.map((s) => s.region.nameZh).sort()).toEqual(
      ["凯本镇", "天马镇", "客楼镇", "平庄镇", "水尾镇", "注溪镇", "龙田镇"].sort(),
    );
  });
});

/** [indicator code, region name, period, value, target or null] straight from domain.md. */
const PUBLISHED_INDICATOR_VALUES: [string, string, string, string, string | null][] = [
  ["MONITORED_HOUSEHOLDS_NEW", "荆州区", "2023", "91", null],
  ["MONITORED_PERSONS_NEW", "荆州区", "2023", "250", null],
  ["MONITORED_HOUSEHOLDS_RISK_ELIMINATED", "荆州区", "2023", "27", null],
  ["MONITORED_PERSONS_RISK_ELIMINATED", "荆州区", "2023", "92", null],
  ["MIGRANT_WORKERS_POVERTY_ESCAPED", "荆州区", "2023", "12573", "12314"],
  ["POVERTY_ESCAPED_INCOME_PER_CAPITA", "荆州区", "2023", "19372", null],
  ["POVERTY_ESCAPED_INCOME_VS_PROVINCE", "荆州区", "2023", "117", null],
  ["RURAL_SEWAGE_COVERAGE", "荆州区", "2023", "93", null],
  ["INTEGRATED_SEWAGE_STATIONS_BUILT", "荆州区", "2023", "5", null],
  ["MICRO_POWER_STATIONS_BUILT", "荆州区", "2023", "6", null],
  ["TOWNSHIP_SEWAGE_PLANTS", "荆州区", "2023", "7", null],
  ["TOWNSHIP_SEWAGE_CAPACITY", "荆州区", "2023", "67200", null],
  ["MICRO_POWER_STATIONS_MAINTAINED", "荆州区", "2023", "58", null],
  ["RURAL_TOURISM_PARKS", "荆州区", "2023", "19", null],
  ["BEAUTIFUL_TOWNS", "荆州区", "2023", "6", null],
  ["PROVINCIAL_DEMO_VILLAGES", "荆州区", "2023", "8", null],
  ["PILOT_VILLAGES", "荆州区", "2023", "22", null],
  ["RENOVATION_VILLAGES", "荆州区", "2023", "35", null],
  ["DEMO_ENTRANCE_VILLAGES", "荆州区", "2023", "9", null],
  ["ADMIN_VILLAGES", "荆州区", "2020", "87", null],
  ["VILLAGE_AUXILIARY_POLICE", "荆州区", "2020", "87", null],
  ["URBAN_RESIDENTS_COMMITTEES", "荆州区", "2020", "29", null],
  ["MEDIATION_ORGANISATIONS", "马山镇", "2023", "14", null],
  ["MEDIATORS", "马山镇", "2023", "70", null],
  ["CONSULTATION_ISSUES_RESOLVED", "凤鸣社区", "2023", "20", null],
  ["CONSULTATION_SUGGESTIONS", "凤鸣社区", "2023", "10", null],
  ["ARABLE_LAND", "吴桥村", "2020", "3081", null],
  ["RESIDENT_POPULATION", "吴桥村", "2020", "1677", null],
  ["LABOUR_FORCE", "吴桥村", "2020", "715", null],
  ["REGISTERED_POOR_HOUSEHOLDS", "吴桥村", "2020", "66", null],
  ["REGISTERED_POOR_PERSONS", "吴桥村", "2020", "231", null],
  ["FAMILY_FARMS", "吴桥村", "2020", "5", null],
  ["FAMILY_FARM_AREA", "吴桥村", "2020", "2000", null],
  ["LARGE_GROWER_HOUSEHOLDS", "吴桥村", "2020", "8", null],
  ["POOR_WORKERS_IN_VILLAGE_ENTERPRISES", "吴桥村", "2020", "34", null],
  ["POOR_WORKERS_WAGES", "吴桥村", "2020", "68000", null],
  ["RAMIE_TEXTILE_FIRMS", "荆州市", "2021", "36", null],
  ["RAMIE_TEXTILE_JOBS", "荆州市", "2021", "5200", null],
  ["RAMIE_TEXTILE_OUTPUT", "荆州市", "2021", "1540000000", null],
  ["LOCAL_JOBS_FROM_PROJECTS", "弥市镇", "2023", "40", null],
  ["VILLAGE_COLLECTIVE_INCOME", "吴桥村", "2018", "51500", null],
  ["POOR_FAMILY_INCOME_PER_CAPITA", "吴桥村", "2018", "5000", null],
  ["ARABLE_LAND", "清水村", "2019", "3800", null],
  ["POOR_HOUSEHOLDS_OUT_OF_POVERTY", "清水村", "2019", "24", null],
  ["POOR_PERSONS_OUT_OF_POVERTY", "清水村", "2019", "74", null],
  ["BRIDGES_CULVERTS_BUILT", "清水村", "2019", "4", null],
  ["CEMENT_ROAD_BUILT", "清水村", "2019", "8.9", null],
  ["FARM_ROAD_BUILT", "清水村", "2019", "4", null],
  ["STREET_LIGHTS_INSTALLED", "清水村", "2019", "142", null],
  ["GREENING_LENGTH", "清水村", "2019", "5", null],
  ["VILLAGES_OUT_OF_POVERTY", "清水村", "2017", "1", null],
  ["RURAL_SANITARY_TOILETS", "荆州市", "2020", "322600", null],
  ["RURAL_PUBLIC_TOILETS", "荆州市", "2020", "1776", null],
  ["TOWNSHIP_SEWAGE_PROJECTS", "荆州市", "2020", "104", null],
  ["GARBAGE_HARMLESS_TREATMENT_RATE", "荆州市", "2020", "98", null],
  ["PARTY_MEMBERS_IN_COMMUNITIES", "荆州经济技术开发区", "2020", "769", null],
  ["VOLUNTEER_TEAMS", "荆州经济技术开发区", "2020", "30", null],
  ["PARTY_MEMBERS_IN_COMMUNITIES", "岑巩县", "2020", "1700", null],
  ["MAJOR_PROJECTS_STARTED", "岑巩县", "2021-01", "9", null],
  ["MAJOR_PROJECTS_STARTED_INVESTMENT", "岑巩县", "2021-01", "884000000", null],
  ["WATER_FUNCTION_ZONE_COMPLIANCE", "岑巩县", "2020", "90", "90"],
  ["DRINKING_WATER_SOURCE_SAFETY", "岑巩县", "2020", "100", "100"],
  ["INDUSTRY_BASE_AREA", "天星乡", "2020", "3800", null],
  ["COCOON_PURCHASE_PRICE", "天星乡", "2020", "40", null],
  ["VILLAGES_OUT_OF_POVERTY", "背鹅村", "2019", "1", null],
  ["STREET_LIGHTS_INSTALLED", "背鹅村", "2020", "176", null],
];

describe("published indicator values [seeds/000–004]", () => {
  it.each(PUBLISHED_INDICATOR_VALUES)("%s for %s in %s is %s", async (code, regionName, period, value, target) => {
    const found = await db.prisma.indicatorValue.findFirstOrThrow({
      where: { indicator: { code }, region: { nameZh: regionName }, period },
    });
    expect(found.value.toFixed()).toBe(value);
    expect(found.target?.toFixed() ?? null).toBe(target);
  });

  it("Jingzhou District's migrant workers reached 102.1% of the target", async () => {
    const found = await db.prisma.indicatorValue.findFirstOrThrow({
      where: { indicator: { code: "MIGRANT_WORKERS_POVERTY_ESCAPED" } },
    });
    expect(found.value.dividedBy(found.target!).times(100).toFixed(1)).toBe("102.1");
  });
});

describe("Jingzhou District funds, 2019–2023 [seeds/002]", () => {
  it("bridging funds of about 497,000,000, graded A, at least 65% to industry projects", async () => {
    const fund = await db.prisma.fund.findFirstOrThrow({
      where: { sourceType: "CENTRAL_BRIDGING", region: { nameZh: "荆州区" } },
      include: { allocations: { include: { project: { include: { category: true } } } }, evaluations: true },
    });
    expect(yuan(fund.amount)).toBe("497000000.00");
    // The grade comes from its evaluation record: the province's check of 2023.
    expect(fund.performanceGrade).toBe("A");
    expect(fund.evaluations.map((e) => [e.year, e.grade, e.sourceKind])).toEqual([[2023, "A", "DERIVED"]]);
    expect([fund.startYear, fund.year]).toEqual([2019, 2023]);
    const industry = fund.allocations
      .filter((a) => a.project.category.isIndustry)
      .reduce((sum, a) => sum.plus(a.amount), new Prisma.Decimal(0));
    expect(industry.dividedBy(fund.amount).greaterThanOrEqualTo("0.65")).toBe(true);
  });

  it.each([
    ["SOCIAL_CAPITAL", "1000000000.00"],
    ["INDUSTRY_SUBSIDY", "220000.00"],
    ["POVERTY_MICROCREDIT", "18479000.00"],
  ] as const)("%s: %s yuan", async (sourceType, amount) => {
    const fund = await db.prisma.fund.findFirstOrThrow({ where: { sourceType, region: { nameZh: "荆州区" } } });
    expect(yuan(fund.amount)).toBe(amount);
  });

  it("the provincial assessment graded the district 好, and Songzi was named an advanced county", async () => {
    const district = await db.prisma.assessment.findFirstOrThrow({ where: { region: { nameZh: "荆州区" }, year: 2023 } });
    expect(district.grade).toBe("好");
    const songzi = await db.prisma.assessment.findFirstOrThrow({ where: { region: { nameZh: "松滋市" } } });
    expect(songzi.scheme).toContain("村庄清洁");
  });

  it("Wuqiao's seedling cooperative was founded in 2017 with 600,000 of poverty project funds", async () => {
    const allocation = await db.prisma.fundAllocation.findFirstOrThrow({
      where: { project: { region: { nameZh: "吴桥村" } } },
      include: { fund: true },
    });
    expect(yuan(allocation.amount)).toBe("600000.00");
    expect(allocation.fund.year).toBe(2017);
  });

  it("the resettlement housing has 342 flats for 282 households", async () => {
    const outputs = await db.prisma.projectOutput.findMany({ where: { project: { category: { code: "HOUSING" } } } });
    expect(Object.fromEntries(outputs.map((o) => [o.metric, o.quantity.toFixed()]))).toEqual({
      HOUSING_UNITS: "342",
      HOUSEHOLDS: "282",
    });
  });
});

describe("consultation and village cleaning [seeds/002, 001, 000]", () => {
  it("凤鸣社区's records behind the published counts: 20 problems solved and 10 suggestions in 2023", async () => {
    const topics = await db.prisma.consultationTopic.findMany({
      where: { region: { nameZh: "凤鸣社区" }, raisedOn: { gte: new Date("2023-01-01"), lt: new Date("2024-01-01") } },
    });
    expect(topics.filter((t) => t.kind === "ISSUE" && t.status === "CLOSED")).toHaveLength(20);
    expect(topics.filter((t) => t.kind === "SUGGESTION")).toHaveLength(10);
    expect(topics.map((t) => t.title)).toEqual(expect.arrayContaining(["小区车辆乱停放", "夜间噪音扰民"]));
    // Every record says whether it is published or illustrative.
    expect(topics.every((t) => t.recordSource?.includes("《创建协商议事平台"))).toBe(true);
  });

  it("沙市花园小区's three-party meeting has 东苑社区, 楚阳物业 and the owners' committee at the table", async () => {
    const meeting = await db.prisma.consultationMeeting.findFirstOrThrow({
      where: { kind: "THREE_PARTY" },
      include: { participants: true, region: true },
    });
    expect(meeting.region.nameZh).toBe("东苑社区");
    expect(meeting.participants.map((p) => [p.role, p.name])).toEqual(
      expect.arrayContaining([
        ["COMMUNITY", "东苑社区"],
        ["PROPERTY_COMPANY", "楚阳物业管理有限公司（赵经理）"],
        ["OWNERS_COMMITTEE", "沙市花园小区业主委员会"],
      ]),
    );
  });

  it("a year of Jingzhou District's illustrative inspections: eight villages monthly, and June's tour", async () => {
    const campaign = await db.prisma.cleaningCampaign.findFirstOrThrow({
      where: { name: "荆州区2026年村庄清洁行动" },
      include: { items: { orderBy: { position: "asc" } }, inspections: true },
    });
    expect(campaign.items.map((item) => item.nameZh)).toEqual(["扫干净", "拆通透", "码整齐", "改旱厕", "清沟渠", "栽满绿"]);
    expect(campaign.inspections).toHaveLength(8 * 11 + 8);
    expect(new Set(campaign.inspections.map((i) => i.regionId)).size).toBe(8);
    expect(campaign.inspections.filter((i) => i.kind === "COMPETITION")).toHaveLength(8);
    expect(campaign.inspections.every((i) => i.recordSource?.startsWith("示例数据"))).toBe(true);
    expect(campaign.source).toContain("《全国村庄清洁行动先进县表彰名单出炉");
  });
});

describe("the administrative tree", () => {
  it("holds every town and village the articles name under the right parent", async () => {
    const expectations: [string, string][] = [
      ["背鹅村", "平庄镇"],
      ["天星乡", "岑巩县"],
      ["岑巩县", "黔东南苗族侗族自治州"],
      ["吴桥村", "黄歇口镇"],
      ["黄歇口镇", "监利市"],
      ["清水村", "新沟镇"],
      ["张新场村", "川店镇"],
      ["紫荆村", "川店镇"],
      ["双店村", "川店镇"],
      ["应市村", "川店镇"],
      ["网新村", "李埠镇"],
      ["天鹅村", "李埠镇"],
      ["双垱村", "马山镇"],
      ["新湾村", "八岭山镇"],
      ["凤鸣社区", "郢城镇"],
      ["东苑社区", "朝阳街道"],
      ["朝阳街道", "沙市区"],
      ["弥市镇", "荆州区"],
      ["东城街道", "荆州区"],
      ["西城街道", "荆州区"],
      ["荆州经济技术开发区", "荆州市"],
      ["松滋市", "荆州市"],
    ];
    for (const [child, parent] of expectations) {
      const region = await db.prisma.region.findFirstOrThrow({ where: { nameZh: child }, include: { parent: true } });
      expect(region.parent?.nameZh, child).toBe(parent);
    }
  });

  it("answers 'everything under Cengong County' from the path column", async () => {
    const cengong = await db.prisma.region.findFirstOrThrow({ where: { nameZh: "岑巩县" } });
    const subtree = await db.prisma.region.findMany({ where: { path: { has: cengong.id } } });
    // "全县12个乡镇（街道）" [seeds/003]: eleven towns and townships and 灞水街道.
    expect(subtree.filter((r) => r.level === "TOWNSHIP")).toHaveLength(12);
    expect(subtree.map((r) => r.nameZh)).toContain("背鹅村");
    expect(subtree.every((r) => r.code.startsWith("522626"))).toBe(true);
  });

  it("uses official codes down to the county and flags generated ones below", async () => {
    expect((await db.prisma.region.findFirstOrThrow({ where: { nameZh: "岑巩县" } })).code).toBe("522626000000");
    expect((await db.prisma.region.findFirstOrThrow({ where: { nameZh: "荆州区" } })).code).toBe("421003000000");
    const generated = await db.prisma.region.findMany({ where: { level: { in: ["TOWNSHIP", "VILLAGE"] } } });
    expect(generated.every((r) => !r.codeIsOfficial && /^\d{12}$/.test(r.code))).toBe(true);
  });
});

describe("monthly progress histories", () => {
  it("never fall from one month to the next", async () => {
    const falls = await db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM (
        SELECT completed_investment < lag(completed_investment) OVER w AS fell_money,
               physical_progress < lag(physical_progress) OVER w AS fell_progress
          FROM progress_report WINDOW w AS (PARTITION BY project_id ORDER BY period_start)
      ) steps WHERE fell_money OR fell_progress`;
    expect(Number(falls[0]?.count)).toBe(0);
  });

  it("are monthly and without gaps", async () => {
    const gaps = await db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM (
        SELECT period_start - (lag(period_end) OVER (PARTITION BY project_id ORDER BY period_start)) AS gap
          FROM progress_report WHERE period ~ '^\\d{4}-\\d{2}$'
      ) steps WHERE gap <> 1`;
    expect(Number(gaps[0]?.count)).toBe(0);
    expect(await db.prisma.progressReport.count({ where: { NOT: { period: { contains: "-" } } } })).toBe(0);
  });
});

describe("the indicators an analyst reads", () => {
  it("are all described: the catalogue's and the computed ones alike", async () => {
    const indicators = await db.prisma.indicator.findMany({ select: { code: true, description: true } });
    expect(indicators.length).toBeGreaterThanOrEqual(63);
    expect(indicators.filter((indicator) => !indicator.description?.trim()).map((indicator) => indicator.code)).toEqual([]);
  });
});

describe("where each demo figure comes from", () => {
  /** The tables that cite a source (a text `source` column), and those that say its kind. */
  async function tablesWith(column: string, dataType?: string): Promise<string[]> {
    const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = ${column}
         AND (${dataType ?? null}::text IS NULL OR data_type = ${dataType ?? null})`;
    return rows.map((row) => row.table_name).sort();
  }

  it("is said by every table that cites a source", async () => {
    const citing = [...(await tablesWith("source", "text")), ...(await tablesWith("record_source"))];
    expect(citing.length).toBeGreaterThanOrEqual(19);
    const saying = await tablesWith("source_kind");
    expect(citing.filter((table) => !saying.includes(table))).toEqual([]);
    expect(saying).toEqual(expect.arrayContaining(["progress_report", "fund_allocation"]));
  });

  it("is published, derived or illustrative on every demo record", async () => {
    const missing: string[] = [];
    for (const table of await tablesWith("source_kind")) {
      const [row] = await db.prisma.$queryRawUnsafe<{ total: bigint; unsaid: bigint }[]>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE source_kind IS NULL) AS unsaid FROM "${table}"`,
      );
      if (Number(row!.unsaid) > 0) missing.push(`${table}: ${row!.unsaid} of ${row!.total}`);
    }
    expect(missing).toEqual([]);
  });

  it("keeps published figures published, made-up ones illustrative and computed ones derived", async () => {
    const kindOf = async (code: string) => (await db.prisma.project.findUniqueOrThrow({ where: { code } })).sourceKind;
    // Phase 1 of the Chengbei ecological embankment: 43,375,700 / 15,340,000 / 64% [seeds/003].
    expect(await kindOf("CG-FH-CBSTD-1")).toBe("PUBLISHED");
    // Xiaxi reservoir: "built", so its completed investment is taken as its total.
    expect(await kindOf("CG-SL-XXSK")).toBe("DERIVED");
    // Jingzhou District's project amounts are not published.
    expect(await kindOf("JZQ-LY-TLG")).toBe("ILLUSTRATIVE");
    // A park no article names says that it is made up, not only its amounts.
    const park = await db.prisma.project.findUniqueOrThrow({ where: { code: "JZQ-CY-CDCYY" } });
    expect(park.sourceKind).toBe("ILLUSTRATIVE");
    expect(park.source).toContain("项目为示意");
    const phase = await db.prisma.project.findUniqueOrThrow({
      where: { code: "CG-FH-CBSTD-1" },
      include: { progressReports: true },
    });
    const months = phase.progressReports.sort((a, b) => a.periodEnd.getTime() - b.periodEnd.getTime());
    expect(months.at(-1)!.sourceKind).toBe("PUBLISHED");
    expect(months.slice(0, -1).every((month) => month.sourceKind === "ILLUSTRATIVE")).toBe(true);
    const wuqiaoPoor = await db.prisma.indicatorValue.findFirstOrThrow({
      where: { indicator: { code: "REGISTERED_POOR_HOUSEHOLDS" }, region: { nameZh: "吴桥村" } },
    });
    expect(wuqiaoPoor.sourceKind).toBe("PUBLISHED");
  });
});
