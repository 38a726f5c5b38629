/**
 * The sources line under every view that shows national references: a figure without its
 * source cannot go into a report.
 */
import { NATIONAL_REFERENCES } from '../../core/indicators/references.ts';

export function Sources() {
  const refs = [NATIONAL_REFERENCES.essJobShareFrance, NATIONAL_REFERENCES.essJobShareQpv];
  return (
    <p className="sources muted small">
      Sources des références : {refs.map((r) => `${r.label} — ${r.source}`).join(' ; ')}. Écarts en points de pourcentage ; « s » :
      secret statistique.
    </p>
  );
}
