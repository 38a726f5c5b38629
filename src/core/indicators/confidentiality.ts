/**
 * Statistical confidentiality (secret statistique of business statistics): a published cell
 * needs at least 3 establishments, and no single establishment may weigh more than 85 % of
 * the cell's value. Masked cells are shown as `s`.
 */

export const MIN_ESTABLISHMENTS = 3;
export const DOMINANCE_SHARE = 0.85;
export const SECRET_MARK = 's';

/**
 * Whether a cell must be masked.
 *
 * @param establishments number of establishments behind the cell
 * @param value the cell's value (e.g. jobs); omit for a count of establishments
 * @param largest the largest single establishment's contribution to `value`
 * @example
 * isSecret(2) // true: fewer than 3 establishments
 * isSecret(10, 100, 90) // true: one establishment holds 90 % of the jobs
 */
export function isSecret(establishments: number, value?: number, largest?: number): boolean {
  if (establishments > 0 && establishments < MIN_ESTABLISHMENTS) return true;
  if (value !== undefined && largest !== undefined && value > 0 && largest > DOMINANCE_SHARE * value) return true;
  return false;
}

/** Formats a value for publication: `s` when secret, else the formatted value. */
export function publish(secret: boolean, formatted: string): string {
  return secret ? SECRET_MARK : formatted;
}
