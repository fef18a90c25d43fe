/**
 * How the API's own scalars arrive in TypeScript, for every code generator in the workspace:
 * money and percentages as exact decimal strings (never a float), dates as YYYY-MM-DD, periods
 * as their canonical key.
 */
export const SCALAR_TYPES = { Decimal: "string", Date: "string", Period: "string" } as const;
