import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { fromDatabaseError } from "../common/errors.js";
import { createContext } from "../context.js";
import { Prisma } from "../generated/prisma/client.js";
import { schema } from "../schema/index.js";

/**
 * The tree over time as a district's admin keeps it: a town merged into another on New Year's Day
 * (撤并), a village moved (改隶), a town renamed (更名) and a village added (新设); the county's
 * figures by town, as the tree stands today and as it stood then.
 */
let db: TestDatabase;
let admin: Authenticated;
let editor: Authenticated;
let countyViewer: Authenticated;
/** 荆州区: its towns and villages have projects of their own (Cengong's are the county's). */
const DISTRICT = "421003000000";

interface Town {
  id: number;
  code: string;
  nameZh: string;
  path: number[];
}
/** The two towns with the most completed investment in `year`, the year before the merger. */
let merged: Town;
let successor: Town;
let year: number;
const MERGED_ON = () => `${year + 1}-01-01`;

beforeAll(async () => {
  db = await openTestDatabase("demo");
  const county = await db.prisma.region.findUniqueOrThrow({ where: { code: DISTRICT } });
  admin = granted("ADMIN", county);
  editor = granted("EDITOR", county);
  countyViewer = await demoUser(db.prisma, "jingzhou.analyst");
  // Read as the owner, from the kept month rows: the towns and year with figures to tell apart.
  const rows = await db.prisma.$queryRaw<{ town: number; year: number; completed: Prisma.Decimal }[]>`
    SELECT x.path[4] AS town, extract(year FROM k.month)::int AS year, sum(k.completed_delta) AS completed
      FROM region_month_figures k JOIN region x ON x.id = k.region_id
     WHERE k.own AND NOT k.approved_only AND x.path @> ARRAY[${county.id}::int] AND x.level >= 'TOWNSHIP'
       AND k.month < date '2025-01-01'
     GROUP BY 1, 2 HAVING sum(k.completed_delta) > 0
     ORDER BY 2 DESC, 3 DESC`;
  year = rows[0]!.year;
  const [first, second] = rows.filter((row) => row.year === year);
  expect(second, `two of the district's towns with figures in ${year}`).toBeDefined();
  const towns = await db.prisma.region.findMany({ where: { id: { in: [first!.town, second!.town] } } });
  merged = towns.find((town) => town.id === second!.town)!;
  successor = towns.find((town) => town.id === first!.town)!;
});
afterAll(async () => {
  await db?.close();
});

interface Row {
  region: { code: string } | null;
  nameZh: string | null;
  ceasedOn: string | null;
  completedInvestment: string;
  plannedInvestment: string;
}

async function byTown(tree: "TODAY" | "THEN", forYear: number, as: Authenticated = countyViewer) {
  const outcome = await tryGraphql<{ region: { investmentByChild: Row[] } }>(
    db.prisma,
    `query($year: Int!, $tree: TreeView!) { region(code: "${DISTRICT}") {
       investmentByChild(year: $year, tree: $tree) { region { code } nameZh ceasedOn completedInvestment plannedInvestment } } }`,
    { year: forYear, tree },
    as,
  );
  expect(outcome.message).toBeUndefined();
  const rows = outcome.data!.region.investmentByChild;
  const of = (code: string) => rows.find((row) => row.region?.code === code);
  const total = rows.reduce((sum, row) => sum.plus(row.completedInvestment), new Prisma.Decimal(0));
  return { rows, of, total };
}

const MERGE = `mutation($code: String!, $into: String!, $on: Date!, $basis: String!) {
  mergeRegion(code: $code, intoCode: $into, effectiveOn: $on, basis: $basis) {
    code validTo successor { code } parent { code } history { kind effectiveOn oldParent { code } newParent { code } basis } } }`;

