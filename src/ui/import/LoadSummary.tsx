/**
 * What became of every row of the establishments file: read = inside a quartier + outside +
 * rejected, each rejection with its reason, and the rejected rows downloadable so the user
 * can fix them at the source. Nothing is dropped silently.
 */
import { useState } from 'react';
import { useStore } from '../../state/store.ts';
import { getEngine } from '../../state/engine.ts';
import { REJECT_REASONS, type RejectReason } from '../../core/types.ts';
import { DELIMITER_NAMES } from '../../core/ingest/csv-sniff.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { downloadText } from '../common/download.ts';
import { SwapOffer } from './SwapOffer.tsx';
import { ENCODING_LABELS, LAYOUT_LABELS, essBasisText, jobsSourceText } from './labels.ts';

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function LoadSummary() {
  const report = useStore((s) => s.report);
  const source = useStore((s) => s.establishmentsSource);
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  if (!report || !source) return null;
  const a = report.accounting;
  const reasons = (Object.keys(REJECT_REASONS) as RejectReason[]).filter((r) => (a.rejectedBy[r] ?? 0) > 0);

  const download = async () => {
    setBusy(true);
    setDownloadError(null);
    try {
      const csv = await getEngine().call('rejectedCsv', {});
      downloadText(csv, `lignes-rejetees-${baseName(source.name)}.csv`);
    } catch (e) {
      setDownloadError(`Le fichier des lignes rejetées n’a pas pu être produit : ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">Bilan du chargement</h3>
      <table className="accounting">
        <caption className="visually-hidden">Décompte des lignes du fichier des établissements</caption>
        <tbody>
          <tr>
            <th scope="row">Lignes lues</th>
            <td className="num">{formatFr(a.read)}</td>
          </tr>
          <tr>
            <th scope="row">Dans un quartier</th>
            <td className="num">{formatFr(a.inQuartier)}</td>
          </tr>
          <tr>
            <th scope="row">Hors des quartiers</th>
            <td className="num">{formatFr(a.outside)}</td>
          </tr>
          <tr>
            <th scope="row">Rejetées</th>
            <td className="num">{formatFr(a.rejected)}</td>
          </tr>
          {reasons.map((r) => (
            <tr key={r} className="sub">
              <th scope="row">dont {REJECT_REASONS[r]}</th>
              <td className="num">{formatFr(a.rejectedBy[r] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.read !== a.inQuartier + a.outside + a.rejected && (
        <p className="inline-warning">Le décompte ne boucle pas : signalez-le avec le fichier en cause.</p>
      )}
      <dl className="facts">
        <dt>Appartenance à l’ESS</dt>
        <dd className={report.essBasis === 'ess_list' ? 'inline-warning' : undefined}>{capitalize(essBasisText(report))}</dd>
        <dt>Emplois</dt>
        <dd>{capitalize(jobsSourceText(report))}</dd>
        {(report.unknownSize ?? 0) > 0 && (
          <>
            <dt>Sans tranche d’effectif</dt>
            <dd>{`${formatFr(report.unknownSize)} ligne${report.unknownSize > 1 ? 's' : ''} sans tranche ni effectif lisible : comptée${report.unknownSize > 1 ? 's' : ''} comme employeur${report.unknownSize > 1 ? 's' : ''} de taille inconnue, emplois non estimés`}</dd>
          </>
        )}
        <dt>Dénominateurs des parts</dt>
        <dd>
          {report.hasNonEss
            ? 'les établissements hors ESS du même fichier'
            : 'le fichier de référence (le fichier ne contient que des établissements ESS)'}
        </dd>
        <dt>Format</dt>
        <dd>
          {LAYOUT_LABELS[report.mapping.layout]}, séparateur {DELIMITER_NAMES[report.dialect.delimiter] ?? report.dialect.delimiter},{' '}
          {ENCODING_LABELS[report.dialect.encoding]}
        </dd>
      </dl>
      {report.warnings.length > 0 && (
        <ul className="warnings" aria-label="Avertissements">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <SwapOffer report={report} />
      {a.rejected > 0 && (
        <div className="actions">
          <button type="button" className="btn" onClick={() => void download()} disabled={busy}>
            Télécharger les lignes rejetées
          </button>
          {report.rejectedRowsTruncated && (
            <p className="muted">Seules les {formatFr(report.rejectedKept)} premières lignes rejetées sont conservées.</p>
          )}
          {downloadError && <p className="inline-warning">{downloadError}</p>}
        </div>
      )}
    </section>
  );
}
