import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workplace's public data (../shared/data beside the project; CI has it there too). */
export const SHARED_DATA =
  process.env.ESSQ_SHARED_DATA ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');

export const shared = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
