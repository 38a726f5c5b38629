/**
 * A group of checkboxes for one classification (families, sectors, sizes, communes). `null`
 * means "everything", as in the engine's filters, so a fully checked group costs nothing on
 * the hot path and stays "everything" when a later file brings a new category.
 */
import { useId } from 'react';

export interface CheckOption<V> {
  value: V;
  label: string;
}

export interface CheckGroupProps<V> {
  legend: string;
  options: CheckOption<V>[];
  selected: V[] | null;
  onChange(next: V[] | null): void;
  disabled?: boolean;
  note?: string;
}

export function CheckGroup<V extends string | number>({ legend, options, selected, onChange, disabled, note }: CheckGroupProps<V>) {
  const id = useId();
  const isOn = (v: V) => selected === null || selected.includes(v);
  const toggle = (v: V) => {
    const current = selected ?? options.map((o) => o.value);
    const next = current.includes(v) ? current.filter((x) => x !== v) : [...current, v];
    // Back to null once everything is ticked again.
    onChange(options.every((o) => next.includes(o.value)) ? null : options.map((o) => o.value).filter((x) => next.includes(x)));
  };
  const count = selected === null ? options.length : selected.length;
  return (
    <fieldset className="check-group" disabled={disabled} aria-describedby={note ? `${id}-note` : undefined}>
      <legend>
        {legend}{' '}
        <span className="count">
          ({count}/{options.length})
        </span>
      </legend>
      <div className="check-group-tools">
        <button type="button" className="link-btn" onClick={() => onChange(null)} disabled={selected === null} aria-label={`Tout cocher : ${legend}`}>
          Tout cocher
        </button>
        <button
          type="button"
          className="link-btn"
          onClick={() => onChange([])}
          disabled={selected !== null && selected.length === 0}
          aria-label={`Tout décocher : ${legend}`}
        >
          Tout décocher
        </button>
      </div>
      {note && (
        <p id={`${id}-note`} className="muted small">
          {note}
        </p>
      )}
      <ul className="checks">
        {options.map((o) => (
          <li key={String(o.value)}>
            <label>
              <input type="checkbox" checked={isOn(o.value)} onChange={() => toggle(o.value)} /> {o.label}
            </label>
          </li>
        ))}
      </ul>
      {count === 0 && <p className="inline-warning small">Rien n’est coché : aucun établissement n’est compté.</p>}
    </fieldset>
  );
}
