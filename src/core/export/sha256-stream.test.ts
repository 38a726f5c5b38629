import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256OfBlob } from './sha256-stream.ts';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
const reference = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('incremental SHA-256', () => {
  it('matches the standard digest around every padding boundary', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      expect(new Sha256().update(bytes(n)).hex()).toBe(reference(bytes(n)));
    }
  });

  it('gives the same digest whatever the chunking', () => {
    const data = bytes(5000);
    const h = new Sha256();
    for (let at = 0, step = 1; at < data.length; at += step, step = (step * 7) % 97 + 1) h.update(data.subarray(at, at + step));
    expect(h.hex()).toBe(reference(data));
  });

  it('hashes a Blob piece by piece', async () => {
    const data = bytes(10_000);
    expect(await sha256OfBlob(new Blob([data]), 777)).toBe(reference(data));
  });
});
