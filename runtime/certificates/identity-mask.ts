/**
 * Masking identity numbers where the full number is not needed: the portal's pages and the public certificate
 * check both use it (pure, no Node or DOM, so the browser bundle and the server import the same code).
 */

// a mainland resident identity number (18 characters, the last may be X) or the old 15-digit one
const idNumber = /^(?:\d{17}[\dXx]|\d{15})$/;

/** Whether `value` is a resident identity number. */
export const isIdNumber = (value: unknown): value is string => typeof value === 'string' && idNumber.test(value);

/** 330102199001011237 → 3301**********1237: the first four and the last four; anything else as it is. */
export function maskId(value: string): string {
  return isIdNumber(value) ? `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}` : value;
}
