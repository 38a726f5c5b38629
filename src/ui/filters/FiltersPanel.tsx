/**
 * The Filters panel: which ESS establishments are counted (families, sector groups, sizes,
 * employers only, communes). Filters re-run only the cheap aggregation in the engine, never the
 * spatial join. (The quartier vécu width sits with the map layers, next to its display.)
 */
import { useMemo } from 'react';
import { useStore } from '../../state/store.ts';
import { setFilters } from '../../state/actions.ts';
import { DEFAULT_FILTERS } from '../../core/indicators/aggregate.ts';
import { FAMILIES, SECTORS, SIZES } from '../../core/types.ts';
import { FAMILY_LABELS } from '../../core/indicators/legal-families.ts';
import { SECTOR_LABELS } from '../../core/indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../../core/indicators/tranches.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';
import { CheckGroup, type CheckOption } from './CheckGroup.tsx';

const FAMILY_OPTIONS: CheckOption<number>[] = FAMILIES.map((f, i) => ({ value: i, label: FAMILY_LABELS[f] }));
const SECTOR_OPTIONS: CheckOption<number>[] = SECTORS.map((s, i) => ({ value: i, label: SECTOR_LABELS[s] }));
const SIZE_OPTIONS: CheckOption<number>[] = SIZES.map((s, i) => ({ value: i, label: SIZE_LABELS[s] }));

/** Communes of the loaded quartiers, with their names when the boundary file gives them. */
export function communeOptions(quartiers: QuartierSummary[]): CheckOption<string>[] {
  const names = new Map<string, string>();
  for (const q of quartiers) {
    q.communes.forEach((code, i) => {
      if (!names.has(code) || !names.get(code)) names.set(code, q.communeNames[i] ?? '');
    });
  }
  return [...names.entries()]
    .map(([code, name]) => ({ value: code, label: name ? `${name} (${code})` : code }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

export function FiltersPanel() {
  const filters = useStore((s) => s.filters);
  const quartiers = useStore((s) => s.quartiers);
  const report = useStore((s) => s.report);
  const communes = useMemo(() => communeOptions(quartiers), [quartiers]);
  const noCommuneColumn = report !== null && report.mapping.mapping.communeCode === undefined;
  const isDefault = JSON.stringify(filters) === JSON.stringify(DEFAULT_FILTERS);

  return (
    <div className="filters-panel">
      <p className="muted">
        Les filtres choisissent les établissements ESS comptés ; les parts gardent pour dénominateur tous les établissements du
        territoire.
      </p>
      <div className="filter-row">
        <label className="switch">
          <input type="checkbox" checked={filters.employerOnly} onChange={(e) => void setFilters({ employerOnly: e.target.checked })} />{' '}
          Employeurs seulement
        </label>
        <button type="button" className="btn btn-small" onClick={() => void setFilters(DEFAULT_FILTERS)} disabled={isDefault}>
          Réinitialiser
        </button>
      </div>
      <p className="muted small">
        Convention des observatoires : les établissements sans salarié (tranche NN ou 00) sont comptés à part.
      </p>

      <CheckGroup legend="Familles de l’ESS" options={FAMILY_OPTIONS} selected={filters.families} onChange={(families) => void setFilters({ families })} />
      <CheckGroup legend="Secteurs d’activité" options={SECTOR_OPTIONS} selected={filters.sectors} onChange={(sectors) => void setFilters({ sectors })} />
      <CheckGroup legend="Taille (salariés)" options={SIZE_OPTIONS} selected={filters.sizes} onChange={(sizes) => void setFilters({ sizes })} />
      {communes.length > 0 && (
        <CheckGroup
          legend="Communes"
          options={communes}
          selected={filters.communes}
          onChange={(c) => void setFilters({ communes: c })}
          disabled={noCommuneColumn}
          note={
            noCommuneColumn
              ? 'Le fichier des établissements n’a pas de colonne de code commune : ce filtre ne peut pas s’appliquer.'
              : 'Compte les établissements de ces communes, et limite le classement à leurs quartiers.'
          }
        />
      )}
    </div>
  );
}
