/**
 * The summary's offer for rows whose latitude and longitude are swapped one by one: the same
 * file is loaded again with those rows swapped and placed. Offered under the same rule as the
 * engine's warning (`swapWorthOffering`), so the button never appears without the sentence
 * that explains it; once swapped, it says so.
 */
import { useStore } from '../../state/store.ts';
import { reloadSwappingOutsideFrance } from '../../state/actions.ts';
import { swapWorthOffering } from '../../core/ingest/row-swaps.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import type { LoadReport } from '../../worker/protocol.ts';

const lines = (n: number) => `${formatFr(n)} ligne${n > 1 ? 's' : ''}`;

export function SwapOffer({ report }: { report: LoadReport }) {
  const loading = useStore((s) => s.loading?.what === 'etablissements');
  const swapped = report.swappedRows ?? 0;
  const candidates = report.swapCandidates ?? 0;
  if (swapped > 0) {
    return (
      <p className="swap-offer swap-done" role="status">
        Latitude et longitude permutées pour {lines(swapped)}, maintenant placée{swapped > 1 ? 's' : ''} comme les autres.
      </p>
    );
  }
  if (!swapWorthOffering(candidates, report.accounting.rejectedBy.outside_france ?? 0)) return null;
  return (
    <div className="actions swap-offer">
      <button type="button" className="btn" disabled={loading} onClick={() => void reloadSwappingOutsideFrance()}>
        Permuter latitude et longitude pour {candidates > 1 ? 'ces' : 'cette'} {lines(candidates)}
      </button>
      <p className="muted">Le même fichier est relu avec ces lignes permutées ; les autres lignes ne changent pas.</p>
    </div>
  );
}
