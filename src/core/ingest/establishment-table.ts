/**
 * Columnar storage of establishments: one typed array per attribute, grown while parsing and
 * trimmed at the end. About 40 bytes per establishment; names are kept for ESS rows only
 * (they feed the quartier profile's list), never for the whole file.
 */

export interface EstablishmentLabel {
  siret: string;
  name: string;
  naf: string;
}

export interface EstablishmentTable {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** 1 = ESS, 0 = not ESS. */
  ess: Uint8Array;
  /** Index into FAMILIES. */
  family: Uint8Array;
  /** Index into SECTORS. */
  sector: Uint8Array;
  /** Index into SIZES. */
  size: Uint8Array;
  /** 1 = employer (bracket other than NN/00/empty, or headcount > 0). */
  employer: Uint8Array;
  jobsEstimate: Float32Array;
  jobsMin: Float32Array;
  jobsMax: Float32Array;
  /** Index into `communes`, NO_COMMUNE when unknown. */
  commune: Uint16Array;
  communes: string[];
  /** Index into `labels`, -1 when the row's label is not kept (non-ESS rows). */
  labelIndex: Int32Array;
  labels: EstablishmentLabel[];
}

export const NO_COMMUNE = 0xffff;

/** Value of a five-character code made of ASCII digits, or -1. */
function fiveDigits(code: string): number {
  let v = 0;
  for (let i = 0; i < 5; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Grows typed columns by doubling; `finish` returns exact-length copies. */
export class EstablishmentTableBuilder {
  count = 0;
  private cap: number;
  lon: Float64Array;
  lat: Float64Array;
  ess: Uint8Array;
  family: Uint8Array;
  sector: Uint8Array;
  size: Uint8Array;
  employer: Uint8Array;
  jobsEstimate: Float32Array;
  jobsMin: Float32Array;
  jobsMax: Float32Array;
  commune: Uint16Array;
  labelIndex: Int32Array;
  readonly labels: EstablishmentLabel[] = [];
  private readonly communeIds = new Map<string, number>();
  private readonly communeByNumber = new Int32Array(100_000).fill(-1);
  readonly communes: string[] = [];

  constructor(initialCapacity = 1 << 16) {
    this.cap = initialCapacity;
    this.lon = new Float64Array(this.cap);
    this.lat = new Float64Array(this.cap);
    this.ess = new Uint8Array(this.cap);
    this.family = new Uint8Array(this.cap);
    this.sector = new Uint8Array(this.cap);
    this.size = new Uint8Array(this.cap);
    this.employer = new Uint8Array(this.cap);
    this.jobsEstimate = new Float32Array(this.cap);
    this.jobsMin = new Float32Array(this.cap);
    this.jobsMax = new Float32Array(this.cap);
    this.commune = new Uint16Array(this.cap);
    this.labelIndex = new Int32Array(this.cap);
  }

  /** Reserves one row and returns its index. */
  addRow(): number {
    if (this.count === this.cap) this.grow();
    return this.count++;
  }

  communeId(code: string): number {
    if (code === '') return NO_COMMUNE;
    // Five-digit INSEE codes (nearly all rows) are looked up by their number in a flat table:
    // each row's code is a fresh string, so a Map would hash and compare it every time.
    const numeric = code.length === 5 ? fiveDigits(code) : -1;
    if (numeric >= 0) {
      const known = this.communeByNumber[numeric];
      if (known >= 0) return known;
    }
    let id = this.communeIds.get(code);
    if (id === undefined) {
      if (this.communes.length >= NO_COMMUNE) return NO_COMMUNE;
      id = this.communes.length;
      this.communes.push(code);
      this.communeIds.set(code, id);
    }
    if (numeric >= 0) this.communeByNumber[numeric] = id;
    return id;
  }

  addLabel(row: number, label: EstablishmentLabel): void {
    this.labelIndex[row] = this.labels.length;
    this.labels.push(label);
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Float64Array | Float32Array | Uint8Array | Uint16Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.lon = g(this.lon);
    this.lat = g(this.lat);
    this.ess = g(this.ess);
    this.family = g(this.family);
    this.sector = g(this.sector);
    this.size = g(this.size);
    this.employer = g(this.employer);
    this.jobsEstimate = g(this.jobsEstimate);
    this.jobsMin = g(this.jobsMin);
    this.jobsMax = g(this.jobsMax);
    this.commune = g(this.commune);
    this.labelIndex = g(this.labelIndex);
  }

  finish(): EstablishmentTable {
    const n = this.count;
    return {
      count: n,
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      ess: this.ess.slice(0, n),
      family: this.family.slice(0, n),
      sector: this.sector.slice(0, n),
      size: this.size.slice(0, n),
      employer: this.employer.slice(0, n),
      jobsEstimate: this.jobsEstimate.slice(0, n),
      jobsMin: this.jobsMin.slice(0, n),
      jobsMax: this.jobsMax.slice(0, n),
      commune: this.commune.slice(0, n),
      communes: this.communes,
      labelIndex: this.labelIndex.slice(0, n),
      labels: this.labels,
    };
  }
}

/** Typed arrays of a table, for transfer across a worker boundary without copying. */
export function tableTransferables(t: EstablishmentTable): ArrayBuffer[] {
  return [
    t.lon, t.lat, t.ess, t.family, t.sector, t.size, t.employer,
    t.jobsEstimate, t.jobsMin, t.jobsMax, t.commune, t.labelIndex,
  ].map((a) => a.buffer as ArrayBuffer);
}
