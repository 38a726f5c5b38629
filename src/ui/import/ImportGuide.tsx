/**
 * The guided import: where the user stands (quartiers, then establishments, then the
 * summary) and, once a step is done, the one thing to do next. The app stays on Import until
 * the quartiers and the establishments are loaded, or the user chooses to go on without
 * establishments; it never jumps to another tab by itself.
 */
import { useStore } from '../../state/store.ts';

export type ImportStage = 'demo' | 'quartiers' | 'etablissements' | 'mapping' | 'loading' | 'done';

/** The stage of the import from the store's state: what the user has to do now. */
export function useImportStage(): ImportStage {
  return useStore((s) => {
    if (s.loading) return 'loading';
    if (s.pendingMapping) return 'mapping';
    if (s.demo) return 'demo';
    if (!s.quartiersSource || s.quartiers.length === 0) return 'quartiers';
    if (!s.establishmentsSource || !s.report) return 'etablissements';
    return 'done';
  });
}

const STEPS = ['Contours des quartiers', 'Établissements et colonnes', 'Bilan'] as const;

function currentStep(stage: ImportStage, hasQuartiers: boolean): number {
  if (stage === 'demo' || stage === 'quartiers') return 0;
  if (stage === 'loading') return hasQuartiers ? 1 : 0;
  if (stage === 'done') return 2;
  return 1;
}

/** « Étape 1 sur 3 » and the three steps, the current one marked for screen readers too. */
export function ImportSteps({ stage }: { stage: ImportStage }) {
  const hasQuartiers = useStore((s) => !s.demo && s.quartiersSource !== null && s.quartiers.length > 0);
  const current = currentStep(stage, hasQuartiers);
  return (
    <ol className="import-steps" aria-label="Étapes de l’import">
      {STEPS.map((label, i) => {
        const state = i < current || stage === 'done' ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={label} className={`import-step ${state}`} aria-current={i === current ? 'step' : undefined}>
            <span className="import-step-number" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            {label}
            {state === 'done' && <span className="visually-hidden"> (fait)</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The single next step at the end of the panel, or nothing while the user has to answer above. */
export function NextStep({ stage, onNext }: { stage: ImportStage; onNext(): void }) {
  if (stage === 'mapping' || stage === 'loading') return null;
  if (stage === 'done') {
    return (
      <section className="next-step done" aria-label="Étape suivante">
        <p>
          <strong>Quartiers et établissements chargés.</strong> Étape suivante : lire le classement des quartiers, la carte à côté.
        </p>
        <button type="button" className="btn btn-primary" onClick={onNext}>
          Voir le classement des quartiers
        </button>
      </section>
    );
  }
  if (stage === 'etablissements') {
    return (
      <section className="next-step" aria-label="Étape suivante">
        <p>
          <strong>Étape suivante : le fichier des établissements</strong> (2). Sans lui, la carte ne montre que les contours et les
          données de référence.
        </p>
        <button type="button" className="btn" onClick={onNext}>
          Continuer sans établissements
        </button>
      </section>
    );
  }
  return (
    <section className="next-step" aria-label="Étape suivante">
      <p>
        {stage === 'demo' ? (
          <>
            <strong>La carte montre un territoire fictif.</strong> Pour le vôtre, commencez par les contours des quartiers (1).
          </>
        ) : (
          <>
            <strong>Commencez par les contours des quartiers</strong> (1) : les établissements y sont ensuite placés.
          </>
        )}
      </p>
    </section>
  );
}
