// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTestEngine } from '../ui/common/test-engine.ts';
import { createEstablishmentsCsv, createFile, createQuartiersGeojson, createReferenceCsv, QUARTIERS } from '../ui/common/test-fixtures.ts';
import { confirmMapping, loadEstablishmentsFile, loadQuartiersFile, loadReferenceFile, previewEstablishmentsFile, setFilters, toggleSelection } from './actions.ts';
import {
  QUOTA_MESSAGE,
  clearSavedSession,
  flushSession,
  readSavedSession,
  readStartupSession,
  restoreSession,
  startSessionPersistence,
  usePersistence,
} from './persist.ts';
import { memoryBackend, type SessionBackend } from './session-db.ts';
import { resetStore, useStore } from './store.ts';
import { startUrlSync } from './url.ts';

const stops: (() => void)[] = [];

function start(backend: SessionBackend) {
  stops.push(startSessionPersistence(backend));
}

/** What a page reload does to the JavaScript world: a new store, a new engine, no listeners. */
function reload() {
  for (const stop of stops.splice(0)) stop();
  resetStore();
  installTestEngine();
}

const demoLoads: number[] = [];
const loadDemo = async () => {
  demoLoads.push(1);
  return loadQuartiersFile(createFile(createQuartiersGeojson([QUARTIERS[0]]), 'demo-quartiers.geojson'), { demo: true });
};

