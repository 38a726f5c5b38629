import { isEssqError } from '../../src/core/errors.ts';

/** Fails the case when it takes longer than `ms`: a hang is a bug, not a slow pass. */
export async function withinTime<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Accepts a result or a French EssqError; anything else (TypeError, RangeError…) is a bug. */
export function expectResultOrFrenchError(e: unknown): void {
  if (!isEssqError(e)) throw new Error(`exception non gérée : ${(e as Error)?.stack ?? String(e)}`);
  if (!/[a-zàâçéèêëîïôûùüÿœ]{3,}/i.test(e.message) || e.message.length < 20) throw new Error(`message d'erreur trop pauvre : ${e.message}`);
}
