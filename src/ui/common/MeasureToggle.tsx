/**
 * Chooses whether mixes are shown in establishments or in jobs. Radio buttons in a fieldset:
 * arrow keys move between them, and the choice is announced with its group name.
 */
import { useId } from 'react';
import type { MixMeasure } from './MixBars.tsx';

export function MeasureToggle({ value, onChange }: { value: MixMeasure; onChange(m: MixMeasure): void }) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Répartitions exprimées en</legend>
      {(
        [
          ['establishments', 'Établissements'],
          ['jobs', 'Emplois'],
        ] as const
      ).map(([m, label]) => (
        <label key={m} className={value === m ? 'on' : undefined}>
          <input type="radio" name={name} value={m} checked={value === m} onChange={() => onChange(m)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
