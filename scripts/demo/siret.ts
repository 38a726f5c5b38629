/**
 * Fictitious but well-formed SIREN/SIRET numbers: the last digit of the SIREN and of the
 * NIC are Luhn check digits, as INSEE's are, so an importer that validates the key
 * accepts them. Some start with zeros, to catch spreadsheets and parsers that turn
 * codes into numbers.
 */
import type { Rng } from './prng.ts';

/** Luhn check of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `base + digit` pass the Luhn check. */
export function luhnDigit(base: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(base + d)) return String(d);
  throw new Error(`Aucune clé de Luhn pour « ${base} » : chiffres attendus`);
}

/** A new 9-digit SIREN, never one already in `used`. */
export function newSiren(rng: Rng, used: Set<string>): string {
  for (;;) {
    // About one in twelve starts with "00", as the oldest registrations do.
    const head = rng.chance(0.08) ? '00' + String(rng.int(0, 999_999)).padStart(6, '0') : String(rng.int(30_000_000, 99_999_999));
    const siren = head + luhnDigit(head);
    if (!used.has(siren)) {
      used.add(siren);
      return siren;
    }
  }
}

/** SIRET of the n-th establishment number of a unit: SIREN + 4-digit sequence + key. */
export function siretOf(siren: string, sequence: number): string {
  const base = siren + String(sequence).padStart(4, '0');
  return base + luhnDigit(base);
}