/** A user with one grant on a real region (not stored: the tests count the audit). */
function granted(role: "VIEWER" | "EDITOR" | "ADMIN", region: Town): Authenticated {
  const now = new Date();
  return {
    user: {
      id: 0,
      username: `test.${role.toLowerCase()}`,
      displayName: `Test ${role} of ${region.code}`,
      passwordHash: "",
      passwordChangedAt: now,
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: now,
      grants: [{ role, region: { id: region.id, code: region.code, path: region.path } }],
    },
    session: { id: 0, tokenHash: "", userId: 0, kind: "BEARER", label: null, createdAt: now, expiresAt: now, revokedAt: null },
  } as Authenticated;
}

async function projectsOf(town: Town, as: Authenticated): Promise<string[]> {
  const outcome = await tryGraphql<{ projects: { edges: { node: { code: string; region: { code: string } } }[] } }>(
    db.prisma,
    `query($code: String!) { projects(regionCode: $code, first: 200) { edges { node { code region { code } } } } }`,
    { code: town.code },
    as,
  );
  return (outcome.data?.projects.edges ?? []).map((edge) => edge.node.code).sort();
}

describe("the tree over time", () => {
  it("refuses a merger by field, in Chinese, when it is not the county admin's or does not fit", async () => {
    const vars = { code: merged.code, into: successor.code, on: MERGED_ON(), basis: "黔府函〔测试〕1号" };
    const byEditor = await tryGraphql(db.prisma, MERGE, vars, editor);
    expect(byEditor.code).toBe("FORBIDDEN");
    expect(byEditor.issues).toEqual(["code"]);

    const future = await tryGraphql(db.prisma, MERGE, { ...vars, on: "2099-01-01" }, admin);
    expect(future.code).toBe("BAD_USER_INPUT");
    expect(future.zh?.issues.effectiveOn).toMatch(/^不能晚于今天/);

    const itself = await tryGraphql(db.prisma, MERGE, { ...vars, into: merged.code, basis: " " }, admin);
    expect(itself.issues?.sort()).toEqual(["basis", "intoCode"]);
    expect(itself.zh?.issues.intoCode).toBe("不能并入自身");

    const village = await db.prisma.region.findFirstOrThrow({ where: { parentId: successor.id, level: "VILLAGE" } });
    const notSibling = await tryGraphql(db.prisma, MERGE, { ...vars, into: village.code }, admin);
    expect(notSibling.zh?.issues.intoCode).toContain("只能并入同一上级之下的同级地区");

    const county = await tryGraphql(db.prisma, MERGE, { ...vars, code: DISTRICT }, admin);
    expect(county.zh?.issues.code).toBe("只有乡镇和村（社区）可以新设、更名、改隶或撤并；荆州区是县级");
    // Nothing was written by any of them.
    expect(await db.prisma.regionChange.count()).toBe(0);
  });

  it("merges a town on a day: as today its past counts in its successor, as then apart, with equal totals", async () => {
    const before = await byTown("TODAY", year);
    const mergedBefore = before.of(merged.code)!;
    const successorBefore = before.of(successor.code)!;
    expect(new Prisma.Decimal(mergedBefore.completedInvestment).gt(0)).toBe(true);
    const mergedProjects = await projectsOf(merged, countyViewer);
    expect(mergedProjects.length).toBeGreaterThan(0);
    // A viewer of the successor town: what its own staff read.
    const successorStaff = granted("VIEWER", successor);
    const successorReadBefore = await projectsOf(successor, successorStaff);
    // The successor's staff cannot read the other town's projects before the merger.
    expect(await projectsOf(merged, successorStaff)).toEqual([]);
    const villages = await db.prisma.region.findMany({ where: { parentId: merged.id }, select: { code: true } });

    const outcome = await tryGraphql<{ mergeRegion: Record<string, unknown> }>(
      db.prisma,
      MERGE,
      { code: merged.code, into: successor.code, on: MERGED_ON(), basis: "黔府函〔测试〕1号" },
      admin,
    );
    expect(outcome.message).toBeUndefined();
    expect(outcome.data!.mergeRegion).toMatchObject({
      code: merged.code,
      validTo: MERGED_ON(),
      successor: { code: successor.code },
      parent: { code: successor.code },
      history: [{ kind: "MERGED", effectiveOn: MERGED_ON(), oldParent: { code: DISTRICT }, newParent: { code: successor.code } }],
    });
    // Its villages moved to the successor the same day, each with its own change.
    const moved = await db.prisma.region.findMany({ where: { code: { in: villages.map((v) => v.code) } } });
    expect(moved.every((village) => village.parentId === successor.id)).toBe(true);
    expect(await db.prisma.regionChange.count({ where: { kind: "MOVED", oldParentId: merged.id } })).toBe(villages.length);

    // As today: the successor holds both towns' year; the merged town has no row of its own.
    const today = await byTown("TODAY", year);
    expect(today.of(merged.code)).toBeUndefined();
    expect(today.of(successor.code)!.completedInvestment).toBe(
      new Prisma.Decimal(mergedBefore.completedInvestment).plus(successorBefore.completedInvestment).toFixed(),
    );
    expect(today.total.toFixed()).toBe(before.total.toFixed());
    // As then: the year before the merger reads as it did before it.
    const then = await byTown("THEN", year);
    expect(then.of(merged.code)).toMatchObject({
      completedInvestment: mergedBefore.completedInvestment,
      plannedInvestment: mergedBefore.plannedInvestment,
      ceasedOn: MERGED_ON(),
      nameZh: merged.nameZh,
    });
    expect(then.of(successor.code)!.completedInvestment).toBe(successorBefore.completedInvestment);
    expect(then.total.toFixed()).toBe(before.total.toFixed());
    expect(then.rows.map((row) => row.region?.code ?? null)).toEqual(before.rows.map((row) => row.region?.code ?? null));
    // After the merger the merged town is in neither tree; both views agree.
    const after = await byTown("THEN", year + 1);
    expect(after.of(merged.code)).toBeUndefined();
    expect(after.rows).toEqual((await byTown("TODAY", year + 1)).rows);

    // Row-level security follows today's tree: the successor's staff now read the projects of
    // the merged town's villages, which keep their own regions.
    const readAfter = await projectsOf(successor, successorStaff);
    expect(readAfter).toEqual(expect.arrayContaining(mergedProjects));
    expect(readAfter.length).toBe(successorReadBefore.length + mergedProjects.length);
    // The tree lists the successor, not the merged town, unless asked.
    const children = await tryGraphql<{ region: { children: { code: string }[]; all: { code: string }[] } }>(
      db.prisma,
      `{ region(code: "${successor.code}") { children { code } all: children(includeCeased: true) { code } } }`,
      {},
      countyViewer,
    );
    expect(children.data!.region.children.map((c) => c.code)).not.toContain(merged.code);
    expect(children.data!.region.all.map((c) => c.code)).toContain(merged.code);
  });

  it("refuses to change a merged town again, or to date a change before the last", async () => {
    const again = await tryGraphql(
      db.prisma,
      MERGE,
      { code: merged.code, into: successor.code, on: MERGED_ON(), basis: "重复提交" },
      admin,
    );
    expect(again.zh?.issues.code).toBe(`${merged.nameZh}已于 ${MERGED_ON()} 并入${successor.nameZh}，不再调整`);
    // One of the villages that moved with it, moved again on a day before that move.
    const fromMerged = await db.prisma.regionChange.findFirstOrThrow({ where: { kind: "MOVED", oldParentId: merged.id } });
    const village = await db.prisma.region.findUniqueOrThrow({ where: { id: fromMerged.regionId } });
    const third = await db.prisma.region.findFirstOrThrow({
      where: { parent: { code: DISTRICT }, level: "TOWNSHIP", validTo: null, id: { notIn: [merged.id, successor.id] } },
    });
    const early = await tryGraphql(
      db.prisma,
      `mutation($on: Date!) { moveRegion(code: "${village.code}", parentCode: "${third.code}", effectiveOn: $on, basis: "测试") { code } }`,
      { on: `${year}-06-30` },
      admin,
    );
    expect(early.zh?.issues.effectiveOn).toBe(
      `生效日期 ${year}-06-30 早于${village.nameZh}上一次调整（${MERGED_ON()}）：区划调整须按时间先后登记`,
    );
  });

  it("takes no new record in the merged town: refused by field, in Chinese, pointing to its successor", async () => {
    const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { code region { code } } }`;
    const input = (regionCode: string, code: string) => ({
      code,
      nameZh: "合并后新建的测试项目",
      regionCode,
      categoryCode: "FLOOD_CONTROL",
      status: "PLANNED",
      totalInvestment: "1000000",
    });
    const before = await db.prisma.project.count({ where: { regionId: merged.id } });
    const refused = await tryGraphql(db.prisma, CREATE, { input: input(merged.code, "TEST-MERGED-1") }, editor);
    expect(refused.zh?.issues.regionCode).toBe(
      `${merged.nameZh}（${merged.code}）已于 ${MERGED_ON()} 并入${successor.nameZh}，不再录入新记录：请在${successor.nameZh}（${successor.code}）录入`,
    );
    expect(await db.prisma.project.count({ where: { regionId: merged.id } })).toBe(before);
    const made = await tryGraphql<{ createProject: { code: string; region: { code: string } } }>(
      db.prisma,
      CREATE,
      { input: input(successor.code, "TEST-MERGED-2") },
      editor,
    );
    expect(made.message).toBeUndefined();
    expect(made.data!.createProject.region.code).toBe(successor.code);
    // Nor may a record be moved into it.
    await expect(db.prisma.project.update({ where: { code: "TEST-MERGED-2" }, data: { regionId: merged.id } })).rejects.toSatisfy(
      (error) => fromDatabaseError(error)?.reason === "REGION_CEASED_TAKES_NO_RECORDS",
    );
  });

  it("renames, adds and moves: the tree as then keeps the old name and the old parent", async () => {
    const county = await db.prisma.region.findUniqueOrThrow({ where: { code: DISTRICT } });
    const renamedOn = `${year + 1}-03-01`;
    const renamed = await tryGraphql<{ renameRegion: { nameZh: string; history: { kind: string; oldNameZh: string | null }[] } }>(
      db.prisma,
      `mutation($code: String!, $on: Date!) { renameRegion(code: $code, nameZh: "新合镇", nameEn: "Xinhe Town", effectiveOn: $on, basis: "黔府函〔测试〕2号") {
         nameZh history { kind oldNameZh } } }`,
      { code: successor.code, on: renamedOn },
      admin,
    );
    expect(renamed.message).toBeUndefined();
    expect(renamed.data!.renameRegion.nameZh).toBe("新合镇");
    expect(renamed.data!.renameRegion.history.at(-1)).toEqual({ kind: "RENAMED", oldNameZh: successor.nameZh });
    expect((await byTown("THEN", year)).of(successor.code)!.nameZh).toBe(successor.nameZh);
    expect((await byTown("TODAY", year)).of(successor.code)!.nameZh).toBe("新合镇");

    // A village set up under the renamed town, with a code never used before.
    const taken = await tryGraphql(
      db.prisma,
      `mutation($on: Date!) { addRegion(parentCode: "${successor.code}", code: "${merged.code}", kind: VILLAGE, nameZh: "新村", nameEn: "Xin Village", effectiveOn: $on, basis: "测试") { code } }`,
      { on: renamedOn },
      admin,
    );
    expect(taken.zh?.issues.code).toBe(`区划代码为 ${merged.code} 的地区已存在`);
    const freeCode = `${successor.code.slice(0, 9)}999`;
    const added = await tryGraphql<{ addRegion: { code: string; level: string; validFrom: string; parent: { code: string } } }>(
      db.prisma,
      `mutation($on: Date!) { addRegion(parentCode: "${successor.code}", code: "${freeCode}", kind: VILLAGE, nameZh: "新村", nameEn: "Xin Village", effectiveOn: $on, basis: "黔府函〔测试〕3号") {
         code level validFrom parent { code } } }`,
      { on: renamedOn },
      admin,
    );
    expect(added.message).toBeUndefined();
    expect(added.data?.addRegion).toEqual({
      code: freeCode,
      level: "VILLAGE",
      validFrom: renamedOn,
      parent: { code: successor.code },
    });

    // One of the merged town's old villages moves to a third town: as then, it stays where it was.
    const third = await db.prisma.region.findFirstOrThrow({
      where: { parentId: county.id, level: "TOWNSHIP", validTo: null, id: { notIn: [merged.id, successor.id] } },
    });
    const fromMerged = await db.prisma.regionChange.findFirstOrThrow({ where: { kind: "MOVED", oldParentId: merged.id } });
    const village = await db.prisma.region.findUniqueOrThrow({ where: { id: fromMerged.regionId } });
    const movedOn = `${year + 1}-04-01`;
    const move = await tryGraphql<{ moveRegion: { parent: { code: string } } }>(
      db.prisma,
      `mutation($on: Date!) { moveRegion(code: "${village.code}", parentCode: "${third.code}", effectiveOn: $on, basis: "黔府函〔测试〕4号") { parent { code } } }`,
      { on: movedOn },
      admin,
    );
    expect(move.data?.moveRegion.parent.code).toBe(third.code);
    const tree = (on: string) =>
      db.prisma.$queryRaw<{ id: number; path: number[] }[]>`SELECT id, path FROM revita_tree_on(${county.id}::int, ${on}::date)`;
    const pathOn = async (on: string) => (await tree(on)).find((row) => row.id === village.id)?.path;
    expect(await pathOn(`${year}-12-31`)).toEqual([county.id, merged.id, village.id]);
    expect(await pathOn(`${year + 1}-03-31`)).toEqual([county.id, successor.id, village.id]);
    expect(await pathOn(movedOn)).toEqual([county.id, third.id, village.id]);
    // The new village did not exist before its day; the merged town not after its own.
    const newVillage = await db.prisma.region.findUniqueOrThrow({ where: { code: freeCode } });
    const february = (await tree(`${year + 1}-02-28`)).map((row) => row.id);
    expect(february).not.toContain(newVillage.id);
    expect(february).not.toContain(merged.id);
    expect((await tree(renamedOn)).map((row) => row.id)).toContain(newVillage.id);
  });

  it("is refused by row-level security too, with the API's rules off, for an editor who is no admin", async () => {
    const changes = await db.prisma.regionChange.count();
    const third = await db.prisma.region.findFirstOrThrow({
      where: { parent: { code: DISTRICT }, level: "TOWNSHIP", validTo: null, id: { notIn: [merged.id, successor.id] } },
    });
    const result = await graphql({
      schema,
      source: `mutation { renameRegion(code: "${third.code}", nameZh: "越权镇", nameEn: "Yuequan Town", effectiveOn: "${year + 1}-06-01", basis: "越权") { code } }`,
      contextValue: createContext(db.prisma, editor, { apiRules: false }),
    });
    expect(result.errors?.length).toBe(1);
    expect(await db.prisma.regionChange.count()).toBe(changes);
    expect((await db.prisma.region.findUniqueOrThrow({ where: { id: third.id } })).nameZh).toBe(third.nameZh);
  });

  it("keeps the history as written: not even a county admin's request may rewrite it", async () => {
    const context = createContext(db.prisma, admin);
    const refusal = await context
      .transaction((tx) => tx.regionChange.updateMany({ data: { basis: "改写" } }))
      .then(() => undefined, fromDatabaseError);
    expect(refusal?.code).toBe("FORBIDDEN");
    expect(refusal?.localized("zh-CN").message).toBe("数据库不允许这样修改region change");
    expect(await db.prisma.regionChange.count({ where: { basis: "改写" } })).toBe(0);
  });
});
