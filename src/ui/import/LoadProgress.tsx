/**
 * Progress of the load in flight. A départemental SIRENE file takes a while: the user sees
 * the phase, the megabytes read and the rows parsed, and can stop it.
 */
import { useId } from 'react';
import { useStore } from '../../state/store.ts';
import { cancelLoad } from '../../state/actions.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import type { Progress } from '../../worker/protocol.ts';
import { formatMo, plural } from '../common/format.ts';
import { PHASE_LABELS, WHAT_LABELS } from './labels.ts';

const PHASES = Object.keys(PHASE_LABELS) as Progress['phase'][];

export function LoadProgress() {
  const loading = useStore((s) => s.loading);
  const id = useId();
  if (!loading) return null;
  const p = loading.progress;
  const isEstablishments = loading.what === 'etablissements';
  return (
    <section className="load-progress" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-bar`}>
        Chargement des {WHAT_LABELS[loading.what]} — « {loading.fileName} »
      </label>
      {isEstablishments && (
        <ol className="phases" aria-label="Étapes">
          {PHASES.map((phase, i) => {
            const current = p ? PHASES.indexOf(p.phase) : 0;
            const state = i < current ? 'done' : i === current ? 'current' : 'todo';
            return (
              <li key={phase} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                {PHASE_LABELS[phase]}
              </li>
            );
          })}
        </ol>
      )}
      {p && p.bytesTotal > 0 ? (
        <progress id={`${id}-bar`} max={p.bytesTotal} value={Math.min(p.bytesRead, p.bytesTotal)} />
      ) : (
        <progress id={`${id}-bar`} />
      )}
      <p className="progress-text" aria-live="polite">
        {p
          ? `${PHASE_LABELS[p.phase]} · ${formatMo(p.bytesRead, p.bytesTotal)} sur ${formatMo(p.bytesTotal)} · ${plural(p.rowsParsed, 'ligne lue', 'lignes lues')}${
              p.phase === 'calcul' ? ` · ${formatFr(p.rowsJoined)} placées` : ''
            }`
          : 'Préparation…'}
      </p>
      {isEstablishments && (
        <button type="button" className="btn" onClick={cancelLoad}>
          Annuler
        </button>
      )}
    </section>
  );
}
