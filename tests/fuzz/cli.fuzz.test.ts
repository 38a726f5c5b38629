import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseArgs, runCli, UsageError, type CliArgs } from '../../scripts/aggregate.ts';
import { isEssqError } from '../../src/core/errors.ts';
import { withinTime } from './fuzz-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPTIONS = ['quartiers', 'etablissements', 'reference', 'perimetre', 'format', 'out'];
const FRENCH = /[a-zàâçéèêëîïôûùüÿœ]{3,}/i;

let dir: string;
let counter = 0;
const tempFile = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, `${++counter}-${name}`);
  fs.writeFileSync(file, content);
  return file;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-cli-fuzz-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A usage error or an engine error, in French, that says enough to act on. */
function expectFrenchError(e: unknown): void {
  if (!(e instanceof UsageError) && !isEssqError(e)) throw new Error(`exception non gérée : ${(e as Error)?.stack ?? String(e)}`);
  const message = (e as Error).message;
  if (!FRENCH.test(message) || message.length < 20) throw new Error(`message d'erreur trop pauvre : ${message}`);
}

// ---------- arguments ----------

const value = fc.oneof(
  fc.constantFrom('300', '0', '5000', '5001', '-1', '12,5', '1e3', 'NaN', 'Infinity', '', ' ', 'json', 'csv', 'xml', 'qp.geojson', '--quartiers', '—', '🏙️'),
  fc.string({ maxLength: 20 }),
  fc.double().map(String),
);
const flag = fc.oneof(
  fc.constantFrom(...OPTIONS).map((o) => `--${o}`),
  fc.constantFrom('--help', '-h', '--', '-q', '--QUARTIERS', '--inconnu', '---quartiers'),
  fc.tuple(fc.constantFrom(...OPTIONS), value).map(([o, v]) => `--${o}=${v}`),
);
const argv = fc.array(fc.oneof({ weight: 3, arbitrary: flag }, { weight: 2, arbitrary: value }), { maxLength: 12 });

// ---------- files ----------

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];

/** `n` valid squares around Toulouse, with hostile names. */
const validQuartiers = (n: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { code_qp: `QN0319${i}A`, lib_qp: `<script>q${i}</script>`, insee_com: '31555' },
      geometry: { type: 'Polygon', coordinates: square(1.4 + i * 0.02, 43.6, 0.02) },
    })),
  });

/** Quartiers: a few valid squares, or something broken or hostile. */
const quartiersText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }).map(validQuartiers) },
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"type":"FeatureCollection","features":[', '{"type":"FeatureCollection","features":[]}', '\uFEFF[]', 'null'),
);

const HEADER = 'siret;denominationUniteLegale;categorieJuridiqueUniteLegale;activitePrincipaleEtablissement;trancheEffectifsEtablissement;longitude;latitude';
const goodRow = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.double({ min: 1.38, max: 1.5, noNaN: true }), fc.double({ min: 43.58, max: 43.64, noNaN: true }), fc.constantFrom('01', '02', 'NN', '12'))
  .map(([i, lon, lat, t]) => `${40000000000000 + i};Asso ${i};9220;88.99B;${t};${lon.toFixed(5).replace('.', ',')};${lat.toFixed(5).replace('.', ',')}`);
const badRow = fc.oneof(
  fc.string({ maxLength: 80 }).filter((s) => !/[\r\n]/.test(s)),
  fc.constantFrom(';;;;;;', 'x;y;z', ';;;;;NaN;NaN', ';;;;;1e309;-1e309', '"ouvert;sans fin', '[ND];[ND];[ND];[ND];[ND];[ND];[ND]'),
);

/** Establishments: SIRENE rows mixed with bad ones, or random bytes, or nearly nothing. */
const establishmentsBytes = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      // A header most of the time: without one, the columns cannot be recognised at all.
      .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: goodRow }, { weight: 1, arbitrary: badRow }), { maxLength: 40 }), fc.boolean(), fc.constantFrom(true, true, true, false))
      .map(([rows, crlf, header]) => new TextEncoder().encode([...(header ? [HEADER] : []), ...rows].join(crlf ? '\r\n' : '\n') + '\n')),
  },
  fc.uint8Array({ maxLength: 600 }),
  fc.constantFrom(new Uint8Array(0), new TextEncoder().encode(HEADER), new TextEncoder().encode('\uFEFF' + HEADER + '\n')),
);

const referenceText = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('code_qp;pop_mun;nbetab\nQN03190A;4200;120\n', 'code_qp;pop_mun\n', '', ';;;\n'),
  fc.string({ maxLength: 120 }),
);

const caseArgs = fc.record({
  quartiers: quartiersText,
  establishments: establishmentsBytes,
  reference: referenceText,
  perimetre: fc.integer({ min: 0, max: 5000 }),
  format: fc.constantFrom('json' as const, 'csv' as const),
});

type Case = typeof caseArgs extends fc.Arbitrary<infer T> ? T : never;

function writeCase(c: Case): CliArgs {
  return {
    quartiers: tempFile('qp.geojson', c.quartiers),
    etablissements: tempFile('etab.csv', c.establishments),
    reference: c.reference === undefined ? undefined : tempFile('ref.csv', c.reference),
    perimetre: c.perimetre,
    format: c.format,
  };
}

