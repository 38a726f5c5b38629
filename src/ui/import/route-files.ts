/**
 * Decides what a dropped file is, from its extension and its first bytes, so several files can
 * be dropped at once in any order. Only the head of each file is read: a 2 Go SIRENE stock
 * must not be loaded twice. A zip is taken for zipped quartier boundaries (the form ANCT
 * publishes them in); the engine says what it holds if it is something else.
 */
import { normalizeHeader } from '../../core/ingest/column-mapping.ts';

export type FileKind = 'quartiers' | 'communes' | 'etablissements' | 'reference';

const HEAD_BYTES = 64 * 1024;
const QUARTIER_KEYS = /"(code_qp|code_quartier|codeqp|lib_qp|nom_qp|libelle_qp)"/i;
const COMMUNE_KEYS = /"(code_commune|nom_commune|insee_com|codgeo|com|code_insee|nom)"/i;
const REFERENCE_CODES = new Set(['code qp', 'code quartier', 'codeqp', 'code qpv']);
const ESTABLISHMENT_HINTS = /siret|longitude|latitude|lambert|geolocalisation|raison sociale|denomination/;

const extension = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

/** The kind of file, or null with nothing recognisable (the caller says what was expected). */
export async function classifyFile(file: Blob & { name: string }): Promise<FileKind | null> {
  const ext = extension(file.name);
  const head = await file.slice(0, HEAD_BYTES).text();
  if (ext === 'zip' || head.startsWith('PK\u0003\u0004')) return 'quartiers';
  if (ext === 'geojson' || ext === 'json') {
    if (QUARTIER_KEYS.test(head)) return 'quartiers';
    if (/commune/i.test(file.name) || COMMUNE_KEYS.test(head)) return 'communes';
    return 'quartiers';
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const firstLine = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
    const columns = firstLine.split(/[;,\t|]/).map((c) => normalizeHeader(c.replace(/^"|"$/g, '')));
    const hasQuartierCode = columns.some((c) => REFERENCE_CODES.has(c));
    const looksLikeEstablishments = columns.some((c) => ESTABLISHMENT_HINTS.test(c));
    return hasQuartierCode && !looksLikeEstablishments ? 'reference' : 'etablissements';
  }
  return null;
}

/** Loading order: establishments need the quartiers, and a reference file is matched on them. */
export const LOAD_ORDER: readonly FileKind[] = ['quartiers', 'communes', 'reference', 'etablissements'];
