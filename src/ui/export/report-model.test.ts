import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_NOTE } from '../../core/export/report-text.ts';
import { setPointColorBy } from '../../map/map-options.ts';
import { initialState, resetStore, useStore, type AppState } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { QUARTIERS, loadFixtureData } from '../common/test-fixtures.ts';
import { legendItems } from './legend-model.ts';
import { defaultTitles, reportFooter, reportSources } from './report-context.ts';
import { sheetContent } from './sheet-content.ts';

/** The fixture data, loaded once through the real engine, replayed into a fresh store per test. */
let loaded: Partial<AppState> = {};
beforeAll(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
  const s = useStore.getState();
  loaded = { ...s };
});
beforeEach(() => {
  resetStore();
  setPointColorBy('family');
  useStore.setState({ ...loaded });
});

describe('exported legend', () => {
  it('titles the indicator with its unit, then the classes with their bounds and counts', () => {
    const items = legendItems(useStore.getState(), 'family');
    expect(items[0]).toEqual({ kind: 'title', text: 'Part de l’ESS dans l’emploi (%)' });
    expect(items[1]).toEqual({ kind: 'note', text: expect.stringMatching(/^Quantiles, \d classes?$/) });
    const classes = items.filter((i) => i.kind === 'swatch' && i.shape === 'box');
    expect(classes.length).toBeGreaterThanOrEqual(1);
    for (const c of classes) expect(c.kind === 'swatch' && c.text).toMatch(/%.*\(\d quartiers?\)$/);
    // Every quartier is counted once: in a class, or as no data, or as masked.
    const counted = items.reduce((n, c) => n + Number((c.kind === 'swatch' && /\((\d) quartiers?\)$/.exec(c.text)?.[1]) || 0), 0);
    expect(counted).toBe(QUARTIERS.length);
  });

  it('draws counts as circles, and lists the quartier vécu and the establishment colours when shown', () => {
    useStore.setState({ indicator: 'jobs', showRing: true });
    const items = legendItems(useStore.getState(), 'family');
    const circles = items.find((i) => i.kind === 'circles');
    expect(circles?.kind === 'circles' && circles.entries[0].text).toMatch(/ emplois$/);
    expect(items.some((i) => i.kind === 'swatch' && i.shape === 'band' && i.text === 'Quartier vécu (300 m autour du quartier)')).toBe(true);
    expect(items.filter((i) => i.kind === 'swatch' && i.shape === 'dot').map((i) => i.kind === 'swatch' && i.text)).toContain('Association');
  });
});

describe('report text from the store', () => {
  it('proposes a title from the indicator and a subtitle from the territory', () => {
    expect(defaultTitles(useStore.getState())).toEqual({ title: 'Part de l’ESS dans l’emploi dans les quartiers prioritaires', subtitle: 'Toulouse, Blagnac · 3 quartiers' });
  });

  it('names each source with the producer its layout reveals', () => {
    const sources = reportSources(useStore.getState());
    expect(sources.map((s) => [s.kind, s.name, s.producer])).toEqual([
      ['quartiers', 'quartiers.geojson', 'ANCT – géographie prioritaire'],
      ['etablissements', 'etablissements.csv', 'INSEE – base SIRENE géolocalisée (Etalab)'],
      ['reference', 'reference.csv', 'INSEE – données par quartier'],
    ]);
  });

  it('ends every export with the method, the sources, « s » and the date', () => {
    const [method, sources, last] = reportFooter(useStore.getState(), Date.UTC(2026, 10, 29, 12), { references: true });
    expect(method).toMatch(/^Méthode : emplois estimés à partir des tranches d’effectif SIRENE.*fourchette de/);
    expect(sources).toMatch(/^Sources : contours des quartiers « quartiers\.geojson ».*références nationales : ESS France – ANCT/);
    expect(last).toBe(`${SECRET_NOTE} Réalisé le 29/11/2026 avec ESS Quartiers.`);
  });
});

describe('quartier sheet content', () => {
  it('has the indicators of the quartier, its quartier vécu, its commune and all quartiers', () => {
    const s = useStore.getState();
    const c = sheetContent(0, s.quartiers, s.results, s.ringMetres)!;
    expect(c.code).toBe('QN03101A');
    expect(c.columns).toEqual(['Quartier', 'Quartier vécu (300 m)', 'Reste de la commune (Toulouse)', 'Ensemble des quartiers']);
    const jobs = c.rows.find((r) => r.label === 'Emplois de l’ESS (estimation)')!;
    expect(jobs.cells[0]).toEqual({ value: '64', range: '(45–82)' });
    expect(c.gaps.map((g) => g.against)).toContain('France entière');
    expect(c.mixes.map((m) => m.title)).toEqual(['Familles (établissements)', 'Tailles (établissements)', 'Secteurs (emplois)']);
  });

  it('flags masked cells and gives them no bar', () => {
    const s = useStore.getState();
    // Les Izards: no cell of its own under the rule, but its denominators are masked so that
    // Andromède's non-ESS remainder (2 establishments) cannot be recovered: its shares go too.
    expect(sheetContent(0, s.quartiers, s.results, s.ringMetres)!.flags).toEqual([
      'part de l’ESS dans les établissements masquée (s)',
      'part de l’ESS dans l’emploi masquée (s)',
    ]);
    // Andromède: one mutuelle, a cell of fewer than 3 establishments.
    const c = sheetContent(2, s.quartiers, s.results, s.ringMetres)!;
    const masked = c.mixes.flatMap((m) => m.bars).filter((b) => b.secret);
    expect(masked.length).toBeGreaterThan(0);
    for (const b of masked) expect([b.text, b.share]).toEqual(['s', 0]);
    expect(c.flags.join(' ')).toMatch(/masquée?s? \(s\)/);
  });

  it('is null for a quartier without results', () => {
    expect(sheetContent(0, useStore.getState().quartiers, null, 300)).toBeNull();
    expect(initialState.results).toBeNull();
  });
});
