/**
 * The quartier sheet: a side panel over the map with the quartier's indicators next to its
 * quartier vécu, the rest of its commune and all loaded quartiers, the gaps, the mixes and
 * the list of its ESS establishments. Escape or « Fermer » closes it and gives the focus back
 * to where the user was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { openProfile } from '../../state/actions.ts';
import { INDICATORS, INDICATOR_KEYS, formatFr, indicatorLabel, scopeOf } from '../../core/indicators/catalog.ts';
import type { Indicators } from '../../core/indicators/indicators.ts';
import { FAMILIES, SECTORS, SIZE_ORDER } from '../../core/types.ts';
import { FAMILY_LABELS } from '../../core/indicators/legal-families.ts';
import { SECTOR_LABELS } from '../../core/indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../../core/indicators/tranches.ts';
import { formatWithRange } from '../common/format.ts';
import { RangedValue } from '../common/RangedValue.tsx';
import { communeOf, quartierGaps } from '../common/gaps.ts';
import { communeNameMap } from '../common/territory.ts';
import { communeNamesText } from '../../core/ingest/geojson-fields.ts';
import { MixBars, type MixMeasure } from '../common/MixBars.tsx';
import { MeasureToggle } from '../common/MeasureToggle.tsx';
import { Sources } from '../common/Sources.tsx';
import { EstablishmentList } from './EstablishmentList.tsx';

export function QuartierProfile() {
  const index = useStore((s) => s.profile);
  const quartier = useStore((s) => (s.profile === null ? null : (s.quartiers[s.profile] ?? null)));
  const results = useStore((s) => s.results);
  const quartiers = useStore((s) => s.quartiers);
  const ringMetres = useStore((s) => s.ringMetres);
  const [measure, setMeasure] = useState<MixMeasure>('establishments');
  const closeRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = index !== null && quartier !== null;

  useEffect(() => {
    if (!open) return;
    // Remember where the user was, come back there on close.
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') openProfile(null);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [open, index]);

  if (!open) return null;
  const r = results?.quartiers[index] ?? null;
  const commune = r && results ? communeOf(r, results) : null;
  const communeName = commune ? (communeNameMap(quartiers).get(commune.code) ?? commune.code) : '';
  const columns: { label: string; data: Indicators | null }[] = [
    { label: 'Quartier', data: r },
    { label: `Quartier vécu (bande de ${formatFr(ringMetres)} m)`, data: r?.ring ?? null },
    { label: `Reste de la commune${communeName ? ` (${communeName})` : ''}`, data: commune },
    { label: 'Ensemble des quartiers', data: results?.allQuartiers ?? null },
  ];

  return (
    <aside className="profile-sheet" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`}>
      <header className="profile-head">
        <div>
          <p className="eyebrow">Fiche quartier · {quartier.code}</p>
          <h2 id={`${id}-title`}>{quartier.name}</h2>
          <p className="muted">{communeNamesText(quartier.communes, quartier.communeNames)}</p>
        </div>
        <button ref={closeRef} type="button" className="btn btn-ghost close-btn" onClick={() => openProfile(null)} aria-label="Fermer la fiche">
          Fermer
        </button>
      </header>

      {r?.outsideFilter && (
        <p className="inline-warning">Hors filtre : aucune commune de ce quartier n’est dans le filtre de communes, ses établissements ne sont pas comptés.</p>
      )}
      {!r || !results ? (
        <p className="empty">Les indicateurs sont en cours de calcul.</p>
      ) : (
        <div className="profile-body">
          <section aria-labelledby={`${id}-ind`}>
            <h3 id={`${id}-ind`}>Indicateurs</h3>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Indicateurs du quartier et des territoires de comparaison</caption>
                <thead>
                  <tr>
                    <th scope="col">Indicateur</th>
                    {columns.map((c) => (
                      <th key={c.label} scope="col" className="num">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {INDICATOR_KEYS.map((k) => (
                    <tr key={k}>
                      <th scope="row">{indicatorLabel(INDICATORS[k], scopeOf(results), 'label')}</th>
                      {columns.map((c) => (
                        <td key={c.label} className="num">
                          <RangedValue text={c.data ? formatWithRange(INDICATORS[k], c.data) : '–'} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {results.employerOnly && (r.nonEmployerEstablishments > 0 || r.secret.nonEmployer) && (
              <p className="muted small">
                {r.secret.nonEmployer
                  ? 'Et des établissements ESS non employeurs (tranche NN), comptés à part : nombre sous secret statistique (s).'
                  : `Et ${formatFr(r.nonEmployerEstablishments)} établissement${r.nonEmployerEstablishments > 1 ? 's' : ''} ESS non employeur${r.nonEmployerEstablishments > 1 ? 's' : ''} (tranche NN), compté${r.nonEmployerEstablishments > 1 ? 's' : ''} à part.`}
              </p>
            )}
          </section>

          <section aria-labelledby={`${id}-gaps`}>
            <h3 id={`${id}-gaps`}>Écarts</h3>
            <table className="data-table gaps">
              <caption className="visually-hidden">Écarts du quartier, en points de pourcentage</caption>
              <thead>
                <tr>
                  <th scope="col">Comparé à</th>
                  <th scope="col" className="num">
                    Référence
                  </th>
                  <th scope="col" className="num">
                    Écart
                  </th>
                </tr>
              </thead>
              <tbody>
                {quartierGaps(r, results, communeName).map((g) => (
                  <tr key={g.key}>
                    <th scope="row">
                      {g.against}
                      <span className="row-sub">{g.indicator}</span>
                    </th>
                    <td className="num">{g.reference}</td>
                    <td className={`num gap${g.gap.startsWith('+') ? ' gap-pos' : g.gap.startsWith('−') ? ' gap-neg' : ''}`}>{g.gap}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby={`${id}-mix`}>
            <div className="section-head">
              <h3 id={`${id}-mix`}>Répartitions</h3>
              <MeasureToggle value={measure} onChange={setMeasure} />
            </div>
            <div className="mix-grid">
              <MixBars title="Familles" keys={FAMILIES} labels={FAMILY_LABELS} cells={r.families} measure={measure} />
              <MixBars title="Taille" keys={SIZE_ORDER} labels={SIZE_LABELS} cells={r.sizes} measure={measure} hideZeros />
            </div>
            <MixBars title="Secteurs" keys={SECTORS} labels={SECTOR_LABELS} cells={r.sectors} measure={measure} hideZeros />
          </section>

          <section aria-labelledby={`${id}-list`}>
            <h3 id={`${id}-list`}>Établissements ESS du quartier, employeurs ou non</h3>
            <EstablishmentList quartier={index} />
          </section>
          <Sources />
        </div>
      )}
    </aside>
  );
}
