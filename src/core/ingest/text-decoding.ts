/**
 * Decoding of establishment files whose bytes are UTF-8, Windows-1252, or both mixed (a
 * UTF-8 export with rows pasted from an older Windows file). Every byte sequence that is valid
 * UTF-8 is read as UTF-8 and every other byte as its Windows-1252 character, piece by piece,
 * so no row is ever decoded twice and a Windows-1252 row met late in a file changes nothing
 * in the rows before it. A Windows-1252 accent is never valid UTF-8 followed by ASCII, so
 * each row comes out in its own encoding; the lines that needed Windows-1252 are counted so
 * the user is told how many to check.
 */

/** Characters of the Windows-1252 bytes 0x80–0x9F; 0xA0–0xFF are the Latin-1 ones. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_CODES = Uint16Array.from({ length: 128 }, (_, i) => (i < 32 ? CP1252_HIGH.charCodeAt(i) : 0x80 + i));

/**
 * Length of the UTF-8 sequence starting at `i` when it is valid and complete (1 to 4), 0 when
 * it is invalid, or -1 when the bytes end before it could be told (a cut sequence).
 */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i];
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) n = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    n = 3;
    if (lead === 0xe0) lo = 0xa0;
    else if (lead === 0xed) hi = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    n = 4;
    if (lead === 0xf0) lo = 0x90;
    else if (lead === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < n; k++) {
    if (i + k >= b.length) return -1;
    const c = b[i + k];
    if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return 0;
  }
  return n;
}

/** Index where the trailing, possibly cut UTF-8 sequence of `b` starts (b.length if none). */
function cutTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const i = b.length - k;
    if (b[i] < 0x80) return b.length;
    if (b[i] >= 0xc0) return sequenceLength(b, i) === -1 ? i : b.length;
  }
  return b.length;
}

/**
 * Streaming decoder for UTF-8 mixed with Windows-1252. Feed it consecutive chunks; it keeps
 * a sequence cut at the end of one chunk for the next. A leading UTF-8 byte order mark is
 * dropped, as TextDecoder does.
 *
 * @example
 * const d = new MixedUtf8Decoder();
 * d.decode(Uint8Array.of(0x43, 0xc3, 0xa9, 0x0a, 0x43, 0xe9), true) // → 'Cé\nCé', d.repairedLines → 1
 */
export class MixedUtf8Decoder {
  /** Lines (LF-separated) that held at least one byte read as Windows-1252. */
  repairedLines = 0;
  /** Stream offset of the first byte read as Windows-1252, or null. */
  firstRepairAt: number | null = null;
  /** Whether some valid multi-byte UTF-8 sequence was read. */
  sawUtf8 = false;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly utf16 = new TextDecoder('utf-16le');
  private carry: Uint8Array | null = null;
  private offset = 0;
  private atStart = true;
  /** Whether a line feed came after the last repaired byte (or no byte was repaired yet). */
  private lineEnded = true;

  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = null;
    }
    let start = 0;
    if (this.atStart) {
      if (bytes.length < 3 && !final && bytes.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        this.carry = bytes;
        return '';
      }
      this.atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    }
    const end = final ? bytes.length : cutTail(bytes);
    if (end < bytes.length) this.carry = bytes.slice(end);
    const body = bytes.subarray(start, end);
    const base = this.offset + start - (bytes.length - chunk.length);
    this.offset += chunk.length;
    if (body.length === 0) return '';
    try {
      const text = this.utf8.decode(body);
      if (text.length < body.length) this.sawUtf8 = true;
      if (!this.lineEnded && body.indexOf(0x0a) >= 0) this.lineEnded = true;
      return text;
    } catch {
      return this.decodeMixed(body, base);
    }
  }

  /** The slow path, for a piece that is not valid UTF-8: byte by byte into UTF-16 code units. */
  private decodeMixed(b: Uint8Array, base: number): string {
    const out = new Uint16Array(b.length);
    let o = 0;
    let lastRepair = -1;
    for (let i = 0; i < b.length; ) {
      const c = b[i];
      if (c < 0x80) {
        out[o++] = c;
        i++;
        continue;
      }
      const n = sequenceLength(b, i);
      if (n <= 0) {
        out[o++] = CP1252_CODES[c - 0x80];
        this.countRepair(b, i, lastRepair, base);
        lastRepair = i;
        i++;
        continue;
      }
      this.sawUtf8 = true;
      let cp = n === 2 ? c & 0x1f : n === 3 ? c & 0x0f : c & 0x07;
      for (let k = 1; k < n; k++) cp = (cp << 6) | (b[i + k] & 0x3f);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        out[o++] = 0xd800 + (cp >> 10);
        out[o++] = 0xdc00 + (cp & 0x3ff);
      } else out[o++] = cp;
      i += n;
    }
    if (lastRepair >= 0) this.lineEnded = b.indexOf(0x0a, lastRepair) >= 0;
    else if (!this.lineEnded && b.indexOf(0x0a) >= 0) this.lineEnded = true;
    return this.utf16.decode(out.subarray(0, o));
  }

  private countRepair(b: Uint8Array, i: number, lastRepair: number, base: number): void {
    if (this.firstRepairAt === null) this.firstRepairAt = base + i;
    const nl = b.indexOf(0x0a, lastRepair >= 0 ? lastRepair : 0);
    const sameLine = lastRepair >= 0 ? nl < 0 || nl > i : !this.lineEnded && (nl < 0 || nl > i);
    if (!sameLine) this.repairedLines++;
    this.lineEnded = false;
  }
}
