/**
 * Second step of an establishments import: the columns the engine recognised, which the user
 * confirms or corrects before the whole file is read. A wrong guess here (two "Activité"
 * columns, Lambert coordinates read as degrees) would silently skew every figure, hence a
 * sample of the file under the choices.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  FIELDS, FIELD_LABELS, fieldsToConfirm, hasCoordinates, hasEssColumn, headerSignature, type ColumnMapping, type Field,
} from '../../core/ingest/column-mapping.ts';
import { DELIMITER_NAMES } from '../../core/ingest/csv-sniff.ts';
import { cancelPendingMapping, confirmMapping, updatePendingMapping } from '../../state/actions.ts';
import { recallMapping } from '../../state/mapping-memory.ts';
import type { PendingMapping } from '../../state/store.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { NNBSP } from '../common/format.ts';
import { EssChoice, EssFlagBlankNote, type EssChoiceValue } from './EssChoice.tsx';
import { ProbableChoices, RejectedColumns, examplesText } from './MappingChecks.tsx';
import { ENCODING_LABELS, LAYOUT_LABELS, columnName, confidenceLabel } from './labels.ts';

const SAMPLE_ROWS = 8;

const BASE_GROUPS: { title: string; fields: Field[] }[] = [
  { title: 'Localisation', fields: ['lon', 'lat', 'latlon', 'x', 'y', 'communeCode'] },
  { title: 'Identification', fields: ['siret', 'name', 'naf', 'state'] },
  { title: 'Appartenance à l’ESS', fields: ['essFlag', 'family', 'legalCategory', 'sector'] },
  { title: 'Emploi', fields: ['tranche', 'headcount'] },
];

// A field added to FIELDS later still gets its select, in a last group.
const ungrouped = FIELDS.filter((f) => !BASE_GROUPS.some((g) => g.fields.includes(f)));
const GROUPS = ungrouped.length > 0 ? [...BASE_GROUPS, { title: 'Autres champs', fields: ungrouped }] : BASE_GROUPS;

export function ColumnMappingDialog({ pending }: { pending: PendingMapping }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const { preview, mapping, file } = pending;
  const detected = preview.detected;

  // Move focus into the step when it opens: the user chose a file and must now decide.
  useEffect(() => headingRef.current?.focus(), []);

  // A column the user confirmed for this header before needs no second confirmation.
  const remembered = useMemo(() => recallMapping(headerSignature(preview.header)), [preview.header]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<Field>>(
    () => new Set(FIELDS.filter((f) => remembered?.[f] !== undefined && remembered[f] === detected.mapping[f])),
  );
  const [attempted, setAttempted] = useState(false);
  // The ESS question stays on screen for a file with no ESS column, even once answered.
  const askEss = !hasEssColumn(detected.mapping);
  const [essChoice, setEssChoice] = useState<EssChoiceValue | null>(() =>
    !askEss || !remembered ? null : mapping.legalCategory !== undefined ? 'legal_category' : hasEssColumn(mapping) ? 'column' : 'ess_list',
  );

  const setField = (field: Field, value: string) => {
    const next: ColumnMapping = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    updatePendingMapping(next);
  };
  const confirm = (field: Field, yes: boolean) => {
    const next = new Set(confirmed);
    if (yes) next.add(field);
    else next.delete(field);
    setConfirmed(next);
  };

  const toConfirm = fieldsToConfirm(detected, mapping);
  const unconfirmed = toConfirm.filter((f) => !confirmed.has(f));
  const essMissing = askEss && !(essChoice === 'ess_list' || hasEssColumn(mapping));
  const load = () => {
    setAttempted(true);
    if (unconfirmed.length > 0 || essMissing) return;
    void confirmMapping({ essList: essChoice === 'ess_list' });
  };

  const fieldOf = new Map<number, Field[]>();
  for (const f of FIELDS) {
    const col = mapping[f];
    if (col !== undefined) fieldOf.set(col, [...(fieldOf.get(col) ?? []), f]);
  }
  const coordinatesOk = hasCoordinates(mapping);
  const sample = preview.sample.slice(0, SAMPLE_ROWS);

  return (
    <section className="mapping" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Correspondance des colonnes
      </h3>
      <p id={`${id}-desc`} className="muted">
        « {file.name} » : {formatFr(preview.header.length)} colonnes, séparateur {DELIMITER_NAMES[preview.dialect.delimiter] ?? preview.dialect.delimiter},
        encodage {ENCODING_LABELS[preview.dialect.encoding]}. Format : {LAYOUT_LABELS[detected.layout]}.
      </p>
      <p className={`confidence confidence-${confidenceLabel(detected.overall)?.level ?? 'low'}`}>
        Confiance de la détection automatique : <strong>{formatFr(detected.overall * 100)}{NNBSP}%</strong>
        {detected.overall < 0.9 && ' — vérifiez les colonnes signalées.'}
      </p>

      {askEss && (
        <EssChoice
          header={preview.header}
          sample={preview.sample}
          mapping={mapping}
          choice={essChoice}
          onChoice={(c, next) => {
            setEssChoice(c);
            updatePendingMapping(next);
          }}
        />
      )}
      <EssFlagBlankNote sample={preview.sample} mapping={mapping} />
      <ProbableChoices
        header={preview.header}
        sample={preview.sample}
        mapping={mapping}
        fields={toConfirm}
        confirmed={confirmed}
        onConfirm={confirm}
        onDrop={(f) => setField(f, '')}
      />
      <RejectedColumns header={preview.header} rejected={detected.rejected.filter((r) => mapping[r.field] === undefined)} />

      <div className="mapping-groups">
        {GROUPS.map((g) => (
          <fieldset key={g.title} className="mapping-group">
            <legend>{g.title}</legend>
            {g.fields.map((f) => {
              const value = mapping[f];
              const auto = value !== undefined && value === detected.mapping[f];
              const conf = auto ? confidenceLabel(detected.confidence[f]) : null;
              const selectId = `${id}-${f}`;
              return (
                <div className="mapping-field" key={f}>
                  <label htmlFor={selectId}>{FIELD_LABELS[f]}</label>
                  <select id={selectId} value={value === undefined ? '' : String(value)} onChange={(e) => setField(f, e.target.value)}>
                    <option value="">— aucune —</option>
                    {preview.header.map((h, i) => (
                      <option key={i} value={String(i)}>
                        {columnName(h, i)}
                      </option>
                    ))}
                  </select>
                  {conf && (
                    <span className={`badge badge-${conf.level}`} title="Confiance de la détection pour ce champ">
                      {toConfirm.includes(f) && !confirmed.has(f) ? 'à confirmer' : conf.text}
                    </span>
                  )}
                  {value !== undefined && (
                    <span className="mapping-values">
                      « {columnName(preview.header[value], value)} » — {examplesText(preview.sample, value)}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>

      {!coordinatesOk && (
        <p className="inline-warning">
          Aucune colonne de coordonnées n’est choisie : indiquez longitude et latitude, une colonne « lat, lon », ou X et Y en Lambert-93.
        </p>
      )}

      <div className="sample-wrap" tabIndex={0} role="region" aria-label="Aperçu du fichier">
        <table className="sample">
          <caption>Aperçu des {formatFr(sample.length)} premières lignes</caption>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} scope="col" className={fieldOf.has(i) ? 'mapped' : undefined}>
                  <span className="sample-col">{columnName(h, i)}</span>
                  {fieldOf.get(i)?.map((f) => (
                    <span key={f} className="chip">
                      {FIELD_LABELS[f]}
                    </span>
                  ))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, r) => (
              <tr key={r}>
                {preview.header.map((_, i) => (
                  <td key={i} className={fieldOf.has(i) ? 'mapped' : undefined}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {attempted && (unconfirmed.length > 0 || essMissing) && (
        <p className="inline-warning" role="alert">
          Avant de charger :{' '}
          {[
            essMissing ? 'choisissez comment reconnaître les établissements de l’ESS' : null,
            unconfirmed.length > 0 ? `confirmez ou retirez ${unconfirmed.map((f) => `« ${FIELD_LABELS[f]} »`).join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' ; ')}
          .
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={load}>
          Valider et charger
        </button>
        <button type="button" className="btn" onClick={cancelPendingMapping}>
          Annuler
        </button>
      </div>
    </section>
  );
}
