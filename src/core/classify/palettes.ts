/**
 * Colours of the maps: sequential palettes for the classes (all readable by people with a
 * colour-vision deficiency), the neutral colours of cells without data and of masked cells
 * (secret statistique), and categorical colours for the establishments' families and sectors.
 */
import {
  interpolateCividis,
  interpolateMagma,
  interpolateViridis,
  schemeBlues,
  schemeGreens,
  schemeOranges,
  schemePurples,
  schemeYlGnBu,
} from 'd3-scale-chromatic';
import { FAMILIES, SECTORS } from '../types.ts';
import type { Family, Sector } from '../types.ts';

interface PaletteDef {
  label: string;
  /** A ColorBrewer scheme (index = number of classes, light to dark) … */
  scheme?: ReadonlyArray<readonly string[]>;
  /** … or a continuous colour map from dark (0) to light (1). */
  interpolate?: (t: number) => string;
}

const PALETTE_DEFS = {
  viridis: { label: 'Viridis', interpolate: interpolateViridis },
  cividis: { label: 'Cividis', interpolate: interpolateCividis },
  magma: { label: 'Magma', interpolate: interpolateMagma },
  blues: { label: 'Bleus', scheme: schemeBlues },
  ylgnbu: { label: 'Jaune-vert-bleu', scheme: schemeYlGnBu },
  purples: { label: 'Violets', scheme: schemePurples },
  greens: { label: 'Verts', scheme: schemeGreens },
  oranges: { label: 'Oranges', scheme: schemeOranges },
} satisfies Record<string, PaletteDef>;

export type PaletteName = keyof typeof PALETTE_DEFS;
export const PALETTE_NAMES = Object.keys(PALETTE_DEFS) as PaletteName[];
export const DEFAULT_PALETTE: PaletteName = 'viridis';

/** French label of a palette, for the palette select. */
export function paletteLabel(name: PaletteName): string {
  return PALETTE_DEFS[name].label;
}

/** True for a palette name this module knows (names come from URLs and project files). */
export function isPaletteName(name: string): name is PaletteName {
  return Object.hasOwn(PALETTE_DEFS, name);
}

/**
 * `n` colours (hex) of a sequential palette, from the lowest class to the highest, light to
 * dark: darker means more, the usual reading of a choropleth. Viridis, cividis and magma are
 * sampled evenly over their whole range (reversed, since they run dark to light); the
 * ColorBrewer palettes use their own n-class scheme. An unknown name falls back to viridis,
 * and `n` is clamped to 1–9.
 *
 * @example paletteColors('blues', 3) // → ['#deebf7', '#9ecae1', '#3182bd']
 */
export function paletteColors(name: string, n: number): string[] {
  const def: PaletteDef = isPaletteName(name) ? PALETTE_DEFS[name] : PALETTE_DEFS[DEFAULT_PALETTE];
  const k = Math.max(1, Math.min(9, Math.round(Number.isFinite(n) ? n : 1)));
  if (def.scheme) {
    // ColorBrewer schemes start at 3 classes; fewer take the ends of the 3-class scheme.
    if (k >= 3) return [...def.scheme[k]];
    const three = def.scheme[3];
    return k === 1 ? [three[1]] : [three[0], three[2]];
  }
  const interpolate = def.interpolate ?? interpolateViridis;
  if (k === 1) return [toHex(interpolate(0.5))];
  // Keep clear of the palettes' extremes (near-black, near-white) so outlines stay visible.
  return Array.from({ length: k }, (_, i) => toHex(interpolate(0.95 - (0.9 * i) / (k - 1))));
}

/** d3 interpolators return `rgb(r, g, b)`; MapLibre and CSS accept it, but hex is shorter to test and export. */
function toHex(colour: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (!m) return colour;
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Fill of a quartier without a value (no denominator): plain mid grey, unlike any palette colour. */
export const NO_DATA_COLOR = '#bdbdbd';
/** Background of a masked cell (secret statistique), under the hatching. */
export const SECRET_COLOR = '#f4f4f4';
/** Lines of the hatching drawn over masked cells. */
export const SECRET_HATCH_COLOR = '#6e6e6e';
/** Single colour of the proportional circles (counts): the palettes classify rates only. */
export const CIRCLE_COLOR = '#3b6fb6';

/**
 * RGBA pixels of a square tile of diagonal hatching, for MapLibre's `fill-pattern` (through
 * `map.addImage`) and, with the same colours, for the legend swatch. The lines go from
 * bottom-left to top-right and join across tiles.
 */
export function hatchPattern(size = 8, line = SECRET_HATCH_COLOR, background = SECRET_COLOR): { width: number; height: number; data: Uint8Array } {
  const fg = hexToRgb(line);
  const bg = hexToRgb(background);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance to the anti-diagonal x + y = size - 1, wrapped so neighbouring tiles join.
      const d = (x + y + 1) % size;
      const c = d === 0 || d === size - 1 ? fg : bg;
      data.set([c[0], c[1], c[2], 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Couleur hexadécimale attendue (#rrggbb), reçu « ${hex} ».`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/**
 * Establishment colours by legal family: the Okabe–Ito palette, designed to stay distinct for
 * every common colour-vision deficiency; unknown family in grey.
 */
export const FAMILY_COLORS: Readonly<Record<Family, string>> = {
  association: '#0072B2',
  cooperative: '#E69F00',
  mutuelle: '#009E73',
  fondation: '#CC79A7',
  societe_commerciale_ess: '#D55E00',
  inconnue: '#999999',
};

/**
 * Establishment colours by sector group. Thirteen categories cannot all stay distinct for
 * every reader, so the families are the default colouring; these follow Tableau 10 and three
 * darker additions, with "non classé" in grey.
 */
export const SECTOR_COLORS: Readonly<Record<Sector, string>> = {
  action_sociale: '#4e79a7',
  sante: '#f28e2b',
  enseignement: '#e15759',
  sports_loisirs: '#76b7b2',
  arts_spectacles: '#59a14f',
  finance_assurance: '#edc948',
  commerce: '#b07aa1',
  hebergement_restauration: '#ff9da7',
  soutien_entreprises: '#9c755f',
  industrie_construction: '#1f3b73',
  agriculture: '#2f6b2f',
  autres_activites: '#7a4d7a',
  non_classe: '#bab0ac',
};

/** Colours in the order of the `family` column codes (index = code). */
export const FAMILY_COLOR_LIST: readonly string[] = FAMILIES.map((f) => FAMILY_COLORS[f]);
/** Colours in the order of the `sector` column codes (index = code). */
export const SECTOR_COLOR_LIST: readonly string[] = SECTORS.map((s) => SECTOR_COLORS[s]);
