import Papa from 'papaparse';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetStore, useStore, type AppState } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { comparisonFile, geojsonFile, rankingFile, rankingRows } from './tables.ts';

let loaded: Partial<AppState> = {};
beforeAll(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
  loaded = { ...useStore.getState() };
});
beforeEach(() => {
  resetStore();
  useStore.setState({ ...loaded });
});

const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;

describe('table exports', () => {
  it('ranks the quartiers by the mapped indicator, best first, with the sources under the table', () => {
    const s = useStore.getState();
    const rows0 = rankingRows(s);
    // Masked cells sort last, as in the table.
    const shown = rows0.filter((q) => !q.secret.jobShare).map((q) => q.essJobShare ?? -1);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(rows0.slice(shown.length).every((q) => q.secret.jobShare)).toBe(true);
    const file = rankingFile(s, true, Date.UTC(2026, 10, 29));
    expect(file.fileName).toBe('classement-quartiers-2026-11-29.csv');
    const rows = parse(file.text);
    expect(rows[0][0]).toBe('Rang');
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(rows.some((r) => r[0].startsWith('Sources : contours des quartiers'))).toBe(true);
  });

  it('keeps the commune filter of the ranking', () => {
    useStore.setState({ filters: { ...useStore.getState().filters, communes: ['31069'] } });
    expect(rankingRows(useStore.getState()).map((q) => q.code)).toEqual(['QN03103C']);
  });

  it('exports the comparison of the selected quartiers only, and asks for two', () => {
    useStore.setState({ selection: [2] });
    expect(() => comparisonFile(useStore.getState(), true)).toThrow(/au moins deux quartiers/);
    useStore.setState({ selection: [2, 0] });
    const rows = parse(comparisonFile(useStore.getState(), false).text);
    expect(rows[0]).toEqual(['Indicateur', 'Andromède (QN03103C)', 'Les Izards (QN03101A)']);
  });

  it('exports the quartiers as GeoJSON with their method and sources', () => {
    const fc = JSON.parse(geojsonFile(useStore.getState()).text);
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0].properties.code_qp).toBe('QN03101A');
    expect(fc.metadata.sources).toMatch(/^Sources : /);
    expect(fc.metadata.methode).toMatch(/quartier vécu : bande de 300 m/);
  });
});
