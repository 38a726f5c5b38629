/**
 * A formatted figure with its range set on a second line, so narrow columns stay readable;
 * the text still reads « 120 (95–150) ». `s` is explained on hover.
 */
import { splitRange } from './format.ts';

export function RangedValue({ text }: { text: string }) {
  if (text === 's') return <abbr title="secret statistique">s</abbr>;
  const { value, range } = splitRange(text);
  return (
    <>
      {value}
      {range && (
        <>
          {' '}
          <span className="range">{range}</span>
        </>
      )}
    </>
  );
}
