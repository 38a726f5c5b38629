/**
 * Automatic column mapping for establishment files: SIRENE stock, geo-SIRENE, INSEE
 * Lambert-93, OpenDataSoft exports (v2 and v3) and observatory files with French labels.
 * Header names are compared case- and accent-insensitively; sample values then confirm or
 * break ties (e.g. OpenDataSoft's two "Activité principale" columns, only one holding NAF).
 */

import { MIN_FIT, MIN_FIT_EXACT_NAME, coordinatesInFrance, headerVeto, valueEvidence } from './column-evidence.ts';

export const FIELDS = [
  'siret',
  'name',
  'legalCategory',
  'naf',
  'tranche',
  'headcount',
  'essFlag',
  'family',
  'sector',
  'communeCode',
  'state',
  'lon',
  'lat',
  'latlon',
  'x',
  'y',
] as const;
export type Field = (typeof FIELDS)[number];

/** Column index per field (absent when the file has no such column). */
export type ColumnMapping = Partial<Record<Field, number>>;

export interface MappingResult {
  mapping: ColumnMapping;
  /** 0–1 per mapped field: 1 for an exact known name confirmed by the sample. */
  confidence: Partial<Record<Field, number>>;
  /** Recognised layout, for the report. */
  layout: 'sirene' | 'geo-sirene' | 'sirene-lambert' | 'opendatasoft' | 'observatoire' | 'inconnu';
  /** Lowest confidence among the fields that matter; the UI asks for confirmation below 0.9. */
  overall: number;
  /** Columns whose name matched a field but whose values (or name) rule it out, with why. */
  rejected: RejectedColumn[];
}

/** A column not proposed for a field, and the French reason shown on the mapping screen. */
export interface RejectedColumn {
  field: Field;
  column: number;
  reason: string;
}

/** French names of the fields, for the mapping dialog and messages. */
export const FIELD_LABELS: Record<Field, string> = {
  siret: 'SIRET',
  name: 'Nom (raison sociale)',
  legalCategory: 'Catégorie juridique',
  naf: 'Code NAF (activité principale)',
  tranche: "Tranche d'effectif",
  headcount: 'Effectif salarié (exact)',
  essFlag: 'Appartenance à l’ESS (O/N)',
  family: 'Famille ESS',
  sector: 'Secteur',
  communeCode: 'Code commune INSEE',
  state: 'État administratif (A/F)',
  lon: 'Longitude',
  lat: 'Latitude',
  latlon: 'Géolocalisation « lat, lon »',
  x: 'X (Lambert-93 ou UTM)',
  y: 'Y (Lambert-93 ou UTM)',
};

/** Lowercase, no accents, only letters and digits separated by single spaces. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Exact names (normalised) per field, best first. */
const EXACT: Record<Field, string[]> = {
  siret: ['siret', 'n siret', 'numero siret', 'siret etablissement', 'code siret'],
  name: [
    'denominationunitelegale', 'raison sociale', 'denomination', 'nom', 'nom ou raison sociale de l entreprise',
    'denomination de l unite legale', 'enseigne1etablissement', 'denominationusuelleetablissement',
    'nom de l etablissement', 'nom etablissement', 'structure', 'nomunitelegale', 'enseigne',
    'denomination usuelle de l etablissement', 'enseigne ou nom de l exploitation',
  ],
  legalCategory: [
    'categoriejuridiqueunitelegale', 'categorie juridique', 'nature juridique', 'nature juridique de l entreprise',
    'cj', 'code categorie juridique', 'forme juridique', 'categorie juridique de l unite legale',
  ],
  naf: [
    'activiteprincipaleetablissement', 'code naf', 'naf', 'ape', 'code ape', 'activite principale',
    'activite principale de l etablissement', 'activiteprincipalenaf25etablissement', 'naf etablissement',
    'activite principale de l etablissement 1', 'apet700', 'activiteprincipaleunitelegale',
  ],
  tranche: [
    'trancheeffectifsetablissement', 'tranche d effectif', 'tranche effectif', 'tranche d effectifs',
    'tranche d effectif salarie de l etablissement', 'tefet', 'tranche effectifs', 'trancheeffectifsunitelegale',
    'tranche d effectif salarie', 'tranche de l effectif',
  ],
  headcount: ['effectif salarie', 'effectif', 'effectifs', 'nb salaries', 'nombre de salaries', 'salaries', 'effectif exact', 'etp'],
  essFlag: [
    'economiesocialesolidaireunitelegale', 'ess', 'appartenance au champ de l economie sociale et solidaire',
    'economie sociale et solidaire', 'est ess', 'flag ess', 'indicateur ess',
  ],
  family: ['famille', 'famille ess', 'famille juridique', 'statut', 'famille de l ess'],
  sector: ['secteur', 'secteur d activite', 'secteur ess', 'grand secteur'],
  communeCode: [
    'codecommuneetablissement', 'code commune', 'code insee', 'depcom', 'code commune de l etablissement',
    'code insee commune', 'insee com', 'code com', 'codgeo', 'code de la commune de l etablissement',
  ],
  state: ['etatadministratifetablissement', 'etat administratif', 'etat', 'etatadministratifunitelegale'],
  lon: ['longitude', 'lon', 'lng', 'long', 'x wgs84', 'longitude wgs84'],
  lat: ['latitude', 'lat', 'y wgs84', 'latitude wgs84'],
  latlon: [
    'geolocalisation de l etablissement', 'coordonnees', 'geo point', 'geo point 2d', 'geolocalisation', 'geopoint',
    'coordonnees gps', 'position',
  ],
  x: ['coordonneelambertabscisseetablissement', 'x', 'x l93', 'x lambert93', 'x lambert 93', 'abscisse', 'coord x', 'x_l93'],
  y: ['coordonneelambertordonneeetablissement', 'y', 'y l93', 'y lambert93', 'y lambert 93', 'ordonnee', 'coord y', 'y_l93'],
};

