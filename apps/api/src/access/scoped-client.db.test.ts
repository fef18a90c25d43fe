import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { AccessScope } from "./access-scope.js";
import { scopedClient } from "./scoped-client.js";

let db: TestDatabase;
let jingzhou: { id: number; path: number[] };
beforeAll(async () => {
  db = await openTestDatabase("demo");
  jingzhou = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" }, select: { id: true, path: true } });
});
afterAll(async () => {
  await db?.close();
});

describe("a scoped client", () => {
  it("reads as revita_api, only within its regions, with the actor named", async () => {
    const client = scopedClient(db.prisma, AccessScope.of([{ role: "VIEWER", region: jingzhou }]), "user:test");
    const [who] = await client.$queryRaw<{ role: string; actor: string }[]>`
      SELECT current_user AS role, current_setting('revita.actor') AS actor`;
    expect(who).toEqual({ role: "revita_api", actor: "user:test" });
    const all = await db.prisma.project.count();
    const inJingzhou = await db.prisma.project.count({ where: { region: { path: { has: jingzhou.id } } } });
    expect(inJingzhou).toBeGreaterThan(0);
    expect(inJingzhou).toBeLessThan(all);
    expect(await client.project.count()).toBe(inJingzhou);
    // The owner's own connection is untouched afterwards.
    const [after] = await db.prisma.$queryRaw<{ role: string }[]>`SELECT current_user AS role`;
    expect(after?.role).not.toBe("revita_api");
  });

  it("lets a request's reads run longer than Prisma's default 5 s transaction, with JIT off", async () => {
    const client = scopedClient(db.prisma, AccessScope.of([{ role: "VIEWER", region: jingzhou }]), "user:test");
    // Two reads in the same tick share one transaction: the province overview's shape, slowed down.
    const [slept, [jit]] = await Promise.all([
      client.$queryRaw<unknown[]>`SELECT pg_sleep(5.5)::text AS slept`,
      client.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`,
    ]);
    expect(slept).toHaveLength(1);
    expect(jit?.jit).toBe("off");
  }, 30_000);

  it("lets a viewer of every top-level region read everything, and a viewer of all but one not", async () => {
    const tops = await db.prisma.region.findMany({ where: { parentId: null }, select: { id: true, path: true } });
    expect(tops.length).toBeGreaterThan(1);
    const viewerOf = (regions: typeof tops) =>
      scopedClient(db.prisma, AccessScope.of(regions.map((region) => ({ role: "VIEWER" as const, region }))), "user:test");
    for (const table of ["project", "progressReport", "fundAllocation", "indicatorValue"] as const) {
      const all = await (db.prisma[table] as unknown as { count(): Promise<number> }).count();
      expect(await (viewerOf(tops)[table] as unknown as { count(): Promise<number> }).count(), table).toBe(all);
      expect(await (viewerOf(tops.slice(1))[table] as unknown as { count(): Promise<number> }).count(), table).toBeLessThan(all);
    }
  });

  it("gives an error only to the operation that caused it when operations share a transaction", async () => {
    const client = scopedClient(db.prisma, AccessScope.of([{ role: "VIEWER", region: jingzhou }]), "user:test");
    const [good, bad, alsoGood] = await Promise.allSettled([
      client.project.count(),
      client.$queryRawUnsafe("SELECT no_such_column FROM project"),
      client.fund.count(),
    ]);
    expect(good.status).toBe("fulfilled");
    expect(bad.status).toBe("rejected");
    expect(alsoGood.status).toBe("fulfilled");
  });

  it("combines lookups by id made together into one statement, and finds nothing outside its regions", async () => {
    const statements: string[] = [];
    const counted = await openTestDatabase("demo", { onQuery: (sql) => statements.push(sql) });
    try {
      const region = await counted.prisma.region.findUniqueOrThrow({
        where: { code: "421003000000" },
        select: { id: true, path: true },
      });
      const client = scopedClient(counted.prisma, AccessScope.of([{ role: "VIEWER", region }]), "user:test");
      const ids = (await counted.prisma.project.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
      statements.length = 0;
      const found = await Promise.all(ids.map((id) => client.project.findUnique({ where: { id } })));
      expect(statements.filter((sql) => sql.includes('FROM "public"."project"'))).toHaveLength(1);
      const visible = await counted.prisma.project.count({ where: { region: { path: { has: region.id } } } });
      expect(found.filter(Boolean)).toHaveLength(visible);
      await expect(client.project.findUniqueOrThrow({ where: { id: ids.find((_, i) => !found[i])! } })).rejects.toThrow();
    } finally {
      await counted.close();
    }
  });

  it("reads a run of ticks in one transaction, and starts another once it has stopped reading", async () => {
    const client = scopedClient(db.prisma, AccessScope.of([{ role: "VIEWER", region: jingzhou }]), "user:test");
    const transactionId = async () => (await client.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`)[0]!.id;
    // A resolver reading what the one before it found: one tick after the other.
    const first = await transactionId();
    const second = await transactionId();
    expect(second).toBe(first);
    // A turn of the event loop with nothing to read ends the transaction.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await transactionId()).not.toBe(first);
  });

  it("commits a change on its own, so a read failing after it cannot take it back", async () => {
    const editor = scopedClient(db.prisma, AccessScope.of([{ role: "EDITOR", region: jingzhou }]), "user:test");
    const project = await db.prisma.project.findFirstOrThrow({ where: { region: { path: { has: jingzhou.id } } } });
    const [changed, failed] = await Promise.allSettled([
      editor.project.update({ where: { id: project.id }, data: { description: "共用事务测试" } }),
      editor.$queryRawUnsafe("SELECT no_such_column FROM project"),
    ]);
    expect(changed.status).toBe("fulfilled");
    expect(failed.status).toBe("rejected");
    expect((await db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).description).toBe("共用事务测试");
    await db.prisma.project.update({ where: { id: project.id }, data: { description: project.description } });
  });

  it("refuses interactive transactions, which would escape its scope", () => {
    const client = scopedClient(db.prisma, AccessScope.anonymous(), "anonymous");
    expect(() => client.$transaction(async () => undefined)).toThrow("use the context's transaction()");
  });
});
