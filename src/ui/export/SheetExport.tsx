/**
 * « Fiches quartier » export: the sheet of the quartier open on the map, of the quartiers
 * selected for the comparison, or of every quartier (the atlas), as one PDF with one A4 page
 * per quartier. A progress bar and « Annuler » while the pages are written.
 */
import { useId, useRef, useState } from 'react';
import { formatFr } from '../../core/indicators/catalog.ts';
import { useStore } from '../../state/store.ts';
import { downloadBlob } from '../common/download.ts';
import { ExportStatus, IDLE, ROW_STYLE, SECTION_STYLE, errorMessage, type ExportState } from './ExportStatus.tsx';

type Scope = 'profile' | 'selection' | 'all';

const plural = (n: number) => `${formatFr(n)} quartier${n > 1 ? 's' : ''}`;

export function SheetExport() {
  const id = useId();
  const profile = useStore((s) => s.profile);
  const profileName = useStore((s) => (s.profile === null ? null : (s.quartiers[s.profile]?.name ?? null)));
  const selection = useStore((s) => s.selection);
  const count = useStore((s) => s.quartiers.length);
  const ready = useStore((s) => s.results !== null);
  const [scope, setScope] = useState<Scope>('all');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [state, setState] = useState<ExportState>(IDLE);
  const controller = useRef<AbortController | null>(null);

  const options: { value: Scope; label: string; indices: number[] }[] = [
    { value: 'profile', label: profileName ? `Quartier de la fiche ouverte (${profileName})` : 'Quartier de la fiche ouverte (aucune)', indices: profile === null ? [] : [profile] },
    { value: 'selection', label: `Quartiers sélectionnés pour la comparaison (${plural(selection.length)})`, indices: selection },
    { value: 'all', label: `Tous les quartiers (${plural(count)})`, indices: Array.from({ length: count }, (_, i) => i) },
  ];
  const chosen = options.find((o) => o.value === scope) ?? options[2];

  const onExport = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ done: 0, total: chosen.indices.length });
    setState({ kind: 'busy', message: 'Écriture des fiches…' });
    try {
      const { buildAtlas } = await import('./atlas.ts');
      const file = await buildAtlas(chosen.indices, { signal: abort.signal, onProgress: (done, total) => setProgress({ done, total }) });
      downloadBlob(file.blob, file.fileName);
      setState({ kind: 'done', message: `${file.pages > 1 ? 'Atlas exporté' : 'Fiche exportée'} : ${file.fileName} (${formatFr(file.pages)} page${file.pages > 1 ? 's' : ''}).` });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') setState({ kind: 'done', message: 'Export des fiches annulé.' });
      else setState({ kind: 'error', message: `Les fiches n’ont pas pu être exportées : ${errorMessage(e)}` });
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  return (
    <fieldset className="check-group" style={SECTION_STYLE}>
      <legend>Fiches quartier (PDF)</legend>
      <div role="radiogroup" aria-label="Quartiers à exporter" style={{ display: 'grid', gap: 4 }}>
        {options.map((o) => (
          <label key={o.value} style={{ display: 'flex', gap: 6, alignItems: 'center', fontSize: 13 }}>
            <input type="radio" name={`${id}-scope`} value={o.value} checked={scope === o.value} onChange={() => setScope(o.value)} disabled={o.indices.length === 0} />
            {o.label}
          </label>
        ))}
      </div>
      <p className="muted small">
        Une page A4 par quartier : carte du quartier et de son quartier vécu, indicateurs avec fourchettes, écarts à la commune et
        aux références nationales, répartitions, secret statistique et sources.
      </p>
      <div style={ROW_STYLE}>
        <button type="button" className="btn btn-primary" onClick={() => void onExport()} disabled={!ready || chosen.indices.length === 0 || progress !== null}>
          {chosen.indices.length > 1 ? 'Exporter l’atlas' : 'Exporter la fiche'}
        </button>
      </div>
      {progress && (
        <div className="load-progress">
          <label htmlFor={`${id}-bar`}>Fiches écrites</label>
          <progress id={`${id}-bar`} max={progress.total} value={progress.done} />
          <p className="progress-text">
            {formatFr(progress.done)} / {formatFr(progress.total)}
          </p>
          <button type="button" className="btn" onClick={() => controller.current?.abort()}>
            Annuler
          </button>
        </div>
      )}
      <ExportStatus state={state} />
    </fieldset>
  );
}
