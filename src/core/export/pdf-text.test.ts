import { describe, expect, it } from 'vitest';
import { pdfSafeText } from './pdf-text.ts';

describe('PDF text', () => {
  it('keeps French typography the embedded font draws', () => {
    const text = 'L’ESS « œuvre » : 1\u202f234,5 % – −3,2 pts… É À Ç';
    expect(pdfSafeText(text)).toBe(text);
  });

  it('folds what the font lacks to a base letter or a visible ?', () => {
    expect(pdfSafeText('Ǹ – 漢\tx')).toBe('N – ? x');
  });
});
