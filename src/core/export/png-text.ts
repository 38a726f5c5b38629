/**
 * Text chunks in PNG files: an exported map carries its title, alternative text ("Description"),
 * sources and date inside the file, where image viewers, word processors and archives read
 * them. tEXt holds Latin-1, which French needs only a few substitutions for (’ → ', œ → oe).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const LATIN1_SUBSTITUTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2026': '...', '\u0153': 'oe', '\u0152': 'OE', '\u202f': ' ', '\u2009': ' ', '\u20ac': 'EUR',
};

/** Text as Latin-1 bytes: typographic characters substituted, accents dropped beyond Latin-1. */
export function toLatin1(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const sub = LATIN1_SUBSTITUTES[ch] ?? ch;
    for (const c of sub) {
      const code = c.charCodeAt(0);
      if (code < 256) out.push(code);
      else {
        const base = c.normalize('NFD').charCodeAt(0);
        out.push(base < 256 ? base : 0x3f);
      }
    }
  }
  return Uint8Array.from(out);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typed = new Uint8Array(4 + data.length);
  typed.set([...type].map((c) => c.charCodeAt(0)));
  typed.set(data, 4);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

function isPng(png: Uint8Array): boolean {
  return png.length > 8 && SIGNATURE.every((b, i) => png[i] === b);
}

/**
 * A copy of `png` with one tEXt chunk per entry, inserted right after IHDR (readers that stop
 * early still see them). Keywords must be 1–79 Latin-1 characters.
 *
 * @example addPngText(bytes, { Title: 'Part de l’ESS', Description: 'Carte …' })
 */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(png)) throw new Error('Image PNG attendue : la signature du fichier ne correspond pas.');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = Object.entries(entries).map(([key, value]) => {
    const k = toLatin1(key).slice(0, 79);
    const v = toLatin1(value);
    const data = new Uint8Array(k.length + 1 + v.length);
    data.set(k);
    data.set(v, k.length + 1);
    return chunk('tEXt', data);
  });
  const size = chunks.reduce((n, c) => n + c.length, png.length);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, ihdrEnd));
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** The tEXt chunks of a PNG, keyword → text (Latin-1 decoded). */
export function readPngText(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('Image PNG attendue : la signature du fichier ne correspond pas.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Record<string, string> = {};
  const latin1 = new TextDecoder('latin1');
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = latin1.decode(png.subarray(at + 4, at + 8));
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const zero = data.indexOf(0);
      if (zero > 0) out[latin1.decode(data.subarray(0, zero))] = latin1.decode(data.subarray(zero + 1));
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}
