/**
 * Command line: the same engine as the app, for observatories running whole départements.
 *
 *   npm run --silent aggregate -- --quartiers F --etablissements F [--reference F]
 *     [--perimetre M] [--format json|csv] [--out F] [--besoins F] [--reference-nationale F]
 *     [--contexte F [--contexte-valeur COLONNE]]
 *
 * JSON on stdout by default; a one-line French message and a non-zero exit on unusable input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkQuartiersFileSize, parseQuartiersFile } from '../src/core/ingest/quartiers-file.ts';
import { ingestEstablishments } from '../src/core/ingest/establishments.ts';
import { parseReferenceFile, unmatchedReferenceCodes } from '../src/core/ingest/reference.ts';
import { computeDiagnostic, DEFAULT_RING_METRES, placeEstablishments, rowAccounting } from '../src/core/diagnostic.ts';
import { DEFAULT_FILTERS } from '../src/core/indicators/aggregate.ts';
import { contractJson, quartierCsv } from '../src/core/export/contract.ts';
import { isEssqError } from '../src/core/errors.ts';
import { NEEDS_SOURCE } from '../src/core/analysis/resident-needs.ts';
import { contextAnalyses, quartierAnalyses, readAnalysisInputs } from './cli-analyses.ts';

export interface CliArgs {
  quartiers: string;
  etablissements: string;
  reference?: string;
  perimetre: number;
  format: 'json' | 'csv';
  out?: string;
  /** `--besoins`: the user's list of needs (CSV), else the default list. */
  besoins?: string;
  /** `--reference-nationale`: the CLI's JSON on all of France, for the national positioning. */
  referenceNationale?: string;
  /** `--contexte`: a point CSV counted per quartier; `--contexte-valeur`: its column to sum. */
  contexte?: string;
  contexteValeur?: string;
}

export class UsageError extends Error {}

const USAGE =
  'Usage : npm run --silent aggregate -- --quartiers <geojson> --etablissements <csv> [--reference <csv>] [--perimetre <mètres>] [--format json|csv] [--out <fichier>] [--besoins <csv>] [--reference-nationale <json>] [--contexte <csv> [--contexte-valeur <colonne>]]';

