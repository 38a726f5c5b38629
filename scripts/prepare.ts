/**
 * From public open data to files the app and the CLI load directly:
 *
 *   npm run --silent prepare-data -- --departements 31,34 [--qpv 2024|2015] [--sirene geo|insee]
 *     [--source <dossier ou URL>] [--telechargements <dossier>] [--quiet] --out <dossier>
 *
 * (`prepare-data`, not `prepare`: npm runs a script named `prepare` by itself on every
 * `npm install`.) Progress goes to stderr, the summary to stdout; on failure a one-line French
 * message and a non-zero exit (2 for a usage error).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDepartements } from './prepare/departements.ts';
import { isPrepareError, PrepareError } from './prepare/errors.ts';
import { prepare, type PrepareOptions } from './prepare/pipeline.ts';
import { createProgress } from './prepare/progress.ts';
import { OUTPUT_FILES, type QpvGeneration, type SireneLayout } from './prepare/sources.ts';
import { isEssqError } from '../src/core/errors.ts';

const USAGE =
  'Usage : npm run --silent prepare-data -- --departements 31,34 [--qpv 2024|2015] [--sirene geo|insee] ' +
  '[--source <dossier ou URL>] [--telechargements <dossier>] [--quiet] --out <dossier>';

export interface PrepareArgs extends Omit<PrepareOptions, 'progress'> {
  quiet: boolean;
}

const usage = (message: string) => new PrepareError('usage', `${message} ${USAGE}`);

export function parsePrepareArgs(argv: string[]): PrepareArgs {
  const opts: Record<string, string> = {};
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') throw new PrepareError('usage', USAGE);
    if (a === '--quiet') {
      quiet = true;
      continue;
    }
    if (!a.startsWith('--')) throw usage(`Argument inattendu « ${a} ».`);
    const [k, inline] = a.slice(2).split('=', 2);
    const v = inline ?? argv[++i];
    if (v === undefined) throw usage(`Valeur manquante après --${k}.`);
    opts[k] = v;
  }
  const unknown = Object.keys(opts).find((k) => !['departements', 'qpv', 'sirene', 'source', 'telechargements', 'out'].includes(k));
  if (unknown) throw usage(`Option inconnue --${unknown}.`);
  if (!opts.departements || !opts.out) throw usage('--departements et --out sont obligatoires.');
  const qpv = (opts.qpv ?? '2024') as QpvGeneration;
  if (qpv !== '2024' && qpv !== '2015') throw usage(`--qpv attend 2024 ou 2015, reçu « ${opts.qpv} ».`);
  const sirene = (opts.sirene ?? 'geo') as SireneLayout;
  if (sirene !== 'geo' && sirene !== 'insee') throw usage(`--sirene attend geo (geo-SIRENE par département) ou insee (stock national), reçu « ${opts.sirene} ».`);
  return {
    departements: parseDepartements(opts.departements), qpv, sirene, source: opts.source, out: opts.out,
    downloads: opts.telechargements, quiet,
  };
}

async function main(): Promise<void> {
  try {
    const args = parsePrepareArgs(process.argv.slice(2));
    const m = await prepare({ ...args, progress: createProgress(process.stderr, args.quiet) });
    const e = m.establishments;
    const lines = [
      `Fichiers prêts dans ${path.resolve(args.out)} :`,
      `  ${OUTPUT_FILES.establishments} — ${e.rowsOut} établissements actifs (${e.ess} de l’ESS) sur ${e.rowsIn} lignes lues ` +
        `(${e.droppedBy.closed} fermés, ${e.droppedBy.otherDepartement} hors départements écartés)`,
      `  ${OUTPUT_FILES.quartiers}, ${OUTPUT_FILES.quartierList} — ${m.quartiers.kept} quartiers`,
      `  ${OUTPUT_FILES.manifest} — sources, dates, empreintes SHA-256 et comptes`,
      `Ensuite : npm run --silent aggregate -- --quartiers ${path.join(args.out, OUTPUT_FILES.quartiers)} --etablissements ${path.join(args.out, OUTPUT_FILES.establishments)}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } catch (e) {
    const known = isPrepareError(e) || isEssqError(e);
    const msg = known ? (e as Error).message : `Erreur inattendue : ${(e as Error).message}`;
    // On a terminal the step in progress has no line end yet: the message replaces it.
    process.stderr.write((process.stderr.isTTY ? '\r\x1b[K' : '') + msg.replace(/\s*\n\s*/g, ' ') + '\n');
    process.exitCode = isPrepareError(e) && e.code === 'usage' ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
