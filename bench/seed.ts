/**
 * Seeded pseudo-random numbers for benchmarks, so two runs (or two machines) measure the same
 * inputs and their figures can be compared.
 */

/**
 * mulberry32, the demo generator's: a tiny 32-bit generator, good enough to spread benchmark
 * points (not for statistics or cryptography). Returns a function giving floats in [0, 1).
 */
export { mulberry32 } from '../scripts/demo/prng.ts';

/** Uniform float in [min, max) from a generator. */
export function uniform(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Uniform integer in [0, n) from a generator. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
