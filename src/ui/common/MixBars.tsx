/**
 * A mix (families, sectors, sizes) as a horizontal bar chart. It is a real table underneath,
 * so a screen reader reads « Association, 12, 40 % »; the bars are decoration on top of the
 * figures, never the only carrier of a value. Secret cells show `s` and no bar.
 */
import { useId } from 'react';
import type { MixCell } from '../../core/indicators/indicators.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { formatPct } from './format.ts';

export type MixMeasure = 'establishments' | 'jobs';

export interface MixBarsProps {
  title: string;
  keys: readonly string[];
  labels: Readonly<Record<string, string>>;
  cells: Record<string, MixCell>;
  measure: MixMeasure;
  /** Leave out empty categories (the 13 sectors would otherwise be mostly blank lines). */
  hideZeros?: boolean;
}

export function MixBars({ title, keys, labels, cells, measure, hideZeros = false }: MixBarsProps) {
  const id = useId();
  const total = keys.reduce((sum, k) => sum + (cells[k]?.[measure] ?? 0), 0);
  const shown = keys.filter((k) => !hideZeros || (cells[k]?.[measure] ?? 0) > 0);
  const unit = measure === 'jobs' ? 'emplois' : 'établissements';
  return (
    <figure className="mix" aria-labelledby={id}>
      <figcaption id={id}>
        {title} <span className="mix-unit">({unit})</span>
      </figcaption>
      {shown.length === 0 ? (
        <p className="muted">Aucun établissement ESS.</p>
      ) : (
        <table className="mix-table">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Répartition</th>
              <th scope="col">Valeur</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => {
              const cell = cells[k];
              const value = cell?.[measure] ?? 0;
              const share = total > 0 ? value / total : 0;
              const secret = cell?.secret ?? false;
              return (
                <tr key={k}>
                  <th scope="row">{labels[k] ?? k}</th>
                  <td className="mix-bar-cell" aria-hidden="true">
                    {!secret && <span className="mix-bar" style={{ width: `${Math.max(share * 100, value > 0 ? 1.5 : 0)}%` }} />}
                  </td>
                  <td className="num">{secret ? 's' : `${formatFr(value)} (${formatPct(share, 0)})`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </figure>
  );
}
