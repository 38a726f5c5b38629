// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FILES, loadDemoData } from './demo.ts';
import { resetStore, useStore } from './store.ts';
import { installTestEngine } from '../ui/common/test-engine.ts';
import { createFile, createQuartiersGeojson } from '../ui/common/test-fixtures.ts';
import { loadQuartiersFile } from './actions.ts';

const PUBLIC = path.resolve(import.meta.dirname, '../../public');
const BASE = 'http://localhost/outil/';

/** Serves public/ as the dev server would, and records what was asked. */
function createFetch(missing: string[] = []) {
  const asked: string[] = [];
  const impl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const rel = url.slice(BASE.length);
    if (missing.includes(rel)) return new Response('introuvable', { status: 404 });
    return new Response(fs.readFileSync(path.join(PUBLIC, rel)));
  }) as typeof fetch;
  return { impl, asked };
}

beforeEach(() => {
  resetStore();
  installTestEngine();
});

describe('loadDemoData', () => {
  it('loads the four demo files through the actions, marked as demo data', async () => {
    const f = createFetch();
    expect(await loadDemoData({ base: BASE, fetchImpl: f.impl })).toBe(true);
    expect(f.asked.sort()).toEqual(Object.values(DEMO_FILES).map((p) => BASE + p).sort());
    const s = useStore.getState();
    expect(s.demo).toBe(true);
    expect(s.error).toBeNull();
    expect(s.quartiers.length).toBeGreaterThan(0);
    expect(s.communes?.features.length).toBeGreaterThan(0);
    expect(s.referenceInfo?.matched).toBe(s.quartiers.length);
    expect(s.report?.accounting.read).toBeGreaterThan(0);
    expect(s.results?.quartiers).toHaveLength(s.quartiers.length);
  });

  it('says in French which file could not be fetched', async () => {
    const f = createFetch([DEMO_FILES.reference]);
    expect(await loadDemoData({ base: BASE, fetchImpl: f.impl })).toBe(false);
    const error = useStore.getState().error ?? '';
    expect(error).toMatch(/données de démonstration n’ont pas pu être chargées/);
    expect(error).toContain('data/demo-reference.csv');
    expect(error).toContain('404');
    expect(useStore.getState().quartiers).toHaveLength(0);
  });

  it('leaves the user’s own quartiers alone', async () => {
    await loadQuartiersFile(createFile(createQuartiersGeojson(), 'mes-quartiers.geojson'));
    expect(await loadDemoData({ base: BASE, fetchImpl: createFetch().impl })).toBe(false);
    expect(useStore.getState().quartiersSource?.name).toBe('mes-quartiers.geojson');
    expect(useStore.getState().demo).toBe(false);
  });
});
