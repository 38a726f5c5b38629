/**
 * The guesses that must be looked at before loading: each « probable » column that changes
 * the figures, with its full name and sample values and a box to confirm it (or a button to
 * drop it), and the columns whose name matched a field but whose values did not, with why.
 */
import { FIELD_LABELS, type ColumnMapping, type Field, type RejectedColumn } from '../../core/ingest/column-mapping.ts';
import { exampleValues } from '../../core/ingest/column-evidence.ts';
import { columnName } from './labels.ts';

interface ConfirmProps {
  header: string[];
  sample: string[][];
  mapping: ColumnMapping;
  fields: Field[];
  confirmed: ReadonlySet<Field>;
  onConfirm(field: Field, yes: boolean): void;
  onDrop(field: Field): void;
}

/** Examples of a column as one line: « 2015 · 2004 · 2016 », or why there is none. */
export function examplesText(sample: readonly string[][], col: number): string {
  const ex = exampleValues(sample, col);
  return ex.length > 0 ? `exemples : ${ex.join(' · ')}` : 'aucune valeur dans l’aperçu';
}

export function ProbableChoices({ header, sample, mapping, fields, confirmed, onConfirm, onDrop }: ConfirmProps) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="mapping-confirm">
      <legend>À confirmer avant de charger</legend>
      <p className="muted small">
        Ces colonnes ont été reconnues comme probables seulement, et elles changent les chiffres : vérifiez chacune.
      </p>
      <ul>
        {fields.map((f) => {
          const col = mapping[f]!;
          return (
            <li key={f}>
              <label>
                <input type="checkbox" checked={confirmed.has(f)} onChange={(e) => onConfirm(f, e.target.checked)} /> {FIELD_LABELS[f]} ← «{' '}
                <strong>{columnName(header[col], col)}</strong> »
              </label>
              <span className="mapping-values">{examplesText(sample, col)}</span>
              <button type="button" className="btn btn-small" onClick={() => onDrop(f)}>
                Ne pas utiliser cette colonne
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function RejectedColumns({ header, rejected }: { header: string[]; rejected: RejectedColumn[] }) {
  if (rejected.length === 0) return null;
  return (
    <details className="mapping-rejected" open>
      <summary>
        {rejected.length === 1 ? '1 colonne écartée' : `${rejected.length} colonnes écartées`} malgré leur nom (voir pourquoi)
      </summary>
      <ul>
        {rejected.map((r) => (
          <li key={`${r.field}-${r.column}`}>
            « {columnName(header[r.column], r.column)} » n’est pas proposée comme {FIELD_LABELS[r.field]} : {r.reason}.
          </li>
        ))}
      </ul>
    </details>
  );
}
