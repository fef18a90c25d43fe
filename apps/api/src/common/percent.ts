import { Prisma } from "../generated/prisma/client.js";

/** part / whole as a percentage with two decimals, exactly; null when the whole is zero. */
export function percentOf(part: Prisma.Decimal, whole: Prisma.Decimal): Prisma.Decimal | null {
  return whole.greaterThan(0) ? new Prisma.Decimal(part).dividedBy(whole).times(100).toDecimalPlaces(2) : null;
}
