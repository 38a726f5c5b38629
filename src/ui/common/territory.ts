/**
 * The territory named in the header: the communes of the loaded quartiers, shortened when
 * there are many (a département file covers dozens).
 */
import type { QuartierSummary } from '../../worker/protocol.ts';

export function territoryLabel(quartiers: QuartierSummary[], maxNames = 3): string {
  if (quartiers.length === 0) return '';
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, name: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    names.push(name);
  };
  for (const q of quartiers) {
    q.communes.forEach((code, i) => add(code, q.communeNames[i] || code));
    // 2015 files name the communes without their INSEE codes: name them all the same.
    if (q.communes.length === 0) for (const name of q.communeNames) add(`nom:${name}`, name);
  }
  const shown = names.slice(0, maxNames).join(', ');
  const rest = names.length - maxNames;
  const communes = rest > 0 ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''} commune${rest > 1 ? 's' : ''}` : shown;
  const count = `${quartiers.length.toLocaleString('fr-FR')} quartier${quartiers.length > 1 ? 's' : ''}`;
  return communes ? `${communes} · ${count}` : count;
}
