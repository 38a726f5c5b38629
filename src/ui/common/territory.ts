/**
 * The territory named in the header: the communes of the loaded quartiers, shortened when
 * there are many (a département file covers dozens).
 */
import type { QuartierSummary } from '../../worker/protocol.ts';

export function territoryLabel(quartiers: QuartierSummary[], maxNames = 3): string {
  if (quartiers.length === 0) return '';
  const names: string[] = [];
  const seen = new Set<string>();
  for (const q of quartiers) {
    q.communes.forEach((code, i) => {
      if (seen.has(code)) return;
      seen.add(code);
      names.push(q.communeNames[i] || code);
    });
  }
  const shown = names.slice(0, maxNames).join(', ');
  const rest = names.length - maxNames;
  const communes = rest > 0 ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''} commune${rest > 1 ? 's' : ''}` : shown;
  const count = `${quartiers.length.toLocaleString('fr-FR')} quartier${quartiers.length > 1 ? 's' : ''}`;
  return communes ? `${communes} · ${count}` : count;
}
