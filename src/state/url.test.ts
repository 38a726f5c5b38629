// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeView, encodeView, startUrlSync, viewOf, type UrlView } from './url.ts';
import { initialState, resetStore, useStore } from './store.ts';
import { loadQuartiersFile } from './actions.ts';
import { DEFAULT_FILTERS } from '../core/indicators/aggregate.ts';
import { installTestEngine } from '../ui/common/test-engine.ts';
import { createFile, createQuartiersGeojson } from '../ui/common/test-fixtures.ts';

function createView(): UrlView {
  return {
    indicator: 'densityPer1000',
    classification: { method: 'manual', classes: 4, palette: 'blues', manualBreaks: [0.5, 1.25, 3] },
    filters: { families: [0, 3], sectors: [], sizes: [1, 2, 4], employerOnly: false, communes: ['31555', '2A004'] },
    selection: ['QN03101A', 'QN03103C'],
    profile: 'QN03102B',
    map: { center: [1.44321, 43.60456], zoom: 12.5 },
    ringMetres: 500,
    showRing: true,
    showPoints: false,
  };
}

/** A window stand-in: location and history only, as startUrlSync uses them. */
function createWindow(hash = '') {
  const listeners = new Map<string, () => void>();
  const win = {
    location: { pathname: '/app/', search: '', hash },
    history: {
      state: null,
      replaceState(_s: unknown, _t: string, url: string) {
        win.location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
      },
    },
    addEventListener: (type: string, l: () => void) => listeners.set(type, l),
    removeEventListener: (type: string) => listeners.delete(type),
    fire: (type: string) => listeners.get(type)?.(),
  };
  return win;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => resetStore());

describe('encodeView / decodeView', () => {
  it('round-trips a full view', () => {
    const view = createView();
    expect(decodeView(encodeView(view))).toEqual(view);
    expect(decodeView(`#${encodeView(view)}`)).toEqual(view);
  });

  it('round-trips the default view as an empty hash', () => {
    const s = useStore.getState();
    expect(encodeView(viewOf(s))).toBe('');
    expect(decodeView('')).toEqual({});
  });

  it('keeps "no family at all" apart from "every family"', () => {
    const none = decodeView(encodeView({ filters: { ...DEFAULT_FILTERS, families: [] } }));
    expect(none.filters?.families).toEqual([]);
    expect(none.filters?.sectors).toBeNull();
  });

  it('writes categories by name, so links stay readable', () => {
    const hash = encodeView({ filters: { ...DEFAULT_FILTERS, families: [0, 1] } });
    expect(decodeURIComponent(hash)).toBe('fam=association,cooperative');
  });

  it('ignores malformed or hostile values instead of failing', () => {
    const v = decodeView('#i=<script>&k=99&cl=magic&pal=a"b&sel=QN1,<x>&carte=abc&vecu=-5&fam=licorne,association&com=xyz');
    expect(v.indicator).toBeUndefined();
    expect(v.classification).toEqual(initialState.classification);
    expect(v.selection).toEqual(['QN1']);
    expect(v.map).toBeUndefined();
    expect(v.ringMetres).toBeUndefined();
    expect(v.filters?.families).toEqual([0]);
    expect(v.filters?.communes).toEqual([]);
  });

  it('never puts data in the URL, only quartier codes', () => {
    const hash = encodeView(createView());
    expect(hash.length).toBeLessThan(400);
    expect(hash).not.toMatch(/Izards|coordinates|siret/i);
  });
});

describe('startUrlSync', () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it('applies the link at start-up, then the selection once quartiers with those codes are loaded', async () => {
    installTestEngine();
    const win = createWindow(`#${encodeView({ indicator: 'jobs', filters: { ...DEFAULT_FILTERS, employerOnly: false }, selection: ['QN03103C', 'QN03101A'], profile: 'QN03102B', ringMetres: 400 })}`);
    stop = startUrlSync({ win: win as never, debounceMs: 0 });
    const s = useStore.getState();
    expect(s.indicator).toBe('jobs');
    expect(s.filters.employerOnly).toBe(false);
    expect(s.ringMetres).toBe(400);
    expect(s.selection).toEqual([]);

    await loadQuartiersFile(createFile(createQuartiersGeojson(), 'q.geojson'));
    expect(useStore.getState().selection).toEqual([2, 0]);
    expect(useStore.getState().profile).toBe(1);
  });

  it('keeps waiting when other quartiers (the demo) are loaded first', async () => {
    installTestEngine();
    const other = createQuartiersGeojson([{ code: 'QN99901N', name: 'Démo', commune: '99001', communeName: 'Ville-Exemple', corner: [1.9, 47.5] }]);
    const win = createWindow('#sel=QN03102B');
    stop = startUrlSync({ win: win as never, debounceMs: 0 });
    await loadQuartiersFile(createFile(other, 'demo.geojson'));
    await tick();
    expect(useStore.getState().selection).toEqual([]);
    expect(win.location.hash).toBe('#sel=QN03102B');
    await loadQuartiersFile(createFile(createQuartiersGeojson(), 'q.geojson'));
    expect(useStore.getState().selection).toEqual([1]);
  });

  it('writes the view into the hash when the store changes', async () => {
    installTestEngine();
    const win = createWindow();
    stop = startUrlSync({ win: win as never, debounceMs: 0 });
    await loadQuartiersFile(createFile(createQuartiersGeojson(), 'q.geojson'));
    useStore.setState({ selection: [0, 1], indicator: 'establishments', mapPosition: { center: [1.4, 43.6], zoom: 11 } });
    await tick();
    expect(decodeView(win.location.hash)).toMatchObject({
      indicator: 'establishments',
      selection: ['QN03101A', 'QN03102B'],
      map: { center: [1.4, 43.6], zoom: 11 },
    });
  });

  it('follows a link pasted in the same tab', () => {
    const win = createWindow();
    stop = startUrlSync({ win: win as never, debounceMs: 0 });
    win.location.hash = '#i=densityPer1000';
    win.fire('hashchange');
    expect(useStore.getState().indicator).toBe('densityPer1000');
  });
});
