/**
 * Generates the demo data set of public/data: a fictitious territory "Ville-Exemple"
 * (INSEE 99001) and "Bourg-Voisin" (99002), eight quartiers (2024-style codes, département
 * "999"), a SIRENE-like establishments file, a per-quartier reference table and a manifest.
 *
 * Deterministic: the same seed gives the same bytes on every machine (seeded PRNG, no clock,
 * no platform trigonometry), so the committed files can be checked against a fresh run.
 *
 *   npm run demo-data            # writes public/data/
 *   npx tsx scripts/make-demo-data.ts /tmp/out
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRng, deriveSeed } from './demo/prng.ts';
import { createProjection, polysArea } from './demo/geometry.ts';
import { buildTerritory } from './demo/territory.ts';
import { buildEstablishments, FLAWS } from './demo/establishments.ts';
import { computeExpected } from './demo/expected.ts';
import type { Expected } from './demo/expected.ts';
import { communesGeojson, establishmentsCsv, quartiersGeojson, referenceCsv } from './demo/writers.ts';
import type { ReferenceRow } from './demo/writers.ts';

export const DEMO_SEED = 20240615;
export const DEMO_ROWS = 4000;
/** In the Sologne, away from any large town; the data are declared fictitious anyway. */
const ORIGIN = { lon: 1.93, lat: 47.5 } as const;
export const GENERATOR = 'scripts/make-demo-data.ts';
export const NOTICE = 'données fictives de démonstration';

export const DEMO_FILES = {
  communes: 'demo-communes.geojson',
  quartiers: 'demo-quartiers.geojson',
  etablissements: 'demo-etablissements.csv',
  reference: 'demo-reference.csv',
  manifest: 'demo-manifest.json',
} as const;

export interface GeneratedFile {
  name: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface DemoDataResult {
  files: GeneratedFile[];
  expected: Expected;
  totalBytes: number;
  summary: string;
}

/** What an importer must expect of each file; the demo exercises several layouts on purpose. */
const FORMATS: Record<string, string> = {
  [DEMO_FILES.communes]: 'GeoJSON WGS84, Polygon, propriétés code_commune, nom_commune',
  [DEMO_FILES.quartiers]: 'GeoJSON WGS84, Polygon/MultiPolygon, propriétés 2024 code_qp, lib_qp, insee_com, lib_com',
  [DEMO_FILES.etablissements]: 'CSV séparateur virgule, UTF-8 sans BOM, fins de ligne LF, colonnes SIRENE',
  [DEMO_FILES.reference]: 'CSV séparateur point-virgule, UTF-8 avec BOM, fins de ligne CRLF',
};

function describe(name: string, content: string, rows: number): GeneratedFile {
  const buffer = Buffer.from(content, 'utf8');
  return { name, format: FORMATS[name] ?? '', rows, bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') };
}

/** Builds every file in memory: name → content. */
export function buildDemoData(seed = DEMO_SEED): { contents: Map<string, string>; files: GeneratedFile[]; expected: Expected } {
  const projection = createProjection(ORIGIN.lon, ORIGIN.lat);
  const territory = buildTerritory(seed);
  const rows = buildEstablishments(territory, projection, { seed, rows: DEMO_ROWS });
  const expected = computeExpected(rows, territory.quartiers, projection);

  // INSEE's own counts come from other sources and dates than a SIRENE extract, so the
  // reference table is close to, not equal to, what the establishments file gives.
  const refRng = createRng(deriveSeed(seed, 'reference'));
  const reference: ReferenceRow[] = territory.quartiers.map((q, i) => {
    const found = expected.quartiers[i] as Expected['quartiers'][number];
    const km2 = polysArea(q.polys) / 1e6;
    return {
      code_qp: q.code,
      nom_qp: q.name,
      pop_mun: Math.min(12_000, Math.max(1_500, Math.round(km2 * q.density * refRng.range(0.9, 1.1)))),
      nbetab: Math.round(found.all * refRng.range(0.93, 1.07)),
      emplois: Math.round(found.jobs.estimate * refRng.range(0.92, 1.08)),
    };
  });

  const contents = new Map<string, string>([
    [DEMO_FILES.communes, communesGeojson(territory.communes, projection)],
    [DEMO_FILES.quartiers, quartiersGeojson(territory.quartiers, projection)],
    [DEMO_FILES.etablissements, establishmentsCsv(rows)],
    [DEMO_FILES.reference, referenceCsv(reference)],
  ]);
  const counts: Record<string, number> = {
    [DEMO_FILES.communes]: territory.communes.length,
    [DEMO_FILES.quartiers]: territory.quartiers.length,
    [DEMO_FILES.etablissements]: rows.length,
    [DEMO_FILES.reference]: reference.length,
  };
  const files = [...contents].map(([name, content]) => describe(name, content, counts[name] ?? 0));

  const lons = rows.flatMap((r) => (r.lon === null ? [] : [r.lon]));
  const lats = rows.flatMap((r) => (r.lat === null ? [] : [r.lat]));
  const manifest = {
    description: NOTICE,
    notice:
      'Territoire, quartiers, établissements et chiffres entièrement inventés (communes 99001 et 99002, ' +
      'département 999) ; toute ressemblance avec des structures existantes est fortuite.',
    generator: GENERATOR,
    seed,
    crs: 'EPSG:4326',
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    communes: territory.communes.map((c) => ({ code: c.code, nom: c.name })),
    files,
    flaws: FLAWS,
    expected,
  };
  contents.set(DEMO_FILES.manifest, JSON.stringify(manifest, null, 2) + '\n');
  return { contents, files, expected };
}

/** Writes the demo files into `outDir` (created if needed) and returns what was written. */
export function generateDemoData(outDir: string, seed = DEMO_SEED): DemoDataResult {
  const { contents, files, expected } = buildDemoData(seed);
  mkdirSync(outDir, { recursive: true });
  let totalBytes = 0;
  for (const [name, content] of contents) {
    writeFileSync(join(outDir, name), content, 'utf8');
    totalBytes += Buffer.byteLength(content, 'utf8');
  }
  const quartiers = files.find((f) => f.name === DEMO_FILES.quartiers)?.rows ?? 0;
  const share = (expected.essEmployerShare * 100).toFixed(1).replace('.', ',');
  const summary =
    `demo-data : ${quartiers} quartiers, ${expected.rows.read} établissements ` +
    `(${expected.rows.inQuartier} en quartier, ${expected.rows.rejected} rejetés, ESS ${share} % des employeurs), ` +
    `${contents.size} fichiers, ${Math.round(totalBytes / 1024)} Ko → ${relative(process.cwd(), outDir) || '.'} (graine ${seed})`;
  return { files, expected, totalBytes, summary };
}

const isCli = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isCli) {
  const arg = process.argv[2];
  if (arg?.startsWith('-')) {
    // An option is never a folder: say how to call the script instead of writing into "--help".
    console.error('Usage : npm run demo-data [-- <dossier de sortie>]   (par défaut : public/data)');
    process.exitCode = arg === '-h' || arg === '--help' ? 0 : 2;
  } else {
    const outDir = arg ?? fileURLToPath(new URL('../public/data/', import.meta.url));
    console.log(generateDemoData(outDir).summary);
  }
}
