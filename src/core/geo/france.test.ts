import { describe, expect, it } from 'vitest';
import { FRANCE_TERRITORIES, franceTerritoryAt, isInFrance, looksSwapped } from './france';

describe('isInFrance', () => {
  it.each([
    ['Paris', 2.3522, 48.8566, 'France métropolitaine'],
    ['Dunkerque', 2.377, 51.034, 'France métropolitaine'],
    ['Brest', -4.486, 48.39, 'France métropolitaine'],
    ['Ajaccio', 8.738, 41.919, 'France métropolitaine'],
    ['Bonifacio', 9.159, 41.387, 'France métropolitaine'],
    ['Pointe-à-Pitre', -61.534, 16.241, 'Guadeloupe'],
    ['Fort-de-France', -61.073, 14.604, 'Martinique'],
    ['Marigot', -63.085, 18.068, 'Saint-Martin et Saint-Barthélemy'],
    ['Gustavia', -62.85, 17.897, 'Saint-Martin et Saint-Barthélemy'],
    ['Cayenne', -52.33, 4.933, 'Guyane'],
    ['Saint-Laurent-du-Maroni', -54.03, 5.5, 'Guyane'],
    ['Saint-Denis (Réunion)', 55.448, -20.882, 'La Réunion'],
    ['Mamoudzou', 45.227, -12.781, 'Mayotte'],
    ['Saint-Pierre', -56.178, 46.778, 'Saint-Pierre-et-Miquelon'],
    ['Papeete', -149.566, -17.535, 'Polynésie française'],
    ['Nouméa', 166.458, -22.276, 'Nouvelle-Calédonie'],
    ['Mata-Utu', -176.174, -13.282, 'Wallis-et-Futuna'],
  ])('places %s in %s', (_city, lon, lat, territory) => {
    expect(isInFrance(lon, lat)).toBe(true);
    expect(franceTerritoryAt(lon, lat)).toBe(territory);
  });

  it.each([
    ['(0, 0)', 0, 0],
    ['Madrid', -3.704, 40.417],
    ['Londres', -0.128, 51.507],
    ['Berlin', 13.405, 52.52],
    ['Toulouse swapped', 43.6047, 1.4442],
    ['Saint-Denis (Réunion) swapped', -20.882, 55.448],
    ['NaN', NaN, 45],
  ])('rejects %s', (_label, lon, lat) => {
    expect(isInFrance(lon, lat)).toBe(false);
  });

  it('keeps every box well formed', () => {
    for (const { bbox } of FRANCE_TERRITORIES) {
      expect(bbox[0]).toBeLessThan(bbox[2]);
      expect(bbox[1]).toBeLessThan(bbox[3]);
    }
  });
});

describe('looksSwapped', () => {
  const toulouse = { lons: [1.40, 1.44, 1.46, 1.38], lats: [43.58, 43.6, 43.62, 43.57] };

  it('is false for well-ordered French positions', () => {
    expect(looksSwapped(toulouse.lons, toulouse.lats)).toBe(false);
  });

  it('is true when latitude and longitude are inverted', () => {
    expect(looksSwapped(toulouse.lats, toulouse.lons)).toBe(true);
  });

  it('is true for inverted overseas positions', () => {
    expect(looksSwapped([-20.88, -21.0], [55.45, 55.5])).toBe(true);
  });

  it('is false when positions are outside France either way', () => {
    expect(looksSwapped([13.4, 0], [52.5, 0])).toBe(false);
  });

  it('follows the majority and ignores non-finite pairs', () => {
    expect(looksSwapped([43.6, 43.61, 1.44, NaN], [1.44, 1.45, 43.6, 2])).toBe(true);
    expect(looksSwapped([43.6, 1.44, 1.45], [1.44, 43.6, 43.61])).toBe(false);
  });

  it('is false for an empty sample', () => {
    expect(looksSwapped([], [])).toBe(false);
    expect(looksSwapped([NaN], [NaN])).toBe(false);
  });

  it('samples long inputs and accepts typed arrays', () => {
    const n = 100_000;
    const lons = new Float64Array(n).fill(43.6);
    const lats = new Float64Array(n).fill(1.44);
    expect(looksSwapped(lons, lats)).toBe(true);
  });
});