/** A result is JSON whose rows add up, or a `;` CSV with a BOM and French headers. */
function expectValidOutput(out: string, format: 'json' | 'csv'): void {
  if (format === 'csv') {
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.split(/\r?\n/)[0]).toContain(';');
    return;
  }
  const json = JSON.parse(out) as { rows: { read: number; inQuartier: number; outside: number; rejected: number }; quartiers: unknown[] };
  expect(json.rows.inQuartier + json.rows.outside + json.rows.rejected).toBe(json.rows.read);
  expect(json.quartiers.length).toBeGreaterThan(0);
}

describe('CLI under hostile arguments and files', () => {
  it('parses any argument list into valid options or a French usage error', () => {
    fc.assert(
      fc.property(argv, (args) => {
        let parsed: CliArgs;
        try {
          parsed = parseArgs(args);
        } catch (e) {
          expectFrenchError(e);
          expect(e).toBeInstanceOf(UsageError);
          return;
        }
        expect(parsed.quartiers.length).toBeGreaterThan(0);
        expect(parsed.etablissements.length).toBeGreaterThan(0);
        expect(parsed.perimetre).toBeGreaterThanOrEqual(0);
        expect(parsed.perimetre).toBeLessThanOrEqual(5000);
        expect(['json', 'csv']).toContain(parsed.format);
      }),
      { numRuns: 2000 },
    );
  });

  it('ends every random set of small files in a result or a French error, within bounded time', async () => {
    const outcomes = { result: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(caseArgs, async (c) => {
        const args = writeCase(c);
        let out: string;
        try {
          out = await withinTime(5000, runCli(args));
        } catch (e) {
          expectFrenchError(e);
          outcomes.error++;
          return;
        }
        expectValidOutput(out, args.format);
        outcomes.result++;
      }),
      { numRuns: 250 },
    );
    // Both paths must be exercised, or the property proves nothing about one of them.
    expect(outcomes.result).toBeGreaterThan(25);
    expect(outcomes.error).toBeGreaterThan(25);
  });

  it('says in French which file is missing or is a folder', async () => {
    const quartiers = tempFile('qp.geojson', '{}');
    const etab = tempFile('etab.csv', HEADER);
    for (const args of [
      { quartiers: path.join(dir, 'absent.geojson'), etablissements: etab },
      { quartiers, etablissements: dir },
      { quartiers, etablissements: etab, reference: path.join(dir, 'absent.csv') },
    ]) {
      await expect(runCli({ ...args, perimetre: 300, format: 'json' })).rejects.toSatisfy((e: unknown) => (expectFrenchError(e), true));
    }
  });

  it('as a process: exits 0 with a result, or non-zero with one French line on stderr', () => {
    const cases = fc.sample(caseArgs, { numRuns: 5, seed: 20240605 }).map(writeCase);
    const valid = writeCase({
      quartiers: validQuartiers(2),
      establishments: new TextEncoder().encode(`${HEADER}\n40000000000001;Asso;9220;88.99B;02;1,41;43,61\n`),
      reference: undefined,
      perimetre: 300,
      format: 'json',
    });
    const statuses: number[] = [];
    const runs: string[][] = [
      ['--quartiers', valid.quartiers, '--etablissements', valid.etablissements],
      ['--quartiers', valid.quartiers, '--etablissements', valid.etablissements, '--format=csv', '--perimetre', '0'],
      ...cases.map((a) => ['--quartiers', a.quartiers, '--etablissements', a.etablissements, '--format', a.format, ...(a.reference ? ['--reference', a.reference] : [])]),
      ['--quartiers'],
      ['--quartiers', cases[0].quartiers, '--etablissements', path.join(dir, 'absent.csv')],
      ['--perimetre=beaucoup', '--quartiers', 'a', '--etablissements', 'b'],
      ['--format', 'xml', '--quartiers', cases[0].quartiers, '--etablissements', cases[0].etablissements],
    ];
    for (const args of runs) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/aggregate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(r.signal, `arrêté par ${r.signal} : ${args.join(' ')}`).toBeNull();
      statuses.push(r.status ?? -1);
      if (r.status === 0) {
        // A successful run may warn, one French line per warning, naming the input it is about.
        for (const line of r.stderr.split('\n').slice(0, -1)) {
          expect(line).toMatch(/^Avertissement \((quartiers|établissements|référence), [^)]+\) : /);
          expect(line).toMatch(FRENCH);
        }
        expect(r.stderr === '' || r.stderr.endsWith('\n')).toBe(true);
        const format = args.includes('csv') || args.includes('--format=csv') ? 'csv' : 'json';
        expectValidOutput(r.stdout, format);
        if (format === 'json') expect(JSON.parse(r.stdout).meta.warnings).toHaveLength(r.stderr === '' ? 0 : r.stderr.split('\n').length - 1);
      } else {
        expect(r.status).toBeGreaterThan(0);
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n');
        expect(lines.length, r.stderr).toBe(2);
        expect(lines[1]).toBe('');
        expect(lines[0]).toMatch(FRENCH);
        expect(lines[0]).not.toMatch(/^(TypeError|RangeError|Error:)|\bat .*:\d+:\d+/);
      }
    }
    expect(statuses.slice(0, 2)).toEqual([0, 0]);
    expect(statuses.filter((s) => s !== 0).length).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
