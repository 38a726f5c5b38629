/**
 * The establishments file: a SIRENE-like extract of the two communes, denser in and around
 * the quartiers, with the ordinary flaws of real extracts planted in known numbers so the
 * import report has something to show (rows without coordinates, repeated SIRETs, closed
 * establishments).
 */
import { createRng, deriveSeed } from './prng.ts';
import type { Rng } from './prng.ts';
import { polysArea } from './geometry.ts';
import type { LocalProjection, Pt } from './geometry.ts';
import { ESS_PROFILES, OTHER_PROFILES } from './catalogue.ts';
import type { Profile, TrancheMix } from './catalogue.ts';
import { fillName, sireneCase } from './names.ts';
import { newSiren, siretOf } from './siret.ts';
import { communeAt, sampleElsewhere, sampleInPark, sampleInside, sampleVecu } from './placement.ts';
import type { QuartierShape, Territory } from './territory.ts';

export interface EstablishmentRow {
  siret: string;
  denomination: string;
  categorieJuridique: string;
  naf: string;
  tranche: string;
  ess: 'O' | 'N';
  commune: string;
  etat: 'A' | 'F';
  lon: number | null;
  lat: number | null;
}

/** How many rows of each flaw the file holds; the manifest publishes these numbers. */
export const FLAWS = { noCoordinates: 10, duplicateSirets: 2, closed: 14 } as const;

export interface EstablishmentOptions {
  seed: number;
  /** Rows in the file, flaws included. */
  rows: number;
}

interface Unit {
  siren: string;
  denomination: string;
  categorieJuridique: string;
  naf: string;
  tranche: TrancheMix;
  ess: boolean;
  nextSequence: number;
}

interface Draft {
  unit: Unit;
  tranche?: string;
  at: Pt;
  /** Signature establishments stay clean so every quartier keeps its ESS anchors. */
  planted: boolean;
}

type Zone = 'quartier' | 'vecu' | 'ailleurs';
const ZONES: readonly (readonly [Zone, number])[] = [['quartier', 0.45], ['vecu', 0.15], ['ailleurs', 0.4]];
/** ESS is denser in the quartiers than across the town, as in the national figures. */
const ESS_CHANCE: Record<Zone, number> = { quartier: 0.15, vecu: 0.11, ailleurs: 0.06 };

class UnitRegistry {
  private readonly sirens = new Set<string>();
  private readonly names = new Set<string>();
  private readonly byKind = new Map<string, Unit[]>();

  constructor(private readonly rng: Rng, private readonly complements: readonly string[]) {}

  /** A fixed unit, for the signature establishments. */
  fixed(denomination: string, categorieJuridique: string, naf: string, ess: boolean): Unit {
    this.names.add(denomination);
    return { siren: newSiren(this.rng, this.sirens), denomination, categorieJuridique, naf, tranche: [], ess, nextSequence: 1 };
  }

  /** An existing unit of the same kind (one more site) or a new one. */
  draw(profile: Profile): Unit {
    const variantIndex = this.rng.weighted(profile.variants.map((v, i) => [i, v.weight] as const));
    const variant = profile.variants[variantIndex] as Profile['variants'][number];
    const key = `${profile.id}/${variantIndex}`;
    const existing = this.byKind.get(key) ?? [];
    const multiSite = variant.multiSite ?? profile.multiSite ?? 0;
    if (existing.length > 0 && this.rng.chance(multiSite)) return this.rng.pick(existing);
    let name = '';
    for (let attempt = 0; attempt < 12; attempt++) {
      name = fillName(this.rng, this.rng.pick(variant.names), this.complements);
      if (name === '' || !this.names.has(name)) break;
    }
    this.names.add(name);
    const unit: Unit = {
      siren: newSiren(this.rng, this.sirens),
      denomination: this.rng.chance(1 / 6) ? sireneCase(name) : name,
      categorieJuridique: this.rng.weighted(variant.cj ?? profile.cj),
      naf: variant.naf,
      tranche: variant.tranche ?? profile.tranche,
      ess: profile.ess,
      nextSequence: this.rng.int(1, 3),
    };
    existing.push(unit);
    this.byKind.set(key, existing);
    return unit;
  }
}

