import { describe, expect, it } from 'vitest';
import { createInitiative, deleteInitiative, editInitiative, type Editor, type Initiative } from './initiative.ts';
import { applyMerge, planMerge } from './merge.ts';
import { initiativesFromGeoJson, initiativesToGeoJson } from './initiatives-geojson.ts';

/** An editor of `organisation` with a clock that moves one minute per change and readable ids. */
function createEditor(organisation: string, start = '2026-03-01T09:00:00Z'): Editor {
  let t = Date.parse(start), n = 0;
  return {
    author: `Agent ${organisation}`,
    organisation,
    newId: () => `${organisation}-${++n}`,
    now: () => new Date((t += 60_000)),
  };
}

/** What one organisation sends the other: its layer through the exchange file. */
const exchange = (layer: Initiative[], from: Editor, to: Editor) =>
  initiativesFromGeoJson(initiativesToGeoJson(layer, { organisation: from.organisation, exportedAt: from.now() }), to).initiatives;

const base = { type: 'tiers_lieu' as const, family: 'association' as const, need: null, date: '2025-09-01', note: '', lon: 1.44, lat: 43.6 };

describe('planMerge / applyMerge', () => {
  const cress = createEditor('CRESS');
  const epci = createEditor('EPCI', '2026-03-01T10:00:00Z');

  it('adds the partner’s new initiatives and takes their later edits without asking', () => {
    const mine = [createInitiative({ ...base, name: 'La Fabrique' }, cress)];
    const theirs = exchange(mine, cress, epci).map((i) => editInitiative(i, { note: 'Ouvert le samedi' }, epci));
    theirs.push(createInitiative({ ...base, name: 'Recyclerie du Mirail', type: 'lieu' }, epci));
    const plan = planMerge(mine, exchange(theirs, epci, cress), cress);
    expect(plan).toMatchObject({ added: 1, updated: 1, unchanged: 0, conflicts: [] });
    expect(plan.merged.map((i) => [i.name, i.note])).toEqual([['La Fabrique', 'Ouvert le samedi'], ['Recyclerie du Mirail', '']]);
  });

  it('keeps our later edit when the partner sends an older revision', () => {
    const first = createInitiative({ ...base, name: 'La Fabrique' }, cress);
    const mine = [editInitiative(first, { name: 'La Fabrique solidaire' }, cress)];
    const plan = planMerge(mine, exchange([first], cress, epci), cress);
    expect(plan).toMatchObject({ updated: 0, unchanged: 1, conflicts: [] });
    expect(plan.merged[0].name).toBe('La Fabrique solidaire');
  });

  it('carries a deletion to the partner as a tombstone', () => {
    const mine = [createInitiative({ ...base, name: 'Local rue X', type: 'local_vacant' }, cress)];
    const theirs = exchange(mine, cress, epci);
    const deleted = [deleteInitiative(mine[0], cress)];
    const plan = planMerge(theirs, exchange(deleted, cress, epci), epci);
    expect(plan.updated).toBe(1);
    expect(plan.merged[0].deleted).toBe(true);
  });

  it('shows a conflict when both changed the same initiative, lets the user choose, and both organisations end with the same layer', () => {
    const start = [createInitiative({ ...base, name: 'Épicerie solidaire' }, cress)];
    let cressLayer = start;
    let epciLayer = exchange(start, cress, epci);
    cressLayer = [editInitiative(cressLayer[0], { note: 'Cherche un local' }, cress)];
    epciLayer = [editInitiative(epciLayer[0], { note: 'Local trouvé rue Y', type: 'projet' }, epci)];

    const plan = planMerge(cressLayer, exchange(epciLayer, epci, cress), cress);
    expect(plan.conflicts).toHaveLength(1);
    const c = plan.conflicts[0];
    expect([c.local.note, c.incoming.note]).toEqual(['Cherche un local', 'Local trouvé rue Y']);
    // The EPCI's change is the later one (its clock runs an hour ahead): proposed.
    expect(c.proposed).toBe('incoming');
    // The user keeps their own version instead.
    cressLayer = applyMerge(plan, { [c.id]: 'local' }, cress);
    expect(cressLayer[0].note).toBe('Cherche un local');
    expect(cressLayer[0].history.at(-1)?.merged).toHaveLength(2);

    // The EPCI imports the CRESS's resolved file: a later edit of its own revision, no question.
    const back = planMerge(epciLayer, exchange(cressLayer, cress, epci), epci);
    expect(back.conflicts).toEqual([]);
    epciLayer = back.merged;
    const strip = (l: Initiative[]) => l.map(({ history, ...content }) => ({ ...content, rev: history.at(-1)?.rev }));
    expect(strip(epciLayer)).toEqual(strip(cressLayer));
    // And a further exchange changes nothing.
    expect(planMerge(cressLayer, exchange(epciLayer, epci, cress), cress)).toMatchObject({ updated: 0, conflicts: [] });
  });

  it('joins two identical edits made on both sides without a question, the same way on both sides', () => {
    const start = [createInitiative({ ...base, name: 'Garage solidaire' }, cress)];
    const a = [editInitiative(start[0], { need: 'mobilite' }, cress)];
    const b = [editInitiative(exchange(start, cress, epci)[0], { need: 'mobilite' }, epci)];
    const atCress = planMerge(a, exchange(b, epci, cress), cress);
    const atEpci = planMerge(b, exchange(a, cress, epci), epci);
    expect(atCress.conflicts).toEqual([]);
    expect(atCress.merged[0].history.at(-1)?.rev).toBe(atEpci.merged[0].history.at(-1)?.rev);
  });
});

describe('initiatives GeoJSON', () => {
  const editor = createEditor('CRESS');

  it('reads a foreign point file as new initiatives, counting each feature left out with its reason', () => {
    const foreign = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.4, 43.6] }, properties: { name: 'Café associatif', type: 'Lieu', famille: 'Association' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.41, 43.61] }, properties: { nom: 'Ressourcerie', description: 'projet 2027', type: 'projet' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 43], [2, 44]] }, properties: { nom: 'Piste' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.42, 43.62] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1.42, 43.62] }, properties: { nom: 'Économie', date: '12/05/2025' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 43.62] }, properties: { nom: 'Loin' } },
      ],
    });
    const file = initiativesFromGeoJson(foreign, editor);
    expect(file.read).toBe(6);
    expect(file.initiatives.map((i) => [i.name, i.type, i.family, i.note])).toEqual([
      ['Café associatif', 'lieu', 'association', ''],
      ['Ressourcerie', 'projet', null, 'projet 2027'],
    ]);
    expect(file.rejectedBy).toEqual({ 'géométrie autre qu’un point': 1, 'nom absent': 1, 'date illisible': 1, 'coordonnées illisibles': 1 });
    expect(file.initiatives.every((i) => i.history.length === 1 && i.history[0].organisation === 'CRESS')).toBe(true);
  });

  it('refuses a text that is not a FeatureCollection, in French', () => {
    expect(() => initiativesFromGeoJson('{"type":"Feature"}', editor)).toThrow(/FeatureCollection GeoJSON était attendue/);
    expect(() => initiativesFromGeoJson('nom;lat', editor)).toThrow(/pas du JSON/);
  });
});
