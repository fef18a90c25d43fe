import { AccessScope } from "../src/access/access-scope.js";
import { userActor } from "../src/access/actor.js";
import { issueSession } from "../src/accounts/accounts.service.js";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { prepareScaleProvince } from "./scale-province.js";

/**
 * Prepares a PostgreSQL database for `bench:peer` (packages/bench): migrations, the demo, a
 * generated province of BENCH_COUNTIES counties (once per database), fresh statistics, and a
 * viewer of the province with a bearer token. Prints what the peers need as JSON on its last line:
 * the token, the regions the viewer reads (the same transaction-local settings the scoped client
 * sets, so PostGraphile and the floor run under the same policies) and the subjects of q1–q4.
 */
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 10);

const config = databaseConfigFromEnv();
if (config.engine !== "postgres") throw new Error("bench:peer compares servers on one PostgreSQL: set DATABASE_URL");
const db = await openDatabase(config);
try {
  const { province, county } = await prepareScaleProvince(db, COUNTIES);
  // q1 asks for a project with its phases: the county's first one that has phases, else its first.
  const project =
    (await db.prisma.project.findFirst({
      where: { parentId: null, phases: { some: {} }, region: { path: { has: county.id } } },
      orderBy: { code: "asc" },
    })) ??
    (await db.prisma.project.findFirstOrThrow({
      where: { parentId: null, region: { path: { has: county.id } } },
      orderBy: { code: "asc" },
    }));
  const user = await db.prisma.user.upsert({
    where: { username: "bench.peer" },
    update: {},
    create: {
      username: "bench.peer",
      displayName: "Benchmark viewer (bench:peer)",
      passwordHash: "!",
      grants: { create: [{ role: "VIEWER", regionId: province.id }] },
    },
  });
  const grants = await db.prisma.roleGrant.findMany({
    where: { userId: user.id },
    include: { region: { select: { id: true, path: true } } },
  });
  const scope = AccessScope.of(grants.map((grant) => ({ role: grant.role, region: grant.region })));
  await db.prisma.session.deleteMany({ where: { label: "bench:peer" } });
  const { token } = await issueSession(db.prisma, user.id, "BEARER", { days: 1, label: "bench:peer" });
  const categories = await db.prisma.projectCategory.findMany({ select: { id: true, code: true } });
  const projects = await db.prisma.project.count({ where: { region: { path: { has: province.id } } } });
  console.log(
    JSON.stringify({
      token,
      roots: { read: scope.rootsFor("read"), edit: [], approve: [], admin: [] },
      actor: userActor(user.username),
      projectCode: project.code,
      countyCode: county.code,
      categories: Object.fromEntries(categories.map((category) => [category.id, category.code])),
      projects,
    }),
  );
} finally {
  await db.close();
}
process.exit(0);
