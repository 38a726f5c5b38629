/**
 * Start-up on the fictitious demo territory, so a first visit shows a working diagnostic.
 * The files are served next to the app (`public/data`, relative URLs: the app is built with
 * base './' and may live in any sub-folder); they go through the same actions as user files.
 */
import { loadCommunesFile, loadEstablishmentsFile, loadQuartiersFile, loadReferenceFile } from './actions.ts';
import { useStore } from './store.ts';

export const DEMO_FILES = {
  quartiers: 'data/demo-quartiers.geojson',
  communes: 'data/demo-communes.geojson',
  reference: 'data/demo-reference.csv',
  etablissements: 'data/demo-etablissements.csv',
} as const;

export interface DemoOptions {
  /** Base the relative paths resolve against (default: the document's base URL). */
  base?: string;
  fetchImpl?: typeof fetch;
}

async function fetchFile(path: string, base: string, fetchImpl: typeof fetch): Promise<File> {
  const url = new URL(path, base).href;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (e) {
    throw new Error(`${path} : ${(e as Error).message}`, { cause: e });
  }
  if (!response.ok) throw new Error(`${path} : réponse HTTP ${response.status}`);
  const name = path.split('/').pop() ?? path;
  // Bytes rather than a Blob: a File built from another realm's Blob (jsdom and Node) is not read.
  return new File([await response.arrayBuffer()], name, { type: response.headers.get('content-type') ?? '' });
}

/** True while nothing but the demo (or nothing at all) is loaded: the user's files win. */
const demoStillWanted = (quartiersName: string | null) => {
  const s = useStore.getState();
  return s.quartiersSource === null || s.quartiersSource.name === quartiersName;
};

/**
 * Loads the demo data set. Returns false, with a French message in the store's error, when
 * the files cannot be fetched or read; stops quietly if the user loads their own files first.
 */
export async function loadDemoData(options: DemoOptions = {}): Promise<boolean> {
  const base = options.base ?? document.baseURI;
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  if (!demoStillWanted(null)) return false;
  let files: File[];
  try {
    files = await Promise.all(
      [DEMO_FILES.quartiers, DEMO_FILES.communes, DEMO_FILES.reference, DEMO_FILES.etablissements].map((p) => fetchFile(p, base, fetchImpl)),
    );
  } catch (e) {
    useStore.setState({
      error: `Les données de démonstration n’ont pas pu être chargées (${(e as Error).message}). Chargez vos propres fichiers dans l’onglet Import.`,
    });
    return false;
  }
  const [quartiers, communes, reference, etablissements] = files;
  if (!demoStillWanted(null)) return false;
  if (!(await loadQuartiersFile(quartiers, { demo: true }))) return false;
  if (!demoStillWanted(quartiers.name)) return false;
  await loadCommunesFile(communes, { demo: true });
  if (!demoStillWanted(quartiers.name)) return false;
  await loadReferenceFile(reference, { demo: true });
  if (!demoStillWanted(quartiers.name)) return false;
  return loadEstablishmentsFile(etablissements, undefined, { demo: true });
}
