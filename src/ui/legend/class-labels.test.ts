import { describe, expect, it } from 'vitest';
import { classLabels, legendDigits, titleUnit } from './class-labels.ts';
import { INDICATORS } from '../../core/indicators/catalog.ts';
import { classOf, computeBreaks, parseManualBreaks, type ClassMethod } from '../../core/classify/breaks.ts';

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const labels = (...args: Parameters<typeof classLabels>) => classLabels(...args).map(nbsp);

describe('classLabels', () => {
  it('writes closed outer classes when the data reaches them', () => {
    expect(labels({ thresholds: [10, 20], min: 2.5, max: 31.25, count: 9 }, 1, '%')).toEqual([
      'de 2,5 à moins de 10,0 %',
      'de 10,0 à moins de 20,0 %',
      'de 20,0 à 31,3 %',
    ]);
  });

  it('writes open outer classes for manual thresholds beyond the data, but a share stops at 100 %', () => {
    expect(labels({ thresholds: [5, 10], min: 6, max: 8, count: 3 }, 0)).toEqual(['moins de 5', 'de 5 à moins de 10', '10 et plus']);
    expect(labels({ thresholds: [5], min: null, max: null, count: 0 }, 1, '%')).toEqual(['moins de 5,0 %', 'de 5,0 à 100,0 %']);
  });

  it('never writes « 100,0 % et plus » for a share: a last class of 100 % alone reads « 100,0 % »', () => {
    const b = computeBreaks([0.2, 0.25, 0.3, 0.5, 0.55, 100, 100, 100].map((v) => v), { method: 'jenks', classes: 3, digits: 1 });
    const l = labels(b, 1, '%');
    expect(l[l.length - 1]).toBe('100,0 %');
    expect(l.join(' | ')).not.toMatch(/et plus/);
  });

  it('writes one class for a single value or a single range', () => {
    expect(labels({ thresholds: [], min: 4, max: 4, count: 2 }, 1, '%')).toEqual(['4,0 %']);
    expect(labels({ thresholds: [], min: 1, max: 2, count: 2 }, 0)).toEqual(['de 1 à 2']);
    expect(labels({ thresholds: [], min: null, max: null, count: 0 }, 0)).toEqual(['aucune valeur']);
  });

  it('uses French thousands separators and a narrow no-break space before the unit', () => {
    expect(nbsp(classLabels({ thresholds: [1500], min: 0, max: 3000, count: 2 }, 0)[1])).toBe('de 1 500 à 3 000');
    expect(classLabels({ thresholds: [10], min: 2, max: 20, count: 2 }, 1, '%')[1]).toBe('de 10,0 à 20,0\u202f%');
  });
});

/** Numbers printed in the labels, read back as a user would type them. */
function printedThresholds(l: string[]): number[] {
  const out = l.slice(1).map((x) => parseManualBreaks(nbsp(x).replace(/^de /, '').split(' à ')[0]).values[0]);
  return out;
}

const perClass = (values: number[], thresholds: number[]) => {
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const v of values) counts[classOf(v, { thresholds })]++;
  return counts;
};

describe('printed bounds are the bounds that classify', () => {
  // Shares in % at one digit, as the map rounds them before classing.
  const values = Array.from({ length: 105 }, (_, i) => Number(((Math.sin(i * 12.9898) * 43758.5453) % 1 + 1) % 1 * 60).toFixed(1)).map(Number);

  for (const method of ['quantile', 'equal', 'jenks'] as ClassMethod[]) {
    it(`${method}: typing the printed bounds back as manual thresholds keeps every class count`, () => {
      const b = computeBreaks(values, { method, classes: 5, digits: 1 });
      const typed = printedThresholds(classLabels(b, 1, '%'));
      expect(typed).toEqual(b.thresholds);
      const manual = computeBreaks(values, { method: 'manual', classes: 5, manualBreaks: typed });
      expect(perClass(values, manual.thresholds)).toEqual(perClass(values, b.thresholds));
    });
  }

  it('rounds computed thresholds to the display precision, with more digits only when two would read alike', () => {
    expect(computeBreaks([1, 2, 3, 4, 5, 6], { method: 'equal', classes: 3, digits: 1 })).toMatchObject({ thresholds: [2.7, 4.3], digits: 1 });
    expect(computeBreaks([2.6, 2.66, 2.7, 2.71, 2.8], { method: 'equal', classes: 5, digits: 1 }).digits).toBeGreaterThan(1);
  });
});

describe('legendDigits', () => {
  it('adds digits until every threshold reads differently', () => {
    expect(legendDigits([2.66, 2.71], 1)).toBe(2);
    expect(legendDigits([2.5, 5], 1)).toBe(1);
    expect(legendDigits([1, 1.00001], 0)).toBe(3);
  });
});

describe('titleUnit', () => {
  it('drops a unit the title already says, keeps the others', () => {
    expect(titleUnit(INDICATORS.densityPer1000)).toBeNull();
    expect(titleUnit(INDICATORS.establishments)).toBeNull();
    expect(titleUnit(INDICATORS.jobs)).toBeNull();
    expect(titleUnit(INDICATORS.essJobShare)).toBe('%');
    expect(titleUnit({ label: 'Chiffre d’affaires', unit: 'k€' })).toBe('k€');
  });
});
