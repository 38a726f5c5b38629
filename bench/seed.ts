/**
 * Seeded pseudo-random numbers for benchmarks, so two runs (or two machines) measure the same
 * inputs and their figures can be compared.
 */

/**
 * mulberry32: a tiny 32-bit generator, good enough to spread benchmark points (not for
 * statistics or cryptography). Returns a function giving floats in [0, 1).
 *
 * @example
 * const random = mulberry32(42);
 * const x = random(); // same sequence on every run
 */
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

/** Uniform float in [min, max) from a generator. */
export function uniform(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Uniform integer in [0, n) from a generator. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