/** Loads the user's quartiers, reference and establishments, confirming a corrected mapping. */
async function loadUserFiles() {
  await loadQuartiersFile(createFile(createQuartiersGeojson(), 'mes-quartiers.geojson'));
  await loadReferenceFile(createFile(createReferenceCsv(), 'reference.csv'));
  await previewEstablishmentsFile(createFile(createEstablishmentsCsv(), 'etablissements.csv'));
  const pending = useStore.getState().pendingMapping!;
  // The user's correction: no commune column. It must come back after a reload.
  const mapping = { ...pending.mapping };
  delete mapping.communeCode;
  useStore.setState({ pendingMapping: { ...pending, mapping } });
  expect(await confirmMapping()).toBe(true);
  return mapping;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  demoLoads.length = 0;
  reload();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('session persistence', () => {
  it('stores the user’s files with the confirmed mapping and the view, never the demo', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadDemo();
    await flushSession();
    expect([...backend.records.keys()]).toEqual([]);

    const mapping = await loadUserFiles();
    useStore.setState({ indicator: 'jobs' });
    await new Promise((r) => setTimeout(r, 400));
    await flushSession();
    const session = await readSavedSession(backend);
    expect(Object.keys(session!.files).sort()).toEqual(['etablissements', 'quartiers', 'reference']);
    expect(session!.files.quartiers!.file.name).toBe('mes-quartiers.geojson');
    expect(session!.files.etablissements!.mapping).toEqual(mapping);
    expect(session!.view!.hash).toContain('i=jobs');
    expect(usePersistence.getState().status).toBe('saved');
  });

  it('reopens the same quartiers, indicator, filters and selection after a reload, instead of the demo', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadUserFiles();
    const before = useStore.getState();
    const codes = before.quartiers.map((q) => q.code);
    const read = before.report!.accounting.read;
    await setFilters({ employerOnly: false });
    toggleSelection(2);
    toggleSelection(0);
    useStore.setState({ indicator: 'densityPer1000', basemap: 'ign' });
    await new Promise((r) => setTimeout(r, 400));
    await flushSession();

    reload();
    const session = await readStartupSession(backend, window);
    expect(window.location.hash).toContain('i=densityPer1000');
    stops.push(startUrlSync({ debounceMs: 0 }));
    start(backend);
    expect(await restoreSession(session!, { loadDemo })).toBe(true);

    const after = useStore.getState();
    expect(demoLoads).toHaveLength(0);
    expect(after.quartiers.map((q) => q.code)).toEqual(codes);
    expect(after.indicator).toBe('densityPer1000');
    expect(after.basemap).toBe('ign');
    expect(after.filters.employerOnly).toBe(false);
    expect(after.selection.map((i) => after.quartiers[i].code)).toEqual([codes[2], codes[0]]);
    expect(after.report!.accounting.read).toBe(read);
    expect(after.report!.mapping.mapping.communeCode).toBeUndefined();
    expect(after.referenceInfo?.matched).toBe(3);
    expect(usePersistence.getState().status).toBe('restored');
  });

  it('lets a shared link’s view win over the saved one', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadUserFiles();
    useStore.setState({ indicator: 'jobs' });
    await new Promise((r) => setTimeout(r, 400));
    await flushSession();

    reload();
    window.history.replaceState(null, '', '/#i=essEstablishmentShare');
    const session = await readStartupSession(backend, window);
    stops.push(startUrlSync({ debounceMs: 0 }));
    start(backend);
    await restoreSession(session!, { loadDemo });
    expect(useStore.getState().indicator).toBe('essEstablishmentShare');
  });

  it('explains a full disk in French, keeps the loaded data, and leaves no half session', async () => {
    const backend = memoryBackend();
    await backend.update({ 'file:quartiers': { file: createFile('{}', 'ancien.geojson'), name: 'ancien.geojson' } });
    const full: SessionBackend = {
      ...backend,
      update: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    start(full);
    expect(await loadQuartiersFile(createFile(createQuartiersGeojson(), 'mes-quartiers.geojson'))).toBe(true);
    await flushSession();
    expect(useStore.getState().error).toBe(QUOTA_MESSAGE);
    expect(useStore.getState().quartiers).toHaveLength(3);
    expect(usePersistence.getState().status).toBe('unavailable');
    expect(await readSavedSession(backend)).toBeNull();
  });

  it('clears the saved session, and stores it all again from the next change of the view', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadUserFiles();
    await flushSession();
    const saved = Object.keys((await readSavedSession(backend))!.files).sort();
    await clearSavedSession();
    expect(await readSavedSession(backend)).toBeNull();
    expect(usePersistence.getState().status).toBe('cleared');
    // Nothing changed yet: nothing stored.
    await new Promise((r) => setTimeout(r, 400));
    await flushSession();
    expect(backend.records.size).toBe(0);

    useStore.setState({ indicator: 'jobs' });
    await new Promise((r) => setTimeout(r, 400));
    await flushSession();
    const again = await readSavedSession(backend);
    // Everything shown is stored again, not only the view, so a reload reopens it.
    expect(Object.keys(again!.files).sort()).toEqual(saved);
    expect(again!.view!.hash).toContain('i=jobs');
    expect(usePersistence.getState().status).toBe('saved');
  });

  it('stores everything again when a file is loaded after clearing', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadUserFiles();
    await flushSession();
    await clearSavedSession();
    await loadReferenceFile(createFile(createReferenceCsv(), 'reference-2.csv'));
    await flushSession();
    const again = await readSavedSession(backend);
    expect(Object.keys(again!.files).sort()).toEqual(['etablissements', 'quartiers', 'reference']);
    expect(again!.files.reference!.file.name).toBe('reference-2.csv');
  });

  it('forgets the user’s establishments when the app drops them with the demo quartiers', async () => {
    const backend = memoryBackend();
    start(backend);
    await loadDemo();
    await loadEstablishmentsFile(createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    await flushSession();
    expect(Object.keys((await readSavedSession(backend))!.files)).toEqual(['etablissements']);
    // The user's own quartiers replace the demo territory and everything loaded over it.
    await loadQuartiersFile(createFile(createQuartiersGeojson(), 'mes-quartiers.geojson'));
    await flushSession();
    expect(useStore.getState().establishmentsSource).toBeNull();
    expect(Object.keys((await readSavedSession(backend))!.files)).toEqual(['quartiers']);
  });

  it('restores establishments saved over the demo territory on top of the demo again', async () => {
    const memory = memoryBackend();
    const writes: string[] = [];
    let recording = false;
    const backend: SessionBackend = {
      ...memory,
      update: async (puts, deletes = []) => {
        if (recording) writes.push(...Object.keys(puts).filter((k) => k !== 'view'), ...deletes.map((k) => `-${k}`));
        return memory.update(puts, deletes);
      },
    };
    start(backend);
    await loadDemo();
    await loadEstablishmentsFile(createFile(createEstablishmentsCsv(), 'etablissements.csv'));
    await flushSession();
    reload();
    demoLoads.length = 0;
    recording = true;
    const session = await readStartupSession(backend, window);
    start(backend);
    // Like the real demo: quartiers and establishments of its own.
    const loadDemoWithEstablishments = async () =>
      (await loadDemo()) && loadEstablishmentsFile(createFile(createEstablishmentsCsv(), 'demo-etablissements.csv'), undefined, { demo: true });
    expect(await restoreSession(session!, { loadDemo: loadDemoWithEstablishments })).toBe(true);
    await flushSession();
    expect(demoLoads).toHaveLength(1);
    expect(useStore.getState().establishmentsSource?.name).toBe('etablissements.csv');
    expect(useStore.getState().demo).toBe(true);
    // The demo loaded under the restore did not unsave the user's file, even for a moment.
    expect(writes).toEqual([]);
  });

  it('falls back to the demo with a French message when a saved file no longer reads', async () => {
    const backend = memoryBackend();
    await backend.update({ 'file:quartiers': { file: createFile('{"type": "FeatureCollection", "features": [', 'abîmé.geojson'), name: 'abîmé.geojson' } });
    const session = await readStartupSession(backend, window);
    start(backend);
    expect(await restoreSession(session!, { loadDemo })).toBe(false);
    expect(useStore.getState().error).toMatch(/La session enregistrée n’a pas pu être entièrement restaurée \(« abîmé\.geojson »/);
    expect(demoLoads).toHaveLength(1);
    expect(await readSavedSession(backend)).toBeNull();
  });

  it('opens the demo when the storage fails, is empty, malformed or too slow', async () => {
    const failing: SessionBackend = { ...memoryBackend(), readAll: () => Promise.reject(new Error('SecurityError')) };
    expect(await readSavedSession(failing)).toBeNull();
    expect(await readSavedSession(memoryBackend())).toBeNull();
    const garbage = memoryBackend();
    await garbage.update({ 'file:quartiers': { file: 'pas un fichier' }, view: { hash: 42 } });
    expect(await readSavedSession(garbage)).toBeNull();
    const stuck: SessionBackend = { ...memoryBackend(), readAll: () => new Promise(() => undefined) };
    expect(await readSavedSession(stuck, 50)).toBeNull();
  });
});
