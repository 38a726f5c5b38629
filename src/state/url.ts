/**
 * The view lives in the URL hash, so a link reproduces it: indicator, classification, filters,
 * selected quartiers (by code), open profile, map position, quartier vécu. Data never goes in
 * the URL — only names of things the recipient loads themselves.
 *
 * Quartiers are named by code, not by index: the link is read before any file is loaded, and
 * the selection is re-applied once quartiers with those codes are (see {@link startUrlSync}).
 */
import { DEFAULT_FILTERS, type Filters } from '../core/indicators/aggregate.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../core/indicators/catalog.ts';
import { FAMILIES, SECTORS, SIZES } from '../core/types.ts';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES } from '../core/classify/breaks.ts';
import { PALETTE_NAMES } from '../core/classify/palettes.ts';
import { initialState, useStore, type AppState, type ClassMethod, type Classification, type MapPosition } from './store.ts';

export interface UrlView {
  indicator?: IndicatorKey;
  classification?: Classification;
  filters?: Filters;
  /** Quartier codes. */
  selection?: string[];
  profile?: string;
  map?: MapPosition;
  ringMetres?: number;
  showRing?: boolean;
  showPoints?: boolean;
}

const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Category indices ↔ names: names keep links valid if the engine's order ever changes. */
function encodeSet(values: number[] | null, names: readonly string[]): string | null {
  return values === null ? null : values.map((i) => names[i]).filter(Boolean).join(',');
}

function decodeSet(raw: string | null, names: readonly string[]): number[] | null {
  if (raw === null) return null;
  const out = raw
    .split(',')
    .map((n) => names.indexOf(n))
    .filter((i) => i >= 0);
  return [...new Set(out)].sort((a, b) => a - b);
}

const codes = (raw: string | null) => (raw === null ? null : raw.split(',').filter((c) => CODE.test(c)));

/** The view part of the state as the URL wants it. */
export function viewOf(s: AppState): UrlView {
  return {
    indicator: s.indicator,
    classification: s.classification,
    filters: s.filters,
    selection: s.selection.map((i) => s.quartiers[i]?.code).filter((c): c is string => !!c),
    profile: s.profile === null ? undefined : s.quartiers[s.profile]?.code,
    map: s.mapPosition ?? undefined,
    ringMetres: s.ringMetres,
    showRing: s.showRing,
    showPoints: s.showPoints,
  };
}

/**
 * Encodes a view as a hash (without `#`). Defaults are left out so a plain link stays short.
 *
 * @example
 * encodeView({ indicator: 'jobs', selection: ['QN03101M', 'QN06501I'] })
 * // 'i=jobs&sel=QN03101M%2CQN06501I'
 */
export function encodeView(v: UrlView): string {
  const p = new URLSearchParams();
  if (v.indicator && v.indicator !== initialState.indicator) p.set('i', v.indicator);
  const c = v.classification;
  const dc = initialState.classification;
  if (c) {
    if (c.method !== dc.method) p.set('cl', c.method);
    if (c.classes !== dc.classes) p.set('k', String(c.classes));
    if (c.palette !== dc.palette) p.set('pal', c.palette);
    if (c.method === 'manual' && c.manualBreaks.length > 0) p.set('seuils', c.manualBreaks.join(','));
  }
  const f = v.filters;
  if (f) {
    const fam = encodeSet(f.families, FAMILIES);
    const sec = encodeSet(f.sectors, SECTORS);
    const tai = encodeSet(f.sizes, SIZES);
    if (fam !== null) p.set('fam', fam);
    if (sec !== null) p.set('sec', sec);
    if (tai !== null) p.set('tai', tai);
    if (!f.employerOnly) p.set('emp', '0');
    if (f.communes !== null) p.set('com', f.communes.join(','));
  }
  if (v.selection && v.selection.length > 0) p.set('sel', v.selection.join(','));
  if (v.profile) p.set('fiche', v.profile);
  if (v.map) p.set('carte', `${round(v.map.zoom, 2)}/${round(v.map.center[1], 5)}/${round(v.map.center[0], 5)}`);
  if (v.ringMetres !== undefined && v.ringMetres !== initialState.ringMetres) p.set('vecu', String(v.ringMetres));
  if (v.showRing) p.set('vecu_aff', '1');
  if (v.showPoints === false) p.set('pts', '0');
  return p.toString();
}

