import type { AccessScope } from "../access/access-scope.js";
import type { DbClient } from "../db/database.js";
import { decryptPersonal } from "../privacy/personal-data-cipher.js";
import { personalDataRegions } from "./households.service.js";

/**
 * A household's ID numbers, phone and bank account as its reader may see them: in full for a
 * PERSONAL_DATA grant on its village or town — and then every such view is itself recorded
 * (personal_data_view: who, whose, what, through which path, when) — masked for everyone else.
 */

export type PersonalDataPath = "query" | "export";

export interface PersonalDataReader {
  access: AccessScope;
  auth: { user: { id: number; username: string } } | null;
  prisma: DbClient;
  transaction<T>(change: (tx: DbClient) => Promise<T>): Promise<T>;
}

/** Whether the reader sees this household's personal data in full. */
export function seesPersonalData(access: AccessScope, region: { path: number[] }): boolean {
  return access.seesPersonalDataIn(personalDataRegions(region));
}

/** Writes who saw which households in full, in one statement (the log is append-only). */
export async function recordFullViews(
  db: DbClient,
  reader: { id: number; username: string } | null,
  households: readonly { id: number; regionId: number }[],
  via: PersonalDataPath,
): Promise<void> {
  if (households.length === 0) return;
  await db.personalDataView.createMany({
    data: households.map((household) => ({
      householdId: household.id,
      regionId: household.regionId,
      userId: reader?.id ?? null,
      userName: reader?.username ?? "anonymous",
      fields: ["idNumber", "phone", "bankAccount"],
      via,
    })),
  });
}

export async function personalDataOf(
  context: PersonalDataReader,
  household: { id: number; regionId: number; region: { path: number[] } },
  via: PersonalDataPath,
) {
  const full = seesPersonalData(context.access, household.region);
  const row = await context.prisma.household.findUniqueOrThrow({
    where: { id: household.id },
    select: {
      phoneEncrypted: true,
      phoneMasked: true,
      bankAccountEncrypted: true,
      bankAccountMasked: true,
      members: {
        select: { id: true, name: true, idNumberEncrypted: true, idNumberMasked: true },
        orderBy: [{ relation: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!full) {
    return {
      shownInFull: false,
      phone: row.phoneMasked,
      bankAccount: row.bankAccountMasked,
      members: row.members.map((m) => ({ number: m.id, name: m.name, idNumber: m.idNumberMasked })),
    };
  }
  await context.transaction((tx) => recordFullViews(tx, context.auth?.user ?? null, [household], via));
  const clear = (stored: string | null) => (stored ? decryptPersonal(stored) : null);
  return {
    shownInFull: true,
    phone: clear(row.phoneEncrypted),
    bankAccount: clear(row.bankAccountEncrypted),
    members: row.members.map((m) => ({ number: m.id, name: m.name, idNumber: clear(m.idNumberEncrypted) })),
  };
}