/** Word groups: a header containing all the words of one group is a weaker match. */
const WORDS: Partial<Record<Field, string[][]>> = {
  siret: [['siret']],
  name: [['raison', 'sociale'], ['denomination'], ['nom', 'entreprise']],
  legalCategory: [['categorie', 'juridique'], ['nature', 'juridique'], ['forme', 'juridique']],
  naf: [['naf'], ['ape'], ['activite', 'principale']],
  tranche: [['tranche', 'effectif']],
  headcount: [['effectif']],
  essFlag: [['economie', 'sociale', 'solidaire'], ['ess']],
  family: [['famille']],
  sector: [['secteur']],
  communeCode: [['code', 'commune'], ['insee']],
  state: [['etat', 'administratif']],
  lon: [['longitude']],
  lat: [['latitude']],
  latlon: [['geolocalisation'], ['coordonnees'], ['geo', 'point']],
  x: [['lambert', 'abscisse']],
  y: [['lambert', 'ordonnee']],
};

/**
 * Detects the column mapping from the header and a sample of rows. A column is proposed for a
 * field only when its name matches and its values fit (column-evidence.ts): a year is never a
 * headcount, a NAF column holds NAF codes, coordinates fall in France. Columns whose name
 * matched but whose values did not are listed in `rejected` with the reason.
 *
 * @example
 * detectMapping(['siret', 'longitude', 'latitude'], [['00012345600012', '1.44', '43.6']]).mapping
 * // → { siret: 0, lon: 1, lat: 2 }
 */
export function detectMapping(header: string[], sample: string[][]): MappingResult {
  const norm = header.map(normalizeHeader);
  const candidates: { field: Field; col: number; score: number }[] = [];
  const vetoed: RejectedColumn[] = [];
  // Rows too short for the header (a cut line, a note) are rejected by the ingest: their
  // stray cells say nothing about the columns.
  const whole = sample.filter((r) => r.length >= header.length);
  const evidenceRows = whole.length > 0 ? whole : sample;
  for (const field of FIELDS) {
    const exact = EXACT[field];
    for (let col = 0; col < norm.length; col++) {
      const h = norm[col];
      if (h === '') continue;
      const compact = h.replace(/ /g, '');
      let score = 0;
      const ei = exact.findIndex((e) => e === h || e.replace(/ /g, '') === compact);
      if (ei >= 0) score = 1 - ei * 0.005;
      else if (WORDS[field]?.some((g) => g.every((w) => h.split(' ').includes(w)))) score = 0.7;
      if (score === 0) continue;
      // What the values say is the more concrete reason (« ses valeurs sont des années »).
      const evidence = valueEvidence(field, evidenceRows.map((r) => r[col] ?? ''), ei >= 0 ? MIN_FIT_EXACT_NAME : MIN_FIT);
      const byName = ei >= 0 ? null : headerVeto(field, h);
      if (evidence.veto || byName) {
        if (!byName?.quiet) vetoed.push({ field, column: col, reason: evidence.veto ?? byName!.why });
        continue;
      }
      candidates.push({ field, col, score: score * (0.5 + 0.5 * evidence.fit) });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = {};
  const confidence: Partial<Record<Field, number>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.col) || c.score < 0.45) continue;
    mapping[c.field] = c.col;
    confidence[c.field] = Math.round(c.score * 100) / 100;
    used.add(c.col);
  }
  // A headcount column named like the bracket column is the bracket, not a headcount.
  if (mapping.headcount !== undefined && mapping.tranche === undefined) {
    const h = norm[mapping.headcount];
    if (h.includes('tranche')) {
      mapping.tranche = mapping.headcount;
      confidence.tranche = confidence.headcount;
      delete mapping.headcount;
      delete confidence.headcount;
    }
  }
  // Worth telling: a field left without a column, and a column that went to no other field.
  const rejected = [...vetoed, ...checkCoordinates(mapping, confidence, sample)].filter(
    (r) => mapping[r.field] === undefined && !Object.values(mapping).includes(r.column),
  );
  return { mapping, confidence, layout: detectLayout(header), overall: overallConfidence(mapping, confidence), rejected };
}

