/**
 * QPV boundaries restricted to the chosen départements, plus the list of those quartiers.
 * The national 2024 file has 1 584 features (a few tens of megabytes): it is parsed whole,
 * once. The département of a quartier is read from its code (`QN03101M` → 31), which both
 * generations carry, rather than from a property whose name varies by publisher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { departementOfQuartier } from './departements.ts';
import { formatChanged, PrepareError } from './errors.ts';
import { CsvWriter } from './csv-io.ts';
import { QPV_CODE_PROPERTIES } from './sources.ts';

interface Feature { type: string; properties: Record<string, unknown> | null; geometry: unknown }
interface FeatureCollection { type: string; features: Feature[]; [member: string]: unknown }

/** Columns of the quartier list, by generation: the first property present is used. */
const LIST_COLUMNS: [string, string[]][] = [
  ['code_qp', [...QPV_CODE_PROPERTIES]],
  ['lib_qp', ['lib_qp', 'nom_qp', 'NOM_QP', 'nom_quartier']],
  ['insee_dep', ['insee_dep', 'code_departement', 'dep']],
  ['insee_com', ['insee_com', 'code_commune', 'code_insee']],
  ['lib_com', ['lib_com', 'nom_commune', 'commune_qp', 'COMMUNE_QP']],
  ['siren_epci', ['siren_epci', 'code_epci']],
];

export interface QpvCounts {
  read: number;
  kept: number;
  byDepartement: Record<string, number>;
}

function parseCollection(file: string, docUrl: string): FeatureCollection {
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as FeatureCollection;
  } catch (e) {
    throw new PrepareError('format_changed', `${path.basename(file)} n’est pas un GeoJSON lisible (${(e as Error).message}). Attendu : la FeatureCollection des QPV (${docUrl}).`);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new PrepareError('format_changed', `${path.basename(file)} n’est pas une FeatureCollection GeoJSON (type « ${String(fc?.type)} »). Attendu : les contours des QPV (${docUrl}).`);
  }
  return fc;
}

/**
 * Writes the quartiers of `departements` from `file` to `outGeojson` (same CRS member and
 * properties) and their list to `outList` (`;`, UTF-8 with BOM: it opens as is in a
 * spreadsheet). Throws `format_changed` when no feature has a known code property.
 */
export async function prepareQuartiers(file: string, departements: string[], outGeojson: string, outList: string, docUrl: string): Promise<QpvCounts> {
  const fc = parseCollection(file, docUrl);
  const props = fc.features[0]?.properties ?? {};
  const codeKey = QPV_CODE_PROPERTIES.find((k) => k in props);
  if (!codeKey) throw formatChanged(path.basename(file), ['code_qp'], Object.keys(props), docUrl);
  const wanted = new Set(departements);
  const byDepartement: Record<string, number> = Object.fromEntries(departements.map((d) => [d, 0]));
  const kept = fc.features.filter((f) => {
    const dep = departementOfQuartier(String(f.properties?.[codeKey] ?? ''));
    if (!wanted.has(dep)) return false;
    byDepartement[dep]++;
    return true;
  });
  // Every top-level member but the features (name, crs…) is kept, so the CRS stays declared.
  fs.writeFileSync(outGeojson, JSON.stringify({ ...fc, features: kept }) + '\n');
  const list = new CsvWriter(outList, LIST_COLUMNS.map(([name]) => name), ';', true);
  for (const f of kept) {
    const p = f.properties ?? {};
    list.write(LIST_COLUMNS.map(([, keys]) => {
      const key = keys.find((k) => p[k] !== undefined && p[k] !== null);
      return key === undefined ? '' : String(p[key]);
    }));
  }
  await list.close();
  return { read: fc.features.length, kept: kept.length, byDepartement };
}
