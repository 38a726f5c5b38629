/**
 * The territory named in the header: the communes of the loaded quartiers, shortened when
 * there are many (a département file covers dozens).
 */
import type { QuartierSummary } from '../../worker/protocol.ts';
import { communeNameOf } from '../../core/ingest/geojson-fields.ts';

export function territoryLabel(quartiers: QuartierSummary[], maxNames = 3): string {
  if (quartiers.length === 0) return '';
  const names: string[] = [];
  const seen = new Set<string>();
  for (const q of quartiers) {
    // Every name the file gives (it may name more communes than it codes), else the codes.
    for (const name of q.communeNames.length > 0 ? q.communeNames : q.communes) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  }
  const shown = names.slice(0, maxNames).join(', ');
  const rest = names.length - maxNames;
  const communes = rest > 0 ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''} commune${rest > 1 ? 's' : ''}` : shown;
  const count = `${quartiers.length.toLocaleString('fr-FR')} quartier${quartiers.length > 1 ? 's' : ''}`;
  return communes ? `${communes} · ${count}` : count;
}

/**
 * Commune names by INSEE code, from the quartiers whose file pairs names and codes one to one.
 * A quartier naming more communes than it codes (« Séméac, Tarbes » with 65440 alone) then
 * still gets « Tarbes » for its rest-of-commune, from a neighbour that pairs them.
 */
export function communeNameMap(quartiers: readonly { communes: string[]; communeNames: string[] }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const q of quartiers) {
    for (const code of q.communes) {
      const name = communeNameOf(code, q.communes, q.communeNames);
      if (name && !names.has(code)) names.set(code, name);
    }
  }
  return names;
}
