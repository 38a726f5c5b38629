/**
 * Draws the app's icons (the header's logo: a blue rounded square, a white rising line, a
 * yellow dot) as PNG files for the web app manifest, at 192 and 512 pixels, plus a maskable
 * 512 one whose logo stays inside the safe zone (the inner 80 %). Run it after changing the
 * logo: `npx tsx scripts/make-icons.ts`; the PNGs in public/icons are committed.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BLUE = [0x00, 0x00, 0x91];
const WHITE = [0xff, 0xff, 0xff];
const YELLOW = [0xff, 0xd8, 0x4a];
/** The logo's line, in its 32-unit view box (App.tsx and index.html draw the same one). */
const LINE: [number, number][] = [
  [9, 21],
  [14, 15],
  [18, 18],
  [23, 10],
];
const SAMPLES = 4;

function segmentDistance(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function insideRoundedSquare(x: number, y: number, min: number, max: number, r: number): boolean {
  const cx = Math.max(min + r, Math.min(max - r, x));
  const cy = Math.max(min + r, Math.min(max - r, y));
  return x >= min && x <= max && y >= min && y <= max && Math.hypot(x - cx, y - cy) <= r;
}

/** Colour of the logo at view-box point (x, y), or null outside it. */
function logoAt(x: number, y: number, fullBleed: boolean): number[] | null {
  if (Math.hypot(x - 23, y - 10) <= 2.2) return YELLOW;
  if (LINE.slice(1).some((p, i) => segmentDistance(x, y, LINE[i], p) <= 1.3)) return WHITE;
  if (fullBleed || insideRoundedSquare(x, y, 2, 30, 7)) return BLUE;
  return null;
}

function draw(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  // Maskable: the logo shrinks to the safe zone and the blue fills the whole square.
  const scale = maskable ? 0.8 : 1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = ((px + (sx + 0.5) / SAMPLES) / size - 0.5) / scale + 0.5;
          const v = ((py + (sy + 0.5) / SAMPLES) / size - 0.5) / scale + 0.5;
          const c = logoAt(u * 32, v * 32, maskable);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 255;
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = sum[3] / 255;
      const o = (py * size + px) * 4;
      png.data[o] = covered ? Math.round(sum[0] / covered) : 0;
      png.data[o + 1] = covered ? Math.round(sum[1] / covered) : 0;
      png.data[o + 2] = covered ? Math.round(sum[2] / covered) : 0;
      png.data[o + 3] = Math.round(sum[3] / n);
    }
  }
  return PNG.sync.write(png);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  fs.writeFileSync(`${OUT}${name}`, draw(size, maskable));
  console.log(`public/icons/${name}`);
}
