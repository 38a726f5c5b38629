// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProject } from '../../core/export/project-file.ts';
import { loadEstablishmentsFile, loadQuartiersFile, loadReferenceFile, previewEstablishmentsFile, setFilters } from '../../state/actions.ts';
import { resetStore, useStore } from '../../state/store.ts';
import { installTestEngine } from '../common/test-engine.ts';
import { createEstablishmentsCsv, createFile, createQuartiersGeojson, createReferenceCsv } from '../common/test-fixtures.ts';
import { closeProject, followProject, openProject, projectText, useProjectStatus } from './project.ts';
import { rememberSourceFile, trackSourceFiles } from './source-files.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const files = {
  quartiers: createFile(createQuartiersGeojson(), 'quartiers.geojson'),
  reference: createFile(createReferenceCsv(), 'reference.csv'),
  etablissements: createFile(createEstablishmentsCsv(), 'etablissements.csv'),
};

let stop: (() => void)[] = [];
beforeEach(async () => {
  resetStore();
  closeProject();
  installTestEngine();
  stop = [followProject(), trackSourceFiles(document)];
  for (const f of Object.values(files)) rememberSourceFile(f);
  await loadQuartiersFile(files.quartiers);
  await loadReferenceFile(files.reference);
  await loadEstablishmentsFile(files.etablissements);
});
afterEach(() => stop.forEach((f) => f()));

describe('project file', () => {
  it('saves the view by name, the mapping by column name and each source’s SHA-256', async () => {
    useStore.setState({ indicator: 'jobs', selection: [2, 0], basemap: 'ign', mapPosition: { center: [1.44, 43.6], zoom: 12 } });
    await setFilters({ families: [0] });
    const p = parseProject(await projectText(useStore.getState()));
    expect(p.view).toMatchObject({ indicator: 'jobs', selection: ['QN03103C', 'QN03101A'], basemap: 'ign', filters: { families: ['association'] }, map: { zoom: 12 } });
    expect(p.mapping).toMatchObject({ siret: 'siret', lon: 'longitude', lat: 'latitude' });
    expect(p.sources.quartiers).toMatchObject({ name: 'quartiers.geojson', sha256: sha(createQuartiersGeojson()) });
    expect(p.sources.etablissements?.sha256).toBe(sha(createEstablishmentsCsv()));
    expect(JSON.stringify(p)).not.toContain('Asso Izards');
  });

  it('reopened with the same files, gives the same view and says the files match', async () => {
    useStore.setState({ indicator: 'densityPer1000', selection: [1, 2] });
    await setFilters({ employerOnly: false });
    const text = await projectText(useStore.getState());
    useStore.setState({ indicator: 'jobs', selection: [] });
    await setFilters({ employerOnly: true });
    await openProject(text, 'essai.essq.json');
    const s = useStore.getState();
    expect([s.indicator, s.selection, s.filters.employerOnly]).toEqual(['densityPer1000', [1, 2], false]);
    expect(useProjectStatus.getState()).toMatchObject({ name: 'essai.essq.json', differences: [] });
  });

  it('names the source that differs', async () => {
    const p = JSON.parse(await projectText(useStore.getState()));
    p.sources.reference = { ...p.sources.reference, name: 'reference-2025.csv', sha256: 'f'.repeat(64) };
    await openProject(JSON.stringify(p), 'autre.essq.json');
    expect(useProjectStatus.getState().differences).toEqual([
      expect.stringMatching(/données de référence diffère.*« reference\.csv » au lieu de « reference-2025\.csv » \(même taille, contenu différent\)/),
    ]);
  });

  it('applies its column mapping by name to the next establishments file, whatever the column order', async () => {
    const text = await projectText(useStore.getState());
    await openProject(text, 'essai.essq.json');
    const lines = createEstablishmentsCsv().trim().split('\n').map((l) => l.split(','));
    const reordered = lines.map((cells) => [...cells.slice(7), ...cells.slice(0, 7)].join(',')).join('\n');
    await previewEstablishmentsFile(createFile(reordered, 'etablissements-2.csv'));
    const pending = useStore.getState().pendingMapping!;
    expect(pending.preview.header[pending.mapping.lon!]).toBe('longitude');
    expect(pending.preview.header[pending.mapping.siret!]).toBe('siret');
  });

  it('remembers the files the user picks in the page', () => {
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const picked = createFile('code_qp\nQN1', 'choisi.csv');
    Object.defineProperty(input, 'files', { value: [picked] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.remove();
    return expect(
      projectText({ ...useStore.getState(), referenceSource: { name: picked.name, size: picked.size, lastModified: picked.lastModified } }).then((t) => parseProject(t).sources.reference?.sha256),
    ).resolves.toBe(sha('code_qp\nQN1'));
  });
});