/** Drops the coordinate columns when the sample positions do not fall in France. */
function checkCoordinates(mapping: ColumnMapping, confidence: Partial<Record<Field, number>>, sample: string[][]): RejectedColumn[] {
  if (!hasCoordinates(mapping)) return [];
  const found = coordinatesInFrance(mapping, sample);
  // A majority outside France means a wrong column or projection (Lambert read as degrees,
  // 0/0 placeholders); a few foreign rows are the ingest's « hors de France ».
  if (!found || found.share >= MIN_FIT_EXACT_NAME) return [];
  const fields = (['lon', 'lat', 'latlon', 'x', 'y'] as const).filter((f) => mapping[f] !== undefined);
  const reason = `seules ${Math.round(found.share * 100)} % des positions de l’aperçu tombent en France`;
  const out = fields.map((field) => ({ field, column: mapping[field]!, reason }));
  for (const f of fields) {
    delete mapping[f];
    delete confidence[f];
  }
  return out;
}

/**
 * The recognised layout, from the header alone: the mapping screen and the load summary both
 * read it from here, so they cannot disagree whatever columns the user corrects.
 */
export function detectLayout(header: readonly string[]): MappingResult['layout'] {
  const norm = header.map(normalizeHeader);
  const has = (h: string) => norm.includes(h);
  if (has('coordonneelambertabscisseetablissement')) return 'sirene-lambert';
  const sirene = has('activiteprincipaleetablissement') || has('categoriejuridiqueunitelegale') || has('siren');
  if (has('siret') && has('longitude') && (has('geo score') || has('geo_score') || sirene)) return 'geo-sirene';
  if (has('activiteprincipaleetablissement') || has('categoriejuridiqueunitelegale')) return 'sirene';
  if (norm.some((h) => EXACT.latlon.includes(h))) return 'opendatasoft';
  if (has('raison sociale') || has('famille') || has('secteur')) return 'observatoire';
  return 'inconnu';
}

function overallConfidence(m: ColumnMapping, c: Partial<Record<Field, number>>): number {
  const coord =
    m.lon !== undefined && m.lat !== undefined
      ? Math.min(c.lon ?? 0, c.lat ?? 0)
      : m.latlon !== undefined
        ? (c.latlon ?? 0)
        : m.x !== undefined && m.y !== undefined
          ? Math.min(c.x ?? 0, c.y ?? 0)
          : 0;
  const others = (['naf', 'tranche', 'legalCategory', 'essFlag'] as const)
    .filter((f) => m[f] !== undefined)
    .map((f) => c[f] ?? 0);
  return Math.min(coord, ...others);
}

/** Whether a mapping can place establishments at all. */
export function hasCoordinates(m: ColumnMapping): boolean {
  return (m.lon !== undefined && m.lat !== undefined) || m.latlon !== undefined || (m.x !== undefined && m.y !== undefined);
}

/** Stable signature of a header, to remember the user's mapping for files of the same layout. */
export function headerSignature(header: string[]): string {
  const s = header.map(normalizeHeader).join('|');
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${header.length}-${(h >>> 0).toString(16)}`;
}

/** Below this confidence a detected column is « probable » and must be confirmed. */
export const SURE_CONFIDENCE = 0.9;

/**
 * Detected choices still in `mapping` that are only probable and change the figures (every
 * field but the name): the mapping screen asks the user to confirm each one before loading.
 */
export function fieldsToConfirm(detected: MappingResult, mapping: ColumnMapping): Field[] {
  return FIELDS.filter(
    (f) => f !== 'name' && mapping[f] !== undefined && mapping[f] === detected.mapping[f] && (detected.confidence[f] ?? 1) < SURE_CONFIDENCE,
  );
}

/** Whether a mapping says, one way or another, which establishments belong to the ESS. */
export function hasEssColumn(m: ColumnMapping): boolean {
  return m.essFlag !== undefined || m.family !== undefined || m.legalCategory !== undefined;
}
