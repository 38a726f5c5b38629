/**
 * The ESS establishments located in a quartier, as the engine keeps their labels (names are
 * kept for ESS rows only). Asked for when the profile opens; a newer request supersedes it.
 */
import { useEffect, useState } from 'react';
import { getEngine } from '../../state/engine.ts';
import { useStore } from '../../state/store.ts';
import { EngineError } from '../../worker/client.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { SECTORS } from '../../core/types.ts';
import { SECTOR_LABELS, sectorFromNaf } from '../../core/indicators/naf-sectors.ts';
import type { Requests } from '../../worker/protocol.ts';

export const LIST_LIMIT = 200;

type Item = Requests['establishments']['result'][number];

export function EstablishmentList({ quartier }: { quartier: number }) {
  const pointsId = useStore((s) => s.pointsId);
  const [state, setState] = useState<{ key: string; items: Item[] | null; error: string | null }>({ key: '', items: null, error: null });
  const key = `${quartier}:${pointsId ?? ''}`;

  useEffect(() => {
    if (!pointsId) return;
    let live = true;
    getEngine()
      .call('establishments', { quartier, ring: false, limit: LIST_LIMIT })
      .then((items) => live && setState({ key, items, error: null }))
      .catch((e: unknown) => {
        if (!live || (e instanceof EngineError && e.code === 'aborted')) return;
        setState({ key, items: null, error: `La liste n’a pas pu être lue : ${(e as Error).message}` });
      });
    return () => {
      live = false;
    };
  }, [quartier, pointsId, key]);

  if (!pointsId) return <p className="muted">Chargez un fichier d’établissements pour voir la liste.</p>;
  if (state.key !== key) return <p className="muted">Lecture de la liste…</p>;
  if (state.error) return <p className="inline-warning">{state.error}</p>;
  const items = state.items ?? [];
  if (items.length === 0) return <p className="muted">Aucun établissement ESS localisé dans le quartier.</p>;
  return (
    <>
      <p className="muted small">
        {items.length >= LIST_LIMIT ? `Les ${formatFr(LIST_LIMIT)} premiers` : `${formatFr(items.length)} établissement${items.length > 1 ? 's' : ''}`}{' '}
        ESS situés dans le quartier, employeurs ou non, sans les filtres.
      </p>
      {/* Focusable so that the keyboard can scroll a long list (it holds no control). */}
      <div className="table-scroll list-scroll" tabIndex={0} role="region" aria-label="Liste des établissements ESS du quartier">
        <table className="data-table establishments">
          <caption className="visually-hidden">Établissements ESS du quartier</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">SIRET</th>
              <th scope="col">NAF</th>
              <th scope="col">Secteur</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.row}>
                <td>{e.name || <span className="muted">(sans nom)</span>}</td>
                <td className="mono">{e.siret}</td>
                <td className="mono">{e.naf}</td>
                <td>{SECTOR_LABELS[SECTORS[sectorFromNaf(e.naf)]]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
