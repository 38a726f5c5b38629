/**
 * Two to four quartiers side by side: their indicators with ranges, their gaps to the rest
 * of their commune and to national references, and their family and sector mixes.
 */
import { useState } from 'react';
import { MAX_SELECTION, useStore } from '../../state/store.ts';
import { openProfile, toggleSelection } from '../../state/actions.ts';
import { INDICATORS, INDICATOR_KEYS, indicatorLabel, scopeOf } from '../../core/indicators/catalog.ts';
import { FAMILIES, SECTORS } from '../../core/types.ts';
import { FAMILY_LABELS } from '../../core/indicators/legal-families.ts';
import { SECTOR_LABELS } from '../../core/indicators/naf-sectors.ts';
import { formatWithRange } from '../common/format.ts';
import { communeOf, quartierGaps } from '../common/gaps.ts';
import { communeNameMap } from '../common/territory.ts';
import { MixBars, type MixMeasure } from '../common/MixBars.tsx';
import { MeasureToggle } from '../common/MeasureToggle.tsx';
import { Sources } from '../common/Sources.tsx';

export function ComparisonPanel() {
  const selection = useStore((s) => s.selection);
  const quartiers = useStore((s) => s.quartiers);
  const results = useStore((s) => s.results);
  const [measure, setMeasure] = useState<MixMeasure>('establishments');

  const chosen = selection.filter((i) => quartiers[i] && results?.quartiers[i]);
  if (chosen.length < 2 || !results) {
    return (
      <div className="compare empty-state">
        <p className="empty">
          Sélectionnez au moins deux quartiers (jusqu’à {MAX_SELECTION}) dans le classement, avec la case « Comparer », pour les voir
          côte à côte.
        </p>
        {chosen.length === 1 && (
          <p className="muted">
            Sélectionné : {quartiers[chosen[0]].name} ({quartiers[chosen[0]].code}).
          </p>
        )}
      </div>
    );
  }

  const names = communeNameMap(quartiers);
  const nameOf = (i: number) => {
    const c = communeOf(results.quartiers[i], results);
    return c ? (names.get(c.code) ?? c.code) : undefined;
  };
  const cols = chosen.map((i) => ({ i, q: quartiers[i], r: results.quartiers[i], gaps: quartierGaps(results.quartiers[i], results, nameOf(i)) }));
  const gapRows = cols[0].gaps.map((g, k) => ({ key: g.key, heading: g.heading, cells: cols.map((c) => c.gaps[k]) }));

  return (
    <div className="compare">
      <div className="table-scroll">
        <table className="data-table compare-table">
          <caption>Comparaison des quartiers sélectionnés</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              {cols.map(({ i, q }) => (
                <th scope="col" key={i} className="num">
                  <button type="button" className="link-btn" onClick={() => openProfile(i)}>
                    {q.name}
                  </button>
                  <span className="code-sub">{q.code}</span>
                  <button type="button" className="link-btn small" onClick={() => toggleSelection(i)} aria-label={`Retirer ${q.name} de la comparaison`}>
                    Retirer
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {INDICATOR_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row">{indicatorLabel(INDICATORS[k], scopeOf(results), 'label')}</th>
                {cols.map(({ i, r }) => (
                  <td key={i} className="num">
                    {formatWithRange(INDICATORS[k], r)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="group-row">
              <th scope="rowgroup" colSpan={cols.length + 1}>
                Écarts, en points de pourcentage
              </th>
            </tr>
            {gapRows.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.heading}</th>
                {g.cells.map((c, j) => (
                  <td key={cols[j].i} className={`num gap${c.gap.startsWith('+') ? ' gap-pos' : c.gap.startsWith('−') ? ' gap-neg' : ''}`}>
                    {c.gap}
                    <span className="row-sub">
                      {c.referenceName} : {c.reference}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="compare-mixes-head">
        <h3>Répartitions</h3>
        <MeasureToggle value={measure} onChange={setMeasure} />
      </div>
      <div className="compare-mixes" style={{ gridTemplateColumns: `repeat(${cols.length}, minmax(0, 1fr))` }}>
        {cols.map(({ i, q, r }) => (
          <section key={i} className="compare-col" aria-label={`Répartitions — ${q.name}`}>
            <h4>
              {q.name} <span className="code-sub">{q.code}</span>
            </h4>
            <MixBars title="Familles" keys={FAMILIES} labels={FAMILY_LABELS} cells={r.families} measure={measure} />
            <MixBars title="Secteurs" keys={SECTORS} labels={SECTOR_LABELS} cells={r.sectors} measure={measure} hideZeros />
          </section>
        ))}
      </div>
      <Sources />
    </div>
  );
}
