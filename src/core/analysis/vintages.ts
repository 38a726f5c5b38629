/**
 * Evolution from two vintages of the same establishment file (two INSEE stocks, two
 * observatory exports): per territory, the ESS establishments present in the older and the
 * newer vintage, and the entries and exits matched by SIRET.
 *
 * An entry is an establishment counted in a territory in the newer vintage but not in the
 * older one (new, newly ESS, or newly located there); an exit the reverse. An establishment
 * whose position moved it to another territory is an exit of the first and an entry of the
 * second, so that newer = older + entries − exits holds in every territory. Establishments
 * without a SIRET cannot be matched: they are counted apart and left out of both vintages.
 */
import { isSecret } from '../indicators/confidentiality.ts';
import { suppressLines } from './line-suppression.ts';

/** One vintage: SIRET and territories (as in evolution.ts) of its ESS establishments. */
export interface Vintage {
  year: number;
  siret: readonly string[];
  u0: Int32Array;
  u1: Int32Array;
}

export interface VintageComparison {
  years: [number, number];
  units: number;
  older: Float64Array;
  newer: Float64Array;
  entries: Float64Array;
  exits: Float64Array;
  /** 1 = masked: [older | newer | entries | exits | net], `units` each. */
  mask: Uint8Array;
  /** Rows without a SIRET (older, newer), left out. */
  unmatched: [number, number];
}

function territories(v: Vintage): { bySiret: Map<string, [number, number]>; unmatched: number } {
  const bySiret = new Map<string, [number, number]>();
  let unmatched = 0;
  v.siret.forEach((s, i) => {
    const key = s.replace(/\s/g, '');
    if (key === '') unmatched++;
    else bySiret.set(key, [v.u0[i], v.u1[i]]);
  });
  return { bySiret, unmatched };
}

/** Compares two vintages over `units` territories (the last one is all quartiers, `quartiers` first). */
export function compareVintages(older: Vintage, newer: Vintage, units: number, quartiers: number): VintageComparison {
  const a = territories(older), b = territories(newer);
  const o = new Float64Array(units), n = new Float64Array(units), entries = new Float64Array(units), exits = new Float64Array(units);
  const add = (arr: Float64Array, us: [number, number]) => { for (const u of us) if (u >= 0) arr[u]++; };
  for (const [siret, us] of a.bySiret) {
    add(o, us);
    const later = b.bySiret.get(siret);
    for (const u of us) if (u >= 0 && (!later || (later[0] !== u && later[1] !== u))) exits[u]++;
  }
  for (const [siret, us] of b.bySiret) {
    add(n, us);
    const before = a.bySiret.get(siret);
    for (const u of us) if (u >= 0 && (!before || (before[0] !== u && before[1] !== u))) entries[u]++;
  }
  const values = new Float64Array(5 * units);
  values.set(o, 0);
  values.set(n, units);
  values.set(entries, 2 * units);
  values.set(exits, 3 * units);
  for (let u = 0; u < units; u++) values[4 * units + u] = Math.abs(n[u] - o[u]);
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < 4 * units; i++) if (isSecret(values[i])) mask[i] = 1;
  const lines: number[][] = [];
  for (let u = 0; u < units; u++) lines.push([u, units + u, 2 * units + u, 3 * units + u], [u, units + u, 4 * units + u]);
  if (quartiers > 0) {
    for (let f = 0; f < 4; f++) lines.push([f * units + units - 1, ...Array.from({ length: quartiers }, (_, q) => f * units + q)]);
  }
  suppressLines(values, mask, lines);
  return { years: [older.year, newer.year], units, older: o, newer: n, entries, exits, mask, unmatched: [a.unmatched, b.unmatched] };
}

/** One territory's comparison as published: masked figures are null. */
export function publishedVintages(c: VintageComparison, u: number) {
  const at = (f: number, v: number) => (c.mask[f * c.units + u] ? null : v);
  return {
    years: c.years,
    older: at(0, c.older[u]),
    newer: at(1, c.newer[u]),
    entries: at(2, c.entries[u]),
    exits: at(3, c.exits[u]),
    net: at(4, c.newer[u] - c.older[u]),
  };
}
