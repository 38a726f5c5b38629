/**
 * What the reference file gave that was not used, under its row of the Import panel: the
 * engine's French sentences (bad populations, repeated codes, codes matching no quartier…),
 * then, folded, the values left out one by one with their line, code and column, so the user
 * can fix them in the file.
 */
import type { ReferenceInfo } from '../../state/store.ts';
import { formatFr } from '../../core/indicators/catalog.ts';

/** Rows of the detail table: enough to find the pattern, not a second copy of the file. */
const SHOWN = 100;

export function ReferenceWarnings({ info }: { info: ReferenceInfo }) {
  const { warnings, issues } = info;
  if (warnings.length === 0 && issues.length === 0) return null;
  return (
    <>
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Avertissements sur les données de référence">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <details className="reference-issues">
          <summary>
            Détail ligne par ligne ({formatFr(issues.length)})
          </summary>
          <table>
            <caption className="visually-hidden">Valeurs du fichier de référence non utilisées</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Code</th>
                <th scope="col">Colonne</th>
                <th scope="col">Valeur</th>
                <th scope="col">Motif</th>
              </tr>
            </thead>
            <tbody>
              {issues.slice(0, SHOWN).map((i) => (
                <tr key={`${i.line}-${i.column}`}>
                  <td className="num">{i.line}</td>
                  <td>{i.code || '—'}</td>
                  <td>{i.column}</td>
                  <td>{i.value || '—'}</td>
                  <td>{i.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {issues.length > SHOWN && <p className="muted">Seules les {SHOWN} premières sont montrées.</p>}
        </details>
      )}
    </>
  );
}
