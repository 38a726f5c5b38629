/**
 * The legal-unit join, in bounded memory. The INSEE legal-unit stock holds ~30 million rows;
 * we need three fields of the few million SIREN that the chosen départements' establishments
 * cite. So: first collect those SIREN (9 digits fit a Uint32), sort them once, then stream the
 * stock and keep, for the SIREN found by binary search, the ESS flag (1 byte), the legal
 * category (a 4-digit code in a Uint16) and the name (UTF-8 bytes in one growing buffer).
 * About 15 bytes plus the name per unit, instead of a JS object per row.
 */

/** Growable list of SIREN numbers, sorted and de-duplicated by `finish`. */
export class SirenCollector {
  private values = new Uint32Array(1 << 16);
  private count = 0;

  /** Adds the SIREN of a SIRET or SIREN string; ignores anything that is not 9+ digits. */
  add(siretOrSiren: string): void {
    const siren = parseSiren(siretOrSiren);
    if (siren < 0) return;
    if (this.count === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = siren;
  }

  finish(): Uint32Array {
    const sorted = this.values.subarray(0, this.count).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
    return sorted.slice(0, n);
  }
}

/** The 9-digit SIREN heading a SIRET (or a SIREN itself) as a number; -1 when absent. */
export function parseSiren(s: string): number {
  if (s.length < 9) return -1;
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export interface LegalUnit {
  /** `O`, `N` or '' as in SIRENE's economieSocialeSolidaireUniteLegale. */
  ess: string;
  categorieJuridique: string;
  denomination: string;
}

const ESS_CODES = ['', 'O', 'N'];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** SIREN → legal unit, for a fixed sorted set of SIREN. */
export class LegalUnitLookup {
  readonly sirens: Uint32Array;
  /** 0 = not found in the stock, 1 = found with flag '', 2 = 'O', 3 = 'N'. */
  private readonly state: Uint8Array;
  private readonly category: Uint16Array;
  private readonly nameStart: Uint32Array;
  private readonly nameLength: Uint32Array;
  private names = new Uint8Array(1 << 20);
  private namesUsed = 0;
  found = 0;

  constructor(sortedSirens: Uint32Array) {
    this.sirens = sortedSirens;
    const n = sortedSirens.length;
    this.state = new Uint8Array(n);
    this.category = new Uint16Array(n);
    this.nameStart = new Uint32Array(n);
    this.nameLength = new Uint32Array(n);
  }

  /** Position of `siren` in the sorted set, or -1. */
  indexOf(siren: number): number {
    const a = this.sirens;
    let lo = 0, hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid];
      if (v === siren) return mid;
      if (v < siren) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Records the unit's fields when its SIREN is one we need; returns whether it was. */
  offer(sirenText: string, ess: string, categorieJuridique: string, denomination: string): boolean {
    const i = this.indexOf(parseSiren(sirenText));
    if (i < 0) return false;
    if (this.state[i] === 0) this.found++;
    const e = ESS_CODES.indexOf(ess.trim().toUpperCase());
    this.state[i] = 1 + Math.max(e, 0);
    const cat = Number(categorieJuridique);
    this.category[i] = Number.isInteger(cat) && cat > 0 && cat < 65536 ? cat : 0;
    const bytes = encoder.encode(denomination);
    if (this.namesUsed + bytes.length > this.names.length) {
      const grown = new Uint8Array(Math.max(this.names.length * 2, this.namesUsed + bytes.length));
      grown.set(this.names.subarray(0, this.namesUsed));
      this.names = grown;
    }
    this.names.set(bytes, this.namesUsed);
    this.nameStart[i] = this.namesUsed;
    this.nameLength[i] = bytes.length;
    this.namesUsed += bytes.length;
    return true;
  }

  /** The unit of a SIRET's SIREN, or null when the stock did not have it. */
  get(siret: string): LegalUnit | null {
    const i = this.indexOf(parseSiren(siret));
    if (i < 0 || this.state[i] === 0) return null;
    const start = this.nameStart[i];
    return {
      ess: ESS_CODES[this.state[i] - 1],
      categorieJuridique: this.category[i] ? String(this.category[i]) : '',
      denomination: decoder.decode(this.names.subarray(start, start + this.nameLength[i])),
    };
  }

  /** Bytes held, for the manifest and the national-scale report. */
  get memoryBytes(): number {
    return this.sirens.byteLength + this.state.byteLength + this.category.byteLength +
      this.nameStart.byteLength + this.nameLength.byteLength + this.names.byteLength;
  }
}
