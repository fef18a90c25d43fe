/**
 * The 18-character resident ID number (GB 11643-1999): 6 digits of the place, 8 of the birth date,
 * 3 of a sequence, and a check character worked out from the 17 before it (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

/** The check character the first 17 digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

export type IdNumberProblem = "ID_NUMBER_SHAPE" | "ID_NUMBER_BIRTH_DATE" | "ID_NUMBER_CHECK_DIGIT";

/** What is wrong with an ID number, or null when it is a well-formed one (upper-case X). */
export function idNumberProblem(value: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return "ID_NUMBER_SHAPE";
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10).replaceAll("-", "") !== birth ||
    date.getUTCFullYear() < 1900 ||
    date.getTime() > Date.now()
  ) {
    return "ID_NUMBER_BIRTH_DATE";
  }
  return idNumberCheckCharacter(value.slice(0, 17)) === value[17] ? null : "ID_NUMBER_CHECK_DIGIT";
}

/** 421003********123X: the place's first digits and the last four, as notices and lists show it. */
export function maskIdNumber(value: string): string {
  return value.length > 10 ? `${value.slice(0, 6)}${"*".repeat(value.length - 10)}${value.slice(-4)}` : "*".repeat(value.length);
}

/** 138****5678. */
export function maskPhone(value: string): string {
  return value.length > 7 ? `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}` : "*".repeat(value.length);
}

/** ************1234: a bank account's last four digits only. */
export function maskBankAccount(value: string): string {
  return value.length > 4 ? `${"*".repeat(value.length - 4)}${value.slice(-4)}` : "*".repeat(value.length);
}