/** Decodes a hash (with or without `#`); anything malformed is ignored, never thrown. */
export function decodeView(hash: string): UrlView {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const v: UrlView = {};
  const i = p.get('i');
  if (i && (INDICATOR_KEYS as readonly string[]).includes(i)) v.indicator = i as IndicatorKey;

  if (p.has('cl') || p.has('k') || p.has('pal') || p.has('seuils')) {
    const dc = initialState.classification;
    const method = p.get('cl');
    const k = Number(p.get('k'));
    const pal = p.get('pal');
    const breaks = (p.get('seuils') ?? '').split(',').filter((s) => s !== '').map(Number);
    v.classification = {
      method: method && (CLASS_METHODS as readonly string[]).includes(method) ? (method as ClassMethod) : dc.method,
      classes: Number.isInteger(k) && k >= MIN_CLASSES && k <= MAX_CLASSES ? k : dc.classes,
      palette: pal && (PALETTE_NAMES as readonly string[]).includes(pal) ? pal : dc.palette,
      manualBreaks: breaks.every(Number.isFinite) ? breaks : [],
    };
  }

  const filterKeys = ['fam', 'sec', 'tai', 'emp', 'com'];
  if (filterKeys.some((k) => p.has(k))) {
    v.filters = {
      ...DEFAULT_FILTERS,
      families: decodeSet(p.get('fam'), FAMILIES),
      sectors: decodeSet(p.get('sec'), SECTORS),
      sizes: decodeSet(p.get('tai'), SIZES),
      employerOnly: p.get('emp') !== '0',
      communes: p.has('com') ? (p.get('com') ?? '').split(',').filter((c) => /^[0-9AB]{5}$/i.test(c)) : null,
    };
  }

  const sel = codes(p.get('sel'));
  if (sel && sel.length > 0) v.selection = sel.slice(0, 4);
  const fiche = p.get('fiche');
  if (fiche && CODE.test(fiche)) v.profile = fiche;

  const carte = p.get('carte')?.split('/').map(Number);
  if (carte && carte.length === 3 && carte.every(Number.isFinite)) {
    const [zoom, lat, lon] = carte;
    if (zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) v.map = { zoom, center: [lon, lat] };
  }
  const vecu = Number(p.get('vecu'));
  if (p.has('vecu') && Number.isInteger(vecu) && vecu >= 0 && vecu <= 5000) v.ringMetres = vecu;
  if (p.get('vecu_aff') === '1') v.showRing = true;
  if (p.get('pts') === '0') v.showPoints = false;
  return v;
}

/** Applies what does not depend on loaded data; returns the quartier codes still to resolve. */
export function applyView(v: UrlView): { selection: string[]; profile: string | null } {
  const patch: Partial<AppState> = {};
  if (v.indicator) patch.indicator = v.indicator;
  if (v.classification) patch.classification = v.classification;
  if (v.filters) patch.filters = v.filters;
  if (v.map) patch.mapPosition = v.map;
  if (v.ringMetres !== undefined) patch.ringMetres = v.ringMetres;
  if (v.showRing !== undefined) patch.showRing = v.showRing;
  if (v.showPoints !== undefined) patch.showPoints = v.showPoints;
  useStore.setState(patch);
  return { selection: v.selection ?? [], profile: v.profile ?? null };
}

export interface UrlSyncOptions {
  /** Defaults to the global window. */
  win?: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;
  debounceMs?: number;
}

/**
 * Reads the hash into the store, then keeps the hash in step with the store (debounced,
 * `history.replaceState`: a view change is not a navigation the Back button should replay).
 * Selection and profile codes wait until quartiers carrying those codes are loaded. Returns
 * a function that stops the synchronisation.
 */
export function startUrlSync(options: UrlSyncOptions = {}): () => void {
  const win = options.win ?? window;
  const delay = options.debounceMs ?? 250;
  let pending = { selection: [] as string[], profile: null as string | null };
  let timer: ReturnType<typeof setTimeout> | null = null;

  const resolvePending = (s: AppState) => {
    if (s.quartiers.length === 0 || (pending.selection.length === 0 && pending.profile === null)) return;
    const byCode = new Map(s.quartiers.map((q) => [q.code.toUpperCase(), q.index]));
    const selection = pending.selection.map((c) => byCode.get(c.toUpperCase())).filter((i): i is number => i !== undefined);
    const profile = pending.profile === null ? undefined : byCode.get(pending.profile.toUpperCase());
    // Quartiers of another territory (the demo, before the user's own file): keep waiting.
    if (selection.length === 0 && profile === undefined) return;
    pending = { selection: [], profile: null };
    useStore.setState({ selection, profile: profile ?? s.profile });
  };

  const write = () => {
    timer = null;
    const s = useStore.getState();
    const view = viewOf(s);
    // Codes still waiting for their quartiers stay in the link.
    if (pending.selection.length > 0) view.selection = pending.selection;
    if (pending.profile !== null) view.profile = pending.profile;
    const hash = encodeView(view);
    const { pathname, search } = win.location;
    if (hash !== win.location.hash.replace(/^#/, '')) win.history.replaceState(win.history.state, '', `${pathname}${search}${hash ? `#${hash}` : ''}`);
  };

  const read = () => {
    pending = applyView(decodeView(win.location.hash));
    resolvePending(useStore.getState());
  };

  read();
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.quartiers !== prev.quartiers) resolvePending(s);
    // A choice made by the user replaces the one the link was waiting to apply.
    if (s.selection !== prev.selection && s.selection.length > 0) pending.selection = [];
    if (s.profile !== prev.profile && s.profile !== null) pending.profile = null;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delay);
  });
  const onHashChange = () => read();
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
