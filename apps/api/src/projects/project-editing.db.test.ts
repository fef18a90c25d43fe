import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";

let db: TestDatabase;
let editor: Authenticated;
let viewer: Authenticated;
let outsider: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
  viewer = await demoUser(db.prisma, "cengong.viewer");
  outsider = await demoUser(db.prisma, "jingzhou.analyst");
});
afterAll(async () => {
  await db?.close();
});

/** The ecological embankment's third phase: reported 2020-12 at 39,800,000 yuan and 98%. */
const PHASE = "CG-FH-CBSTD-3";

const CORRECT = `mutation($input: CorrectProgressInput!, $key: String) {
  correctProgressReport(input: $input, idempotencyKey: $key) {
    period completedInvestment physicalProgress correctionReason version
    earlierVersions { version completedInvestment physicalProgress reportedBy supersededBy }
  } }`;
type Corrected = {
  correctProgressReport: {
    version: number;
    completedInvestment: string;
    earlierVersions: { version: number; completedInvestment: string | null; supersededBy: string | null }[];
  };
};

const correct = (input: Record<string, unknown>, key?: string, as = editor) =>
  tryGraphql<Corrected>(db.prisma, CORRECT, { input: { projectCode: PHASE, period: "2020-12", ...input }, key }, as);

const reportOf = (period: string) => db.prisma.progressReport.findFirstOrThrow({ where: { project: { code: PHASE }, period } });

describe("correcting a progress report", () => {
  it("makes the correction the report's next version and keeps the replaced figures", async () => {
    const before = await reportOf("2020-12");
    expect(before.version).toBe(1);
    const done = await correct({
      expectedVersion: 1,
      completedInvestment: "39850000.50",
      physicalProgress: "98",
      correctionReason: "财政局复核：漏计一笔监理费",
    });
    expect(done.message).toBeUndefined();
    expect(done.data?.correctProgressReport).toMatchObject({ version: 2, completedInvestment: "39850000.5" });
    expect(done.data?.correctProgressReport.earlierVersions).toEqual([
      expect.objectContaining({
        version: 1,
        completedInvestment: before.completedInvestment?.toFixed(2),
        supersededBy: "user:cengong.editor",
      }),
    ]);
  });

  it("refuses a correction made from a version someone else has since replaced, and changes nothing", async () => {
    const before = await reportOf("2020-12");
    const stale = await correct({ expectedVersion: 1, completedInvestment: "1", correctionReason: "typo" });
    expect(stale.code).toBe("CONFLICT");
    expect(stale.issues).toEqual(["expectedVersion"]);
    expect(stale.message).toContain(`you edited version 1, it is now at version ${before.version}`);
    expect(await reportOf("2020-12")).toEqual(before);
  });

  it("needs a reason, names each bad field, and refuses a period never reported", async () => {
    const noReason = await correct({ expectedVersion: 2, completedInvestment: "60000000", correctionReason: "  " });
    expect(noReason.code).toBe("BAD_USER_INPUT");
    expect(noReason.issues).toEqual(["correctionReason", "completedInvestment"]);
    const missing = await correct({ period: "2016-07", expectedVersion: 1, physicalProgress: "5", correctionReason: "x" });
    expect(missing.issues).toEqual(["period"]);
    expect(missing.message).toContain("has no progress report for 2016-07");
  });

  it("applies a retried correction once, and refuses the same key for a different one", async () => {
    const current = await reportOf("2020-12");
    const input = { expectedVersion: current.version, physicalProgress: "97.5", correctionReason: "监理复核" };
    const first = await correct(input, "retry-correction-0001");
    const retry = await correct(input, "retry-correction-0001");
    expect(first.message).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect((await reportOf("2020-12")).version).toBe(current.version + 1);
    const reused = await correct({ ...input, physicalProgress: "90" }, "retry-correction-0001");
    expect(reused.code).toBe("CONFLICT");
    expect(reused.issues).toEqual(["idempotencyKey"]);
  });

  it("is refused to a viewer and outside the editor's regions", async () => {
    const current = await reportOf("2020-12");
    const byViewer = await correct(
      { expectedVersion: current.version, physicalProgress: "1", correctionReason: "x" },
      undefined,
      viewer,
    );
    expect(byViewer.code).toBe("FORBIDDEN");
    expect(await reportOf("2020-12")).toEqual(current);
  });
});

const UPDATE = `mutation($input: UpdateProjectInput!, $key: String) {
  updateProject(input: $input, idempotencyKey: $key) { code nameZh description totalInvestment plannedFinish version } }`;
