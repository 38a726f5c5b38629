import { describe, expect, it } from 'vitest';
import { classCount, classOf, clampClasses, computeBreaks, parseManualBreaks } from './breaks.ts';

const ramp = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('computeBreaks', () => {
  it('cuts quantiles into classes of equal counts', () => {
    const b = computeBreaks(ramp(10), { method: 'quantile', classes: 5 });
    expect(b.thresholds).toHaveLength(4);
    const counts = [0, 0, 0, 0, 0];
    for (const v of ramp(10)) counts[classOf(v, b)]++;
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('cuts equal intervals between the minimum and the maximum', () => {
    const b = computeBreaks([0, 10, 3, 7], { method: 'equal', classes: 4 });
    expect(b).toEqual({ thresholds: [2.5, 5, 7.5], min: 0, max: 10, count: 4 });
  });

  it('puts natural groups in their own class with Jenks (ckmeans)', () => {
    const values = [1, 2, 2.5, 10, 11, 12, 30, 31, 33];
    const b = computeBreaks(values, { method: 'jenks', classes: 3 });
    expect(b.thresholds).toEqual([10, 30]);
    expect(values.map((v) => classOf(v, b))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('ignores nulls, undefined and non-finite values', () => {
    const b = computeBreaks([null, 1, undefined, NaN, 3, Infinity, 5], { method: 'equal', classes: 3 });
    expect(b.count).toBe(3);
    expect([b.min, b.max]).toEqual([1, 5]);
  });

  it('makes one class when every value is equal', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      expect(computeBreaks([4, 4, 4], { method, classes: 5 })).toEqual({ thresholds: [], min: 4, max: 4, count: 3 });
    }
  });

  it('makes one empty class when there is no value', () => {
    expect(computeBreaks([null, null], { method: 'jenks', classes: 5 })).toEqual({ thresholds: [], min: null, max: null, count: 0 });
  });

  it('makes no more classes than distinct values', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const b = computeBreaks([0, 0, 0, 1, 1, 2], { method, classes: 7 });
      expect(classCount(b)).toBe(3);
      expect([0, 1, 2].map((v) => classOf(v, b))).toEqual([0, 1, 2]);
    }
  });

  it('never opens an empty first class when quantiles repeat the minimum', () => {
    const b = computeBreaks([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], { method: 'quantile', classes: 5 });
    expect(b.thresholds.every((t) => t > 0)).toBe(true);
    expect(new Set(b.thresholds).size).toBe(b.thresholds.length);
  });

  it('keeps manual thresholds sorted and unique, even outside the data', () => {
    const b = computeBreaks([1, 2, 3], { method: 'manual', classes: 5, manualBreaks: [10, 2, 2, NaN, 5] });
    expect(b.thresholds).toEqual([2, 5, 10]);
    expect(b.min).toBe(1);
  });

  it('keeps at most six manual thresholds (seven classes)', () => {
    const b = computeBreaks([], { method: 'manual', classes: 5, manualBreaks: ramp(9) });
    expect(b.thresholds).toEqual(ramp(6));
  });

  it('clamps the number of classes to 3–7', () => {
    expect([clampClasses(1), clampClasses(9), clampClasses(4.4), clampClasses(NaN)]).toEqual([3, 7, 4, 5]);
    expect(classCount(computeBreaks(ramp(20), { method: 'equal', classes: 12 }))).toBe(7);
  });
});

describe('classOf', () => {
  it('includes the lower bound of a class, like MapLibre step', () => {
    const b = { thresholds: [10, 20] };
    expect([9.99, 10, 19.99, 20, 1e9].map((v) => classOf(v, b))).toEqual([0, 1, 1, 2, 2]);
  });

  it('returns -1 for missing values', () => {
    expect([null, undefined, NaN].map((v) => classOf(v, { thresholds: [1] }))).toEqual([-1, -1, -1]);
  });
});

describe('parseManualBreaks', () => {
  it('reads decimal commas, points and French thousands separators', () => {
    expect(parseManualBreaks('2,5 ; 5\n1 000 ; 7.5')).toEqual({ values: [2.5, 5, 1000, 7.5], invalid: [] });
  });

  it('reports what it could not read', () => {
    expect(parseManualBreaks('5 ; dix ; 1,2,3')).toEqual({ values: [5], invalid: ['dix', '1,2,3'] });
  });
});