export function parseArgs(argv: string[]): CliArgs {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    if (!a.startsWith('--')) throw new UsageError(`Argument inattendu « ${a} ». ${USAGE}`);
    const [k, inline] = a.slice(2).split('=', 2);
    const v = inline ?? argv[++i];
    if (v === undefined) throw new UsageError(`Valeur manquante après --${k}. ${USAGE}`);
    opts[k] = v;
  }
  const known = ['quartiers', 'etablissements', 'reference', 'perimetre', 'format', 'out', 'besoins', 'reference-nationale', 'contexte', 'contexte-valeur'];
  const unknown = Object.keys(opts).find((k) => !known.includes(k));
  if (unknown) throw new UsageError(`Option inconnue --${unknown}. ${USAGE}`);
  if (!opts.quartiers || !opts.etablissements) throw new UsageError(`--quartiers et --etablissements sont obligatoires. ${USAGE}`);
  const perimetre = opts.perimetre === undefined ? DEFAULT_RING_METRES : Number(opts.perimetre.replace(',', '.'));
  if (!Number.isFinite(perimetre) || perimetre < 0 || perimetre > 5000) {
    throw new UsageError(`--perimetre attend une distance en mètres entre 0 et 5000, reçu « ${opts.perimetre} ».`);
  }
  const format = (opts.format ?? 'json') as CliArgs['format'];
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format attend json ou csv, reçu « ${opts.format} ».`);
  return {
    quartiers: opts.quartiers, etablissements: opts.etablissements, reference: opts.reference, perimetre, format, out: opts.out,
    besoins: opts.besoins, referenceNationale: opts['reference-nationale'],
    contexte: opts.contexte, contexteValeur: opts['contexte-valeur'],
  };
}

/** A warning of the run, with the input it is about (printed on stderr and kept in the JSON). */
export interface CliWarning {
  source: 'quartiers' | 'etablissements' | 'reference';
  file: string;
  message: string;
}

const SOURCE_LABELS: Record<CliWarning['source'], string> = {
  quartiers: 'quartiers',
  etablissements: 'établissements',
  reference: 'référence',
};

/** One line per warning, for stderr: `Avertissement (quartiers, qp.geojson) : …`. */
export function warningLines(warnings: CliWarning[]): string {
  return warnings.map((w) => `Avertissement (${SOURCE_LABELS[w.source]}, ${w.file}) : ${w.message.replace(/\s*\n\s*/g, ' ')}\n`).join('');
}

function readable(file: string, what: string): void {
  if (!fs.existsSync(file)) throw new UsageError(`Fichier ${what} introuvable : ${file}`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`${file} n’est pas un fichier (${what}).`);
}

/**
 * Runs the whole diagnostic and returns the output text; the warnings about each input go to
 * `onWarnings` (stderr for the command) as well as into the JSON.
 */
export async function runCli(args: CliArgs, onWarnings: (w: CliWarning[]) => void = () => {}): Promise<string> {
  readable(args.quartiers, 'des quartiers');
  readable(args.etablissements, 'des établissements');
  if (args.reference) readable(args.reference, 'de référence');
  if (args.besoins) readable(args.besoins, 'des besoins');
  if (args.referenceNationale) readable(args.referenceNationale, 'de la table nationale');
  if (args.contexte) readable(args.contexte, 'de contexte');
  if (args.contexteValeur && !args.contexte) throw new UsageError('--contexte-valeur demande --contexte (le fichier de points dont la colonne est à sommer).');
  // Read first: a bad list of needs or national table fails before the long ingest.
  const analysisInputs = readAnalysisInputs({ needsFile: args.besoins, nationalFile: args.referenceNationale });
  const fileName = path.basename(args.quartiers);
  // Checked before reading: past 2 GiB Node would refuse in English, and far less is needed.
  checkQuartiersFileSize(fs.statSync(args.quartiers).size, fileName);
  // A zipped shapefile is told apart by its bytes, like in the app.
  const { quartiers, crs, warnings: quartierWarnings } = await parseQuartiersFile(new Uint8Array(fs.readFileSync(args.quartiers)), { fileName });
  const { table, report } = await ingestEstablishments(fs.createReadStream(args.etablissements, { highWaterMark: 1 << 20 }));
  const referenceName = args.reference ? path.basename(args.reference) : '';
  const reference = args.reference ? parseReferenceFile(new Uint8Array(fs.readFileSync(args.reference)), referenceName) : null;
  const unmatched = reference ? unmatchedReferenceCodes(reference, quartiers.map((q) => q.code)) : null;
  const warnings: CliWarning[] = [
    ...quartierWarnings.map((message) => ({ source: 'quartiers' as const, file: fileName, message })),
    ...report.warnings.map((message) => ({ source: 'etablissements' as const, file: path.basename(args.etablissements), message })),
    ...[...(reference?.warnings ?? []), ...(unmatched ? [unmatched] : [])].map((message) => ({ source: 'reference' as const, file: referenceName, message })),
  ];
  onWarnings(warnings);
  const placement = placeEstablishments(quartiers, table, args.perimetre);
  const result = computeDiagnostic(quartiers, table, placement, DEFAULT_FILTERS, { fileHasAll: report.hasNonEss, reference });
  if (args.format === 'csv') return quartierCsv(result);
  const rows = rowAccounting(report.read, report.rejectedBy, placement);
  const meta = {
    sources: {
      quartiers: path.basename(args.quartiers),
      etablissements: path.basename(args.etablissements),
      reference: args.reference ? path.basename(args.reference) : null,
    },
    quartiersCrs: crs,
    perimetreMetres: args.perimetre,
    essBasis: report.essBasis,
    jobsSource: report.jobsSource,
    // Rows with no readable bracket nor headcount: employers of unknown size (docs/indicateurs.md).
    unknownSizeRows: report.unknownSize,
    layout: report.mapping.layout,
    mapping: Object.fromEntries(Object.entries(report.mapping.mapping).map(([k, v]) => [k, report.header[v!]])),
    encoding: report.dialect.encoding,
    delimiter: report.dialect.delimiter,
    warnings,
    needs: { source: args.besoins ? path.basename(args.besoins) : NEEDS_SOURCE, list: analysisInputs.needs },
    nationalReference: args.referenceNationale ? path.basename(args.referenceNationale) : null,
  };
  const json = contractJson(result, rows, meta);
  const analyses = quartierAnalyses(quartiers, table, placement, result, analysisInputs.needs, analysisInputs.national, DEFAULT_FILTERS.employerOnly);
  const context = args.contexte ? await contextAnalyses(quartiers, args.contexte, args.contexteValeur, args.perimetre) : null;
  const withAnalyses = {
    ...json,
    quartiers: json.quartiers.map((q, i) => ({ ...q, ...analyses[i], ...(context ? { context: context.perQuartier[i] } : {}) })),
    ...(context ? { context: { ...context.meta, allQuartiers: context.allQuartiers } } : {}),
  };
  return JSON.stringify(withAnalyses, null, 2) + '\n';
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    const out = await runCli(args, (w) => process.stderr.write(warningLines(w)));
    if (args.out) fs.writeFileSync(args.out, out);
    else process.stdout.write(out);
  } catch (e) {
    const msg = e instanceof UsageError || isEssqError(e) ? (e as Error).message : `Erreur inattendue : ${(e as Error).message}`;
    process.stderr.write(msg.replace(/\s*\n\s*/g, ' ') + '\n');
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