type Updated = { updateProject: { nameZh: string; version: number } };
const update = (input: Record<string, unknown>, as = editor) =>
  tryGraphql<Updated>(db.prisma, UPDATE, { input: { code: "CG-SL-XXSK", ...input } }, as);

describe("editing a project", () => {
  it("changes only the fields given, and refuses the second of two edits made from the same version", async () => {
    const loaded = await db.prisma.project.findUniqueOrThrow({ where: { code: "CG-SL-XXSK" } });
    const auditBefore = await db.prisma.auditEntry.count({ where: { tableName: "project", recordKey: String(loaded.id) } });
    // Saving what is already there changes nothing, not even the version.
    const same = await update({ expectedVersion: loaded.version, nameZh: loaded.nameZh });
    expect(same.data?.updateProject.version).toBe(loaded.version);
    const first = await update({ expectedVersion: loaded.version, description: "汛期前完成除险加固" });
    expect(first.message).toBeUndefined();
    expect(first.data?.updateProject).toMatchObject({
      nameZh: loaded.nameZh,
      description: "汛期前完成除险加固",
      version: loaded.version + 1,
    });
    const second = await update({ expectedVersion: loaded.version, nameZh: "改了名字的水库" });
    expect(second.code).toBe("CONFLICT");
    const after = await db.prisma.project.findUniqueOrThrow({ where: { code: "CG-SL-XXSK" } });
    expect(after.nameZh).toBe(loaded.nameZh);
    // Only the accepted edit is in the audit, in the editor's name.
    const audit = await db.prisma.auditEntry.findMany({
      where: { tableName: "project", recordKey: String(loaded.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: "UPDATE", actor: "user:cengong.editor" });
  });

  it("names every bad field, including a total below what was already reported", async () => {
    const phase = await db.prisma.project.findUniqueOrThrow({ where: { code: PHASE } });
    const bad = await tryGraphql(
      db.prisma,
      UPDATE,
      {
        input: { code: PHASE, expectedVersion: phase.version, nameZh: " ", totalInvestment: "1000", plannedFinish: "2010-01-01" },
      },
      editor,
    );
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.issues).toEqual(["nameZh", "plannedFinish", "totalInvestment"]);
    expect(bad.message).toContain("below the completed investment");
    expect(await db.prisma.project.findUniqueOrThrow({ where: { code: PHASE } })).toEqual(phase);
  });

  it("is refused to a viewer", async () => {
    const loaded = await db.prisma.project.findUniqueOrThrow({ where: { code: "CG-SL-XXSK" } });
    expect((await update({ expectedVersion: loaded.version, description: "x" }, viewer)).code).toBe("FORBIDDEN");
  });
});

const CREATE = `mutation($input: CreateProjectInput!, $key: String) {
  createProject(input: $input, idempotencyKey: $key) { code nameZh version region { code } } }`;

describe("creating a project", () => {
  const input = {
    code: "CG-2026-TEST-01",
    nameZh: "平庄镇产业路硬化",
    categoryCode: "RURAL_ROADS",
    status: "PLANNED",
    regionCode: "522626107000",
    totalInvestment: "3500000",
    plannedStart: "2026-03-01",
    plannedFinish: "2026-12-31",
  };

  it("creates it once when a double click sends the same request twice at the same moment", async () => {
    const category = (await db.prisma.projectCategory.findFirstOrThrow({ select: { code: true } })).code;
    const clicked = { ...input, categoryCode: category, code: "CG-2026-TEST-DBL", nameZh: "双击测试" };
    const key = "double-click-0001-aaaa";
    const [first, second] = await Promise.all([
      tryGraphql(db.prisma, CREATE, { input: clicked, key }, editor),
      tryGraphql(db.prisma, CREATE, { input: clicked, key }, editor),
    ]);
    expect(first.code).toBeUndefined();
    expect(second).toEqual(first);
    expect(await db.prisma.project.count({ where: { code: "CG-2026-TEST-DBL" } })).toBe(1);
  });

  it("creates it once however often the request is retried, and only in the editor's regions", async () => {
    const categories = await db.prisma.projectCategory.findMany({ select: { code: true } });
    const category = categories.find((c) => c.code === "RURAL_ROADS")?.code ?? categories[0]!.code;
    const withCategory = { ...input, categoryCode: category };
    const first = await tryGraphql(db.prisma, CREATE, { input: withCategory, key: "create-project-0001" }, editor);
    const retry = await tryGraphql(db.prisma, CREATE, { input: withCategory, key: "create-project-0001" }, editor);
    expect(first.message).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(await db.prisma.project.count({ where: { code: input.code } })).toBe(1);
    const again = await tryGraphql(db.prisma, CREATE, { input: withCategory }, editor);
    expect(again.issues).toEqual(["code"]);
    const outside = await tryGraphql(
      db.prisma,
      CREATE,
      { input: { ...withCategory, code: "JZ-TEST", regionCode: "421003000000" } },
      outsider,
    );
    expect(outside.code).toBe("FORBIDDEN");
    expect(await db.prisma.project.count({ where: { code: "JZ-TEST" } })).toBe(0);
  });
});

describe("creating a phase", () => {
  const phase = (input: Record<string, unknown>) =>
    tryGraphql<{ createProject: { code: string } }>(
      db.prisma,
      CREATE,
      {
        input: {
          nameZh: "城北新区生态防洪堤四期",
          categoryCode: "FLOOD_CONTROL",
          status: "PLANNED",
          regionCode: "522626000000",
          totalInvestment: "1000000",
          ...input,
        },
      },
      editor,
    );

  it("adds the next phase under its project", async () => {
    const done = await phase({ code: "CG-FH-CBSTD-4", parentCode: "CG-FH-CBSTD", phaseNumber: 4 });
    expect(done.message).toBeUndefined();
    const parent = await db.prisma.project.findUniqueOrThrow({
      where: { code: "CG-FH-CBSTD" },
      select: { phases: { select: { code: true, phaseNumber: true }, orderBy: { phaseNumber: "asc" } } },
    });
    expect(parent.phases.at(-1)).toEqual({ code: "CG-FH-CBSTD-4", phaseNumber: 4 });
  });

  it("refuses a phase number taken, a phase of a phase, and a phase outside its project's region, naming each field", async () => {
    const taken = await phase({ code: "CG-FH-CBSTD-X", parentCode: "CG-FH-CBSTD", phaseNumber: 3 });
    expect(taken.issues).toEqual(["phaseNumber"]);
    expect(taken.message).toContain("CG-FH-CBSTD-3");
    const nested = await phase({ code: "CG-FH-CBSTD-3-1", parentCode: "CG-FH-CBSTD-3", phaseNumber: 1 });
    expect(nested.issues).toEqual(["parentCode"]);
    // A project in 平庄镇 cannot have a phase in a neighbouring town.
    const town = await db.prisma.region.findFirstOrThrow({ where: { code: "522626107000" }, select: { id: true } });
    const parent = await db.prisma.project.findFirstOrThrow({
      where: { regionId: town.id, parentId: null },
      select: { code: true },
    });
    const neighbour = await db.prisma.region.findFirstOrThrow({
      where: { parent: { code: "522626000000" }, code: { not: "522626107000" } },
      select: { code: true },
    });
    const elsewhere = await phase({
      code: "CG-ELSEWHERE-1",
      parentCode: parent.code,
      phaseNumber: 1,
      regionCode: neighbour.code,
    });
    expect(elsewhere.issues).toEqual(["regionCode"]);
    expect(
      await db.prisma.project.count({ where: { code: { in: ["CG-FH-CBSTD-X", "CG-FH-CBSTD-3-1", "CG-ELSEWHERE-1"] } } }),
    ).toBe(0);
  });
});

describe("the categories to choose from", () => {
  const CATEGORIES = "{ projectCategories { code nameZh } }";

  it("lists every category by code, also those no project uses yet, and only to a signed-in user", async () => {
    const used = await db.prisma.project.findMany({ distinct: ["categoryId"], select: { categoryId: true } });
    const unused = await db.prisma.projectCategory.create({
      data: { code: "AAA_TEST_UNUSED", nameZh: "测试类别", nameEn: "Test category", pillar: "GOVERNANCE" },
    });
    try {
      const listed = await tryGraphql<{ projectCategories: { code: string }[] }>(db.prisma, CATEGORIES, {}, viewer);
      const codes = listed.data?.projectCategories.map((category) => category.code) ?? [];
      expect(codes).toContain(unused.code);
      expect(codes.length).toBe(await db.prisma.projectCategory.count());
      expect(codes.length).toBeGreaterThan(used.length);
      expect(codes).toEqual([...codes].sort());
      expect((await tryGraphql(db.prisma, CATEGORIES, {}, null)).code).toBe("UNAUTHENTICATED");
    } finally {
      await db.prisma.projectCategory.delete({ where: { id: unused.id } });
    }
  });
});
