import { beforeAll, describe, expect, it } from 'vitest';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { loadFixtureData } from '../common/test-fixtures.ts';
import { atlasFileName, buildAtlas } from './atlas.ts';
import { atlasOrder, contentsPages } from './atlas-contents.ts';

const pages = async (blob: Blob) => ((await blob.text()).match(/\/Type \/Page\b(?!s)/g) ?? []).length;

beforeAll(async () => {
  resetStore();
  installTestEngine();
  await loadFixtureData();
});

describe('quartier sheets and atlas', () => {
  it('writes a contents page then one A4 page per quartier, reporting its progress', async () => {
    const progress: string[] = [];
    const file = await buildAtlas([0, 1, 2], { onProgress: (done, total) => progress.push(`${done}/${total}`), nowMs: Date.UTC(2026, 10, 29) });
    expect(await pages(file.blob)).toBe(4);
    expect(file.pages).toBe(4);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(file.fileName).toBe('atlas-quartiers-2026-11-29.pdf');
    expect(file.alt).toMatch(/^3 fiches quartier : carte du quartier et de son quartier vécu/);
    const text = await file.blob.text();
    expect(text).toContain('/Subject');
    expect(text).toContain('/FontFile2');
  });

  it('orders the atlas by commune, then by code, without changing its input', () => {
    const entries = [
      { code: 'QN03102B', name: 'B', communes: 'Toulouse' },
      { code: 'QN03101A', name: 'A', communes: 'Toulouse' },
      { code: 'QN03103C', name: 'C', communes: 'Blagnac' },
      { code: 'QN03104D', name: 'D', communes: 'Écully' },
    ];
    expect(atlasOrder(entries).map((e) => e.code)).toEqual(['QN03103C', 'QN03104D', 'QN03101A', 'QN03102B']);
    expect(entries[0].code).toBe('QN03102B');
  });

  it('continues the contents on a second page for a long atlas', () => {
    const many = Array.from({ length: 70 }, (_, i) => ({ code: `QN0310${String(i).padStart(2, '0')}M`, name: `Q${i}`, communes: 'Toulouse' }));
    expect(contentsPages(many)).toBe(2);
    expect(contentsPages(many.slice(0, 10))).toBe(1);
  });

  it('names a single sheet after its quartier', async () => {
    const file = await buildAtlas([1], { nowMs: Date.UTC(2026, 10, 29) });
    expect(await pages(file.blob)).toBe(1);
    expect(file.fileName).toBe('fiche-QN03102B-2026-11-29.pdf');
    expect(atlasFileName(['QN/../x'], 0)).toBe('fiche-QN____x-1970-01-01.pdf');
  });

  it('stops between pages when cancelled', async () => {
    const abort = new AbortController();
    const written: number[] = [];
    const run = buildAtlas([0, 1, 2], {
      signal: abort.signal,
      onProgress: (done) => {
        written.push(done);
        if (done === 1) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(written).toEqual([1]);
  });

  it('says in French when there is nothing to write', async () => {
    const results = useStore.getState().results;
    useStore.setState({ results: null });
    await expect(buildAtlas([0])).rejects.toThrow(/Aucune fiche à écrire/);
    useStore.setState({ results });
  });
});
