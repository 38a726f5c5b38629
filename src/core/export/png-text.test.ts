import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { addPngText, readPngText, toLatin1 } from './png-text.ts';

/** A real 3×2 PNG encoded by pngjs. */
function createPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

describe('PNG text chunks', () => {
  it('adds tEXt chunks that read back, and keeps the image decodable', () => {
    const out = addPngText(createPng(), { Title: 'Part de l’ESS', Description: 'Carte « é » – œuvre' });
    expect(readPngText(out)).toEqual({ Title: "Part de l'ESS", Description: 'Carte « é » - oeuvre' });
    const decoded = PNG.sync.read(Buffer.from(out));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
  });

  it('writes Latin-1, folding what Latin-1 lacks', () => {
    expect([...toLatin1('é’œ\u202f漢')]).toEqual([0xe9, 0x27, 0x6f, 0x65, 0x20, 0x3f]);
  });

  it('refuses bytes that are not a PNG, in French', () => {
    expect(() => addPngText(deflateSync(Buffer.from('x')), {})).toThrow(/PNG attendue/);
  });
});
