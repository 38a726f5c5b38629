/**
 * Seeded pseudo-random numbers for the demo data generator.
 *
 * The committed files in public/data must be reproducible byte for byte on any machine,
 * so nothing here touches Math.random, the clock or platform-dependent maths: mulberry32
 * only uses 32-bit integer operations, and the derived helpers only use + − × ÷.
 */

/** A deterministic random source with the few draws the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer uniform in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Roughly normal (Irwin–Hall of 4 uniforms), mean 0, standard deviation 1, bounded by ±3.46. */
  normalish(): number;
}

/** mulberry32: tiny, fast and good enough for sampling shapes and categories (the benchmarks use it too). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seed of an independent stream, so that adding a draw to one part of the generator
 * (say, establishment names) does not move every shape drawn after it.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the base seed.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Creates a random source from a 32-bit seed. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick : liste vide, au moins un élément attendu');
      return items[Math.floor(items.length * next())] as (typeof items)[number];
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('weighted : liste vide, au moins un élément attendu');
      return last[0];
    },
    normalish: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
  };
  return rng;
}
