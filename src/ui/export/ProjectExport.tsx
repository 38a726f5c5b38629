/**
 * « Projet » : save the settings, the column mapping and the sources' fingerprints as an
 * `.essq.json` file, or open one — the view is applied, and each source that differs from the
 * project's is named.
 */
import { useId, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { downloadText } from '../common/download.ts';
import { ExportStatus, IDLE, ROW_STYLE, SECTION_STYLE, errorMessage, type ExportState } from './ExportStatus.tsx';
import { closeProject, openProject, projectText, useProjectStatus } from './project.ts';

const fileStem = (name: string) => name.replace(/\.essq\.json$|\.json$/i, '');

export function ProjectExport() {
  const id = useId();
  const [state, setState] = useState<ExportState>(IDLE);
  const status = useProjectStatus();
  const territory = useStore((s) => s.quartiersSource?.name ?? null);

  const onSave = async () => {
    setState({ kind: 'busy', message: 'Calcul des empreintes des fichiers…' });
    try {
      const text = await projectText(useStore.getState());
      const name = `${fileStem(territory ?? 'projet').replace(/[^\p{L}\p{N}_-]+/gu, '-')}.essq.json`;
      downloadText(text, name, 'application/json');
      setState({ kind: 'done', message: `Projet enregistré : ${name}.` });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
    }
  };

  const onOpen = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'busy', message: `Ouverture de « ${file.name} »…` });
    try {
      await openProject(await file.text(), file.name);
      setState({ kind: 'done', message: `Projet « ${file.name} » ouvert : réglages appliqués.` });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <fieldset className="check-group" style={SECTION_STYLE}>
      <legend>Projet</legend>
      <p className="muted small">
        Le projet garde les réglages (indicateur, classes, filtres, sélection, quartier vécu, fond et position de la carte), la
        correspondance des colonnes et l’empreinte SHA-256 de chaque fichier — jamais les données. Rouvert avec les mêmes fichiers, il
        redonne la même carte.
      </p>
      <div style={ROW_STYLE}>
        <button type="button" className="btn" onClick={() => void onSave()} disabled={state.kind === 'busy'}>
          Enregistrer le projet (.essq.json)
        </button>
      </div>
      <div style={{ display: 'grid', gap: 4 }}>
        <label htmlFor={`${id}-open`} style={{ fontSize: 13, fontWeight: 600 }}>
          Ouvrir un projet
        </label>
        <input
          id={`${id}-open`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void onOpen(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <ExportStatus state={state} />
      {status.name && (
        <div className="summary" aria-live="polite">
          <p className="small">
            Projet ouvert : <strong>{status.name}</strong>
            {status.savedAt ? ` (enregistré le ${new Date(status.savedAt).toLocaleString('fr-FR')})` : ''}
          </p>
          {status.differences === null ? (
            <p className="muted small">Comparaison des fichiers…</p>
          ) : status.differences.length === 0 ? (
            <p className="small" data-testid="project-sources-ok">
              Les fichiers chargés sont ceux du projet.
            </p>
          ) : (
            <ul className="small" data-testid="project-differences">
              {status.differences.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          {status.notes.map((n) => (
            <p key={n} className="muted small">
              {n}
            </p>
          ))}
          <button type="button" className="link-btn small" onClick={closeProject}>
            Fermer le projet
          </button>
        </div>
      )}
    </fieldset>
  );
}
