/**
 * Everyday needs of residents, each read as a set of NAF codes: the « zones blanches » analysis
 * asks, per quartier and need, whether an ESS establishment serves it inside, in the quartier
 * vécu, or how far away the nearest one is. Editable, sourced constants like the national
 * references: a user may pass their own list (`--besoins`, parseNeedsCsv).
 *
 * Source of the list: the needs named by the RTES – ANCT seminars and guide « L'ESS dans les
 * contrats de ville » (aide à domicile, petite enfance, santé, alimentation solidaire,
 * réemploi, mobilité, insertion, sport et culture, logement accompagné, accompagnement scolaire), read through NAF rév. 2 (INSEE,
 * nomenclature d'activités française, 2008). NAF does not know the ESS status of an activity:
 * an épicerie solidaire is a 47.11 shop, a garage solidaire a 45.20 garage; the ESS flag of
 * the establishment does the rest. Insertion par l'activité économique has no NAF of its own:
 * the codes below (mise à disposition de personnel, entretien d'espaces verts) are where most
 * associations intermédiaires and ateliers chantiers d'insertion are registered, an
 * approximation the labels say.
 */
import Papa from 'papaparse';
import { EssqError } from '../errors.ts';

export interface ResidentNeed {
  /** Stable key (JSON, CSV). */
  id: string;
  /** French label shown to users. */
  label: string;
  /**
   * NAF prefixes without punctuation, upper case: a division ("86"), a group or class
   * ("8810"), or a sous-classe ("8891A"). A code matches when its normalised form starts with
   * one of them.
   */
  naf: readonly string[];
}

export const NEEDS_SOURCE =
  'Besoins : RTES – ANCT, « L’ESS dans les contrats de ville » ; codes : INSEE, NAF rév. 2';

export const DEFAULT_NEEDS: readonly ResidentNeed[] = Object.freeze([
  { id: 'aide_domicile_action_sociale', label: 'Aide à domicile et action sociale', naf: ['8810', '8899', '8720', '8730'] },
  { id: 'logement', label: 'Logement et hébergement accompagné', naf: ['8790', '5590', '6820'] },
  { id: 'petite_enfance', label: 'Petite enfance', naf: ['8891A', '8510'] },
  { id: 'sante', label: 'Santé', naf: ['86'] },
  { id: 'alimentation', label: 'Alimentation et commerce de proximité solidaire', naf: ['4711', '472', '5610'] },
  { id: 'reemploi', label: 'Réemploi et économie circulaire', naf: ['38', '3900', '4779', '95'] },
  { id: 'mobilite', label: 'Mobilité', naf: ['4520', '4931', '4932', '4939', '7711', '7721', '8553'] },
  { id: 'insertion', label: 'Insertion par l’activité économique (approchée par la NAF)', naf: ['7830', '7820', '8130'] },
  { id: 'sport_culture', label: 'Sport et culture', naf: ['93', '90', '91', '8551', '8552'] },
  { id: 'formation_accompagnement', label: 'Formation et accompagnement scolaire', naf: ['8559'] },
].map((n) => Object.freeze({ ...n, naf: Object.freeze(n.naf) })));

/** NAF code without dots or spaces, upper case: « 88.10a » → « 8810A », « 8810A » unchanged. */
export function normaliseNaf(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 48 && c <= 57) out += code[i];
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      // Letters count only after the four digits (the sous-classe letter).
      if (out.length >= 4) out += code[i].toUpperCase();
    }
  }
  return out;
}

/** Indices (into `needs`) of the needs a NAF code serves; empty for an empty or unknown code. */
export function needsOfNaf(code: string, needs: readonly ResidentNeed[]): number[] {
  const naf = normaliseNaf(code);
  if (naf.length < 2) return [];
  const out: number[] = [];
  for (let k = 0; k < needs.length; k++) {
    if (needs[k].naf.some((p) => naf.startsWith(p))) out.push(k);
  }
  return out;
}

/**
 * Reads a user's list of needs: a CSV with a header, columns `besoin` (label) and `codes_naf`
 * (NAF codes or prefixes separated by spaces, commas or `|`), and optionally `id`; `;` or `,`
 * separated. Throws a French message naming the line on a row without codes or a code that is
 * not a NAF prefix.
 *
 * @example parseNeedsCsv('besoin;codes_naf\nSanté;86\nMobilité;45.20 49.39')
 */
export function parseNeedsCsv(text: string): ResidentNeed[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const lines = parsed.data;
  if (lines.length < 2) throw new EssqError('bad_needs', 'Liste de besoins : un en-tête (besoin;codes_naf) et au moins une ligne étaient attendus.');
  const header = lines[0].map((h) => h.trim().toLowerCase());
  const labelCol = header.indexOf('besoin');
  const codesCol = header.indexOf('codes_naf');
  const idCol = header.indexOf('id');
  if (labelCol < 0 || codesCol < 0) {
    throw new EssqError('bad_needs', `Liste de besoins : colonnes « besoin » et « codes_naf » attendues, trouvé « ${header.join(' ; ')} ».`);
  }
  const seen = new Set<string>();
  return lines.slice(1).map((cells, i) => {
    const label = (cells[labelCol] ?? '').trim();
    const raw = (cells[codesCol] ?? '').split(/[\s,|]+/).filter(Boolean);
    const naf = raw.map(normaliseNaf);
    const bad = raw.find((_, k) => !/^\d{2}(\d{1,2}[A-Z]?)?$/.test(naf[k]));
    if (label === '' || naf.length === 0 || bad !== undefined) {
      throw new EssqError('bad_needs', `Liste de besoins, ligne ${i + 2} : un libellé et des codes NAF (ex. 88.10 ou 86) étaient attendus, trouvé « ${cells.join(' ; ').slice(0, 80)} ».`);
    }
    let id = idCol >= 0 && cells[idCol] ? cells[idCol].trim() : slug(label);
    while (seen.has(id)) id += '_';
    seen.add(id);
    return { id, label, naf };
  });
}

function slug(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