function plantSignatures(rng: Rng, t: Territory, units: UnitRegistry): Draft[] {
  const drafts: Draft[] = [];
  t.quartiers.forEach((q, i) => {
    const centre = units.fixed(`Centre social ${q.complement}`, '9220', '88.99B', true);
    drafts.push({ unit: centre, tranche: rng.pick(['03', '11', '12']), at: sampleInside(rng, q, 40), planted: true });
    const amicale = units.fixed(`Amicale des locataires ${q.complement}`, '9220', '94.99Z', true);
    drafts.push({ unit: amicale, tranche: 'NN', at: sampleInside(rng, q, 40), planted: true });
    // Régies de quartier exist in some quartiers only, as in reality.
    if (i % 2 === 0) {
      const regie = units.fixed(`Régie de quartier ${q.complement}`, '9220', '81.10Z', true);
      drafts.push({ unit: regie, tranche: rng.pick(['11', '12']), at: sampleInside(rng, q, 40), planted: true });
    }
  });
  // Two establishments in the park, i.e. in the hole: an engine that ignores holes counts them.
  const parkQuartier = t.quartiers.find((q) => q.code === t.park.quartierCode) as QuartierShape;
  const amis = units.fixed('Les Amis du parc de la Pépinière', '9220', '94.99Z', true);
  drafts.push({ unit: amis, tranche: '01', at: sampleInPark(rng, parkQuartier), planted: true });
  const buvette = units.fixed('La Buvette du Parc', '5499', '56.30Z', false);
  drafts.push({ unit: buvette, tranche: '01', at: sampleInPark(rng, parkQuartier), planted: true });
  return drafts;
}

function drawLocation(rng: Rng, zone: Zone, t: Territory): Pt {
  if (zone === 'ailleurs') return sampleElsewhere(rng, t);
  // Larger and denser quartiers hold more establishments; the band grows with the outline.
  const weights = t.quartiers.map((q) => {
    const km2 = polysArea(q.polys) / 1e6;
    return [q, zone === 'quartier' ? km2 * q.density : Math.sqrt(km2)] as const;
  });
  const q = rng.weighted(weights);
  return zone === 'quartier' ? sampleInside(rng, q) : sampleVecu(rng, q, t);
}

/** Builds the rows of demo-etablissements.csv, in SIRET order with the flaws in place. */
export function buildEstablishments(t: Territory, projection: LocalProjection, options: EstablishmentOptions): EstablishmentRow[] {
  const rng = createRng(deriveSeed(options.seed, 'establishments'));
  const units = new UnitRegistry(rng, t.quartiers.map((q) => q.complement));
  const drafts = plantSignatures(rng, t, units);
  const essProfiles = ESS_PROFILES.map((p) => [p, p.weight] as const);
  const otherProfiles = OTHER_PROFILES.map((p) => [p, p.weight] as const);
  while (drafts.length < options.rows - FLAWS.duplicateSirets) {
    const zone = rng.weighted(ZONES);
    const profile = rng.weighted(rng.chance(ESS_CHANCE[zone]) ? essProfiles : otherProfiles);
    drafts.push({ unit: units.draw(profile), at: drawLocation(rng, zone, t), planted: false });
  }

  const rows = drafts.map((d) => {
    const [lon, lat] = projection.toLonLat(d.at);
    const commune = communeAt(d.at, t.communes);
    if (commune === undefined) throw new Error(`Établissement hors des communes en ${d.at.join(', ')}`);
    const row: EstablishmentRow = {
      siret: siretOf(d.unit.siren, d.unit.nextSequence++),
      denomination: d.unit.denomination,
      categorieJuridique: d.unit.categorieJuridique,
      naf: d.unit.naf,
      tranche: d.tranche ?? rng.weighted(d.unit.tranche),
      ess: d.unit.ess ? 'O' : 'N',
      commune: commune.code,
      etat: 'A',
      lon,
      lat,
    };
    return { row, planted: d.planted };
  });
  rows.sort((a, b) => (a.row.siret < b.row.siret ? -1 : a.row.siret > b.row.siret ? 1 : 0));
  return plantFlaws(rng, rows);
}

/** Flaws touch distinct ordinary rows, so each rejected row has exactly one reason. */
function plantFlaws(rng: Rng, rows: { row: EstablishmentRow; planted: boolean }[]): EstablishmentRow[] {
  const candidates = rows.flatMap((r, i) => (r.planted ? [] : [i]));
  const chosen = new Set<number>();
  const take = (n: number): number[] => {
    const out: number[] = [];
    while (out.length < n) {
      const i = rng.pick(candidates);
      if (!chosen.has(i)) {
        chosen.add(i);
        out.push(i);
      }
    }
    return out;
  };
  for (const i of take(FLAWS.noCoordinates)) {
    const r = (rows[i] as (typeof rows)[number]).row;
    r.lon = null;
    r.lat = null;
  }
  for (const i of take(FLAWS.closed)) (rows[i] as (typeof rows)[number]).row.etat = 'F';
  const result = rows.map((r) => r.row);
  // Repeated SIRETs come from merged extracts: one exact copy, one copy with the name in
  // SIRENE capitals; each lands further down the file than its original.
  const originals = take(FLAWS.duplicateSirets).sort((a, b) => b - a);
  originals.forEach((i, k) => {
    const original = result[i] as EstablishmentRow;
    const copy = k === 0 ? { ...original } : { ...original, denomination: sireneCase(original.denomination) };
    result.splice(rng.int(i + 1, result.length), 0, copy);
  });
  return result;
}
