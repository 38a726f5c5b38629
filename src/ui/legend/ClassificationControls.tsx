/**
 * Chooses what the map shows and how it is classed: indicator, classification method,
 * number of classes, palette, and thresholds for the manual method. Plain labelled form
 * controls, so the keyboard and screen readers work without extra code.
 */
import { useId, useState } from 'react';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, computeBreaks, parseManualBreaks, type ClassMethod } from '../../core/classify/breaks.ts';
import { PALETTE_NAMES, paletteColors, paletteLabel } from '../../core/classify/palettes.ts';
import { INDICATORS, INDICATOR_KEYS, type IndicatorKey } from '../../core/indicators/catalog.ts';
import { indicatorView } from '../../map/layers/choropleth.ts';
import { useStore } from '../../state/store.ts';
import { METHOD_LABELS } from './class-labels.ts';
import { setClassification, setIndicator } from './view-actions.ts';

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);

/** Thresholds as the user types them back: « 2,5 ; 5 ; 10 ». */
export const formatBreaks = (values: readonly number[]): string =>
  values.map((v) => v.toLocaleString('fr-FR', { maximumFractionDigits: 6 }).replace(/[\u202f\u00a0]/g, ' ')).join(' ; ');

function ManualBreaks({ breaks, unit }: { breaks: number[]; unit: string }) {
  const id = useId();
  const [text, setText] = useState(() => formatBreaks(breaks));
  const [invalid, setInvalid] = useState<string[]>([]);
  const commit = () => {
    const parsed = parseManualBreaks(text);
    setInvalid(parsed.invalid);
    if (parsed.invalid.length === 0) setClassification({ manualBreaks: parsed.values });
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>Seuils entre les classes ({unit})</label>
      <input
        id={`${id}-input`}
        type="text"
        inputMode="decimal"
        value={text}
        aria-describedby={`${id}-help`}
        aria-invalid={invalid.length > 0}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id={`${id}-help`} className={invalid.length > 0 ? 'field-error' : 'muted small'} role={invalid.length > 0 ? 'alert' : undefined}>
        {invalid.length > 0
          ? `Seuils illisibles : ${invalid.map((s) => `« ${s} »`).join(', ')}. Attendu : des nombres séparés par « ; », par exemple 2,5 ; 5 ; 10.`
          : 'Nombres séparés par « ; » (virgule décimale acceptée), jusqu’à 6 seuils. Une valeur égale à un seuil va dans la classe supérieure.'}
      </p>
    </div>
  );
}

/** Indicator, method, classes, palette and manual thresholds of the map. */
export function ClassificationControls() {
  const id = useId();
  const indicator = useStore((s) => s.indicator);
  const classification = useStore((s) => s.classification);
  const def = INDICATORS[indicator];
  const manual = classification.method === 'manual';
  const counts = def.kind === 'count';

  // With manual thresholds the number of classes is theirs: the control shows it, not the
  // number last chosen for the other methods.
  const manualClasses = computeBreaks([], { method: 'manual', classes: 0, manualBreaks: classification.manualBreaks }).thresholds.length + 1;
  const shownClasses = manual ? manualClasses : classification.classes;
  const classCounts = CLASS_COUNTS.includes(shownClasses) ? CLASS_COUNTS : [shownClasses, ...CLASS_COUNTS].sort((a, b) => a - b);

  const changeMethod = (method: ClassMethod) => {
    // Start the manual thresholds from the classes on screen rather than from nothing: they
    // are rounded to the printed precision already, so the classes stay the same.
    if (method === 'manual' && classification.manualBreaks.length === 0) {
      const view = indicatorView(useStore.getState());
      setClassification({ method, manualBreaks: view.breaks.thresholds });
    } else setClassification({ method });
  };

  return (
    <div className="classification-controls">
      <div className="field">
        <label htmlFor={`${id}-indicator`}>Indicateur</label>
        <select id={`${id}-indicator`} value={indicator} onChange={(e) => setIndicator(e.target.value as IndicatorKey)}>
          {INDICATOR_KEYS.map((k) => (
            <option key={k} value={k}>
              {INDICATORS[k].label}
            </option>
          ))}
        </select>
      </div>
      {counts && <p className="muted small">Les effectifs sont représentés par des cercles proportionnels ; la classification s’applique aux taux.</p>}
      <fieldset disabled={counts} className="classification-fieldset">
        <legend>Classification</legend>
        <div className="field">
          <label htmlFor={`${id}-method`}>Méthode</label>
          <select id={`${id}-method`} value={classification.method} onChange={(e) => changeMethod(e.target.value as ClassMethod)}>
            {CLASS_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-classes`}>Nombre de classes</label>
          <select
            id={`${id}-classes`}
            value={shownClasses}
            disabled={manual}
            aria-describedby={manual ? `${id}-classes-help` : undefined}
            onChange={(e) => setClassification({ classes: Number(e.target.value) })}
          >
            {classCounts.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {manual && (
            <span id={`${id}-classes-help`} className="muted small">
              {' '}
              donné par les seuils manuels
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-palette`}>Palette</label>
          <select id={`${id}-palette`} value={classification.palette} onChange={(e) => setClassification({ palette: e.target.value })}>
            {PALETTE_NAMES.map((p) => (
              <option key={p} value={p}>
                {paletteLabel(p)}
              </option>
            ))}
          </select>
          <span className="palette-preview" aria-hidden="true" style={{ display: 'inline-flex', marginLeft: 6, verticalAlign: 'middle' }}>
            {paletteColors(classification.palette, shownClasses).map((c) => (
              <span key={c} style={{ width: 14, height: 12, background: c }} />
            ))}
          </span>
        </div>
        {manual && <ManualBreaks key={classification.manualBreaks.join(';')} breaks={classification.manualBreaks} unit={def.unit} />}
      </fieldset>
    </div>
  );
}
