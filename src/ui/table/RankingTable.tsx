/**
 * The ranking of quartiers: one row per quartier, the catalogue's indicators with their
 * ranges, sortable columns, a search box, and a checkbox per row to build the comparison.
 * A real <table>, so screen readers announce row and column headers.
 */
import { useId, useMemo, useState } from 'react';
import { MAX_SELECTION, useStore } from '../../state/store.ts';
import { openProfile, toggleSelection } from '../../state/actions.ts';
import { INDICATORS, INDICATOR_KEYS, formatFr, indicatorLabel, scopeOf } from '../../core/indicators/catalog.ts';
import { formatWithRange } from '../common/format.ts';
import { RangedValue } from '../common/RangedValue.tsx';
import { buildRows, isIndicatorKey, searchRows, sortRows, type RankingRow, type SortKey, type SortState } from './rows.ts';

const TEXT_COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Quartier' },
  { key: 'communes', label: 'Commune(s)' },
];

export interface RankingTableProps {
  /** Opens the comparison (the App switches tab). */
  onCompare?: () => void;
}

export function RankingTable({ onCompare }: RankingTableProps) {
  const quartiers = useStore((s) => s.quartiers);
  const results = useStore((s) => s.results);
  const selection = useStore((s) => s.selection);
  const indicator = useStore((s) => s.indicator);
  const communeFilter = useStore((s) => s.filters.communes);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState>({ key: indicator, dir: 'desc' });
  const id = useId();

  const all = useMemo(() => buildRows(quartiers, results?.quartiers ?? null), [quartiers, results]);
  const inCommunes = useMemo(
    () => (communeFilter ? all.filter((r) => r.communeCodes.some((c) => communeFilter.includes(c))) : all),
    [all, communeFilter],
  );
  const rows = useMemo(() => sortRows(searchRows(inCommunes, query), sort), [inCommunes, query, sort]);

  if (quartiers.length === 0) {
    return <p className="empty">Chargez les contours des quartiers pour obtenir le classement.</p>;
  }

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: isIndicatorKey(key) ? 'desc' : 'asc' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const full = selection.length >= MAX_SELECTION;
  const scope = results ? scopeOf(results) : { employerOnly: true };

  const header = (key: SortKey, label: string, numeric: boolean) => (
    // The whole cell sorts (its padding is part of the target); the button stays the focusable
    // control, and its keyboard-triggered click bubbles up to this one handler.
    <th
      key={key}
      scope="col"
      aria-sort={ariaSort(key)}
      className={`sortable${numeric ? ' num' : ''}${key === indicator ? ' current-indicator' : ''}`}
      onClick={() => onSort(key)}
    >
      <button type="button" className="sort-btn">
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );

  const row = (r: RankingRow) => {
    const selected = selection.includes(r.index);
    return (
      <tr key={r.index} className={selected ? 'selected' : undefined}>
        <th scope="row" className="code">
          {r.code}
        </th>
        <td>
          <button type="button" className="link-btn" onClick={() => openProfile(r.index)} title="Ouvrir la fiche du quartier">
            {r.name}
          </button>
        </td>
        <td className="communes">{r.communes}</td>
        {INDICATOR_KEYS.map((k) => (
          <td key={k} className={`num${k === indicator ? ' current-indicator' : ''}`}>
            {r.result ? <RangedValue text={formatWithRange(INDICATORS[k], r.result)} /> : '–'}
          </td>
        ))}
        <td className="select-cell">
          <input
            type="checkbox"
            checked={selected}
            disabled={!selected && full}
            onChange={() => toggleSelection(r.index)}
            aria-label={`Comparer ${r.code} ${r.name}`}
          />
        </td>
      </tr>
    );
  };

  return (
    <div className="ranking">
      <div className="ranking-tools">
        <label htmlFor={`${id}-search`}>Rechercher un quartier</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          placeholder="Nom, code ou commune"
          onChange={(e) => setQuery(e.target.value)}
          aria-controls={`${id}-table`}
        />
        <span className="muted small" aria-live="polite">
          {formatFr(rows.length)} quartier{rows.length > 1 ? 's' : ''} sur {formatFr(all.length)}
        </span>
        <span className="spacer" />
        <span className="muted small">
          {selection.length}/{MAX_SELECTION} à comparer
        </span>
        {onCompare && (
          <button type="button" className="btn btn-small btn-primary" onClick={onCompare} disabled={selection.length < 2}>
            Comparer
          </button>
        )}
      </div>
      <div className="table-scroll" tabIndex={-1}>
        <table id={`${id}-table`} className="data-table">
          <caption>Classement des quartiers</caption>
          <thead>
            <tr>
              {TEXT_COLUMNS.map((c) => header(c.key, c.label, false))}
              {INDICATOR_KEYS.map((k) => header(k, indicatorLabel(INDICATORS[k], scope, 'short'), true))}
              <th scope="col" className="select-cell">
                Comparer
              </th>
            </tr>
          </thead>
          <tbody>{rows.map(row)}</tbody>
        </table>
        {rows.length === 0 && <p className="empty">Aucun quartier ne correspond à « {query} ».</p>}
      </div>
      <p className="table-notes muted small">
        {scope.employerOnly
          ? 'Établissements ESS employeurs seulement (tranche d’effectif autre que NN, tranche vide comprise) : les non-employeurs sont comptés à part, dans la fiche du quartier. '
          : 'Établissements ESS employeurs et non employeurs. '}
        <abbr title="secret statistique">s</abbr> : secret statistique (moins de 3 établissements, ou un établissement au-delà de 85 %
        de la valeur, ou case qui permettrait de retrouver une case masquée par différence). Entre parenthèses : fourchette des
        emplois estimés d’après les tranches d’effectif. Parts en % de l’ensemble des établissements ou emplois du quartier ; densité
        pour 1 000 habitants.
      </p>
    </div>
  );
}
