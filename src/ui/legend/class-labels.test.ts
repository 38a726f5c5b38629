import { describe, expect, it } from 'vitest';
import { classLabels, legendDigits } from './class-labels.ts';

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('classLabels', () => {
  it('writes closed outer classes when the data reaches them', () => {
    const labels = classLabels({ thresholds: [10, 20], min: 2.5, max: 31.25, count: 9 }, 1, '%');
    expect(labels).toEqual(['de 2,5 à moins de 10,0 %', 'de 10,0 à moins de 20,0 %', 'de 20,0 à 31,3 %']);
  });

  it('writes open outer classes for manual thresholds beyond the data', () => {
    expect(classLabels({ thresholds: [5, 10], min: 6, max: 8, count: 3 }, 0)).toEqual(['moins de 5', 'de 5 à moins de 10', '10 et plus']);
    expect(classLabels({ thresholds: [5], min: null, max: null, count: 0 }, 1, '%')).toEqual(['moins de 5,0 %', '5,0 % et plus']);
  });

  it('writes one class for a single value or a single range', () => {
    expect(classLabels({ thresholds: [], min: 4, max: 4, count: 2 }, 1, '%')).toEqual(['4,0 %']);
    expect(classLabels({ thresholds: [], min: 1, max: 2, count: 2 }, 0)).toEqual(['de 1 à 2']);
    expect(classLabels({ thresholds: [], min: null, max: null, count: 0 }, 0)).toEqual(['aucune valeur']);
  });

  it('uses French thousands separators', () => {
    expect(nbsp(classLabels({ thresholds: [1500], min: 0, max: 3000, count: 2 }, 0)[1])).toBe('de 1 500 à 3 000');
  });
});

describe('legendDigits', () => {
  it('adds digits until every threshold reads differently', () => {
    expect(legendDigits([2.66, 2.71], 1)).toBe(2);
    expect(legendDigits([2.5, 5], 1)).toBe(1);
    expect(legendDigits([1, 1.00001], 0)).toBe(3);
  });
});
