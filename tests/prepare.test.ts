/**
 * `prepare-data` end to end, never on the network: tiny files in the real public formats
 * (tests/fixtures/public-data) are read from a folder or served by a local HTTP server on
 * 127.0.0.1 that answers Range requests, redirects like data.gouv.fr, and can cut a transfer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { PREPARED_COLUMNS } from '../scripts/prepare/sources.ts';
import { departementOfQuartier, parseDepartements } from '../scripts/prepare/departements.ts';
import { LegalUnitLookup, SirenCollector } from '../scripts/prepare/legal-units.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FIX = path.join(ROOT, 'tests/fixtures/public-data');
const QPV = 'qp2024-france-hexagonale-outre-mer-wgs84-epsg4326.geojson';
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let tmp: string;
let server: http.Server;
let base: string;
const requests: { url: string; range?: string }[] = [];
/** Files whose next transfer is cut after half of the bytes (once each). */
const cutOnce = new Set<string>();

/** Serves FIX under /files/, and /base/<name> as a redirect to it (data.gouv.fr's stable URLs redirect too). */
function createServer(): http.Server {
  return http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', range: req.headers.range });
    const url = req.url ?? '';
    if (url.startsWith('/base/')) {
      res.writeHead(302, { location: `/files/${url.slice(6)}` }).end();
      return;
    }
    const file = path.join(FIX, decodeURIComponent(url.replace(/^\/files\//, '')));
    if (!url.startsWith('/files/') || !fs.existsSync(file)) return void res.writeHead(404).end();
    const body = fs.readFileSync(file);
    const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start >= body.length && range) return void res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    const headers: http.OutgoingHttpHeaders = { 'content-length': body.length - start, 'last-modified': 'Fri, 01 Nov 2024 00:00:00 GMT' };
    if (range) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(range ? 206 : 200, headers);
    const name = path.basename(file);
    if (cutOnce.has(name)) {
      cutOnce.delete(name);
      res.write(body.subarray(start, start + Math.floor((body.length - start) / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body.subarray(start));
  });
}

/** Runs a script of the project in a child; async, so the server above keeps answering. */
function run(script: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const prepare = (...args: string[]) => run('scripts/prepare.ts', ['--quiet', ...args]);
const lastLine = (s: string) => s.trim().split('\n').pop() ?? '';
const readCsv = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-prepare-'));
  server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('prepare-data from a folder of downloaded files, then the aggregate CLI', () => {
  let out: string;
  let manifest: ReturnType<typeof JSON.parse>;

  beforeAll(async () => {
    out = path.join(tmp, 'folder');
    const r = await prepare('--departements', '31,34', '--source', FIX, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  });

  it('keeps the active establishments of the chosen départements, joined to their legal unit', () => {
    const csv = readCsv(path.join(out, 'etablissements.csv'));
    expect(csv.meta.fields).toEqual([...PREPARED_COLUMNS]);
    const bySiret = new Map(csv.data.map((r) => [r.siret, r]));
    expect(csv.data).toHaveLength(10);
    expect(bySiret.has('44444444400014')).toBe(false); // closed (F)
    expect(bySiret.has('23456789100011')).toBe(false); // closed (F)
    expect(bySiret.has('34567891200012')).toBe(false); // Aude: not asked for
    const izards = bySiret.get('11111111100011')!;
    expect(izards).toMatchObject({ economieSocialeSolidaireUniteLegale: 'O', categorieJuridiqueUniteLegale: '9220', etatAdministratifEtablissement: 'A' });
    expect(izards.denominationUniteLegale).toBe('ASSOCIATION "LES IZARDS", SOLIDARITE');
    expect(bySiret.get('99999999900019')).toMatchObject({ economieSocialeSolidaireUniteLegale: 'O', categorieJuridiqueUniteLegale: '8210' });
    expect(bySiret.get('77777777700017')).toMatchObject({ economieSocialeSolidaireUniteLegale: '', denominationUniteLegale: '' });
    expect(bySiret.get('55555555500015')).toMatchObject({ longitude: '', latitude: '' });
  });

  it('keeps the quartiers of the chosen départements and lists them', () => {
    const fc = JSON.parse(fs.readFileSync(path.join(out, 'quartiers.geojson'), 'utf8'));
    expect(fc.features.map((f: { properties: { code_qp: string } }) => f.properties.code_qp)).toEqual(['QN03101M', 'QN03102N', 'QN03401M']);
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:OGC:1.3:CRS84');
    const list = fs.readFileSync(path.join(out, 'quartiers-liste.csv'), 'utf8');
    expect(list.startsWith('\uFEFFcode_qp;lib_qp;insee_dep;insee_com;lib_com;siren_epci\n')).toBe(true);
    expect(list).toContain('QN03401M;Mosson;34;34172;Montpellier;243400017');
  });

  it('writes a manifest with sources, hashes and every row accounted for', () => {
    const e = manifest.establishments;
    expect(e).toMatchObject({ rowsIn: 12, rowsOut: 10, droppedBy: { closed: 2, otherDepartement: 0 }, keptWithoutCoordinates: 1, legalUnitNotFound: 1, ess: 5 });
    expect(e.rowsIn).toBe(e.rowsOut + e.droppedBy.closed + e.droppedBy.otherDepartement);
    expect(manifest.sources.map((s: { file: string }) => s.file)).toEqual([QPV, 'geo_siret_31.csv.gz', 'geo_siret_34.csv.gz', 'StockUniteLegale_utf8.zip']);
    for (const s of manifest.sources) expect(s.sha256).toBe(sha(path.join(FIX, s.file)));
    expect(manifest.legalUnits).toMatchObject({ rowsRead: 13, sirenNeeded: 9, sirenFound: 8 });
    expect(manifest.outputs.establishments.sha256).toBe(sha(path.join(out, 'etablissements.csv')));
    expect(manifest.quartiers).toMatchObject({ read: 4, kept: 3, byDepartement: { 31: 2, 34: 1 } });
  });

  it('gives files the aggregate CLI reads as they are', async () => {
    const r = await run('scripts/aggregate.ts', ['--quartiers', path.join(out, 'quartiers.geojson'), '--etablissements', path.join(out, 'etablissements.csv')]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.rows).toMatchObject({ read: 10, inQuartier: 8, outside: 1, rejected: 1, rejectedBy: { no_coordinates: 1 } });
    const byCode = Object.fromEntries(json.quartiers.map((q: { code: string; establishments: number }) => [q.code, q.establishments]));
    // ESS employer establishments: two of the Izards association, the SCOP, then the association
    // and the mutuelle of Mosson — each quartier under 3, so masked (s); their total is published.
    expect(byCode).toEqual({ QN03101M: 's', QN03102N: 's', QN03401M: 's' });
    expect(json.allQuartiers.establishments).toBe(5);
  });
});

describe('prepare-data over HTTP', () => {
  it('follows redirects and resumes a cut transfer with a Range request, ending with the right SHA-256', async () => {
    cutOnce.add('StockUniteLegale_utf8.zip');
    const out = path.join(tmp, 'http');
    const r = await prepare('--departements', '31', '--source', `${base}/base/`, '--out', out);
    expect(lastLine(r.stderr)).toBe('');
    expect(r.status).toBe(0);
    const resumed = requests.filter((q) => q.url === '/files/StockUniteLegale_utf8.zip');
    expect(resumed).toHaveLength(2);
    expect(resumed[1].range).toMatch(/^bytes=[1-9]\d*-$/);
    const zip = path.join(out, 'telechargements/StockUniteLegale_utf8.zip');
    expect(sha(zip)).toBe(sha(path.join(FIX, 'StockUniteLegale_utf8.zip')));
    expect(fs.existsSync(`${zip}.part`)).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const legal = manifest.sources.find((s: { role: string }) => s.role === 'legalUnits');
    expect(legal).toMatchObject({ origin: 'download', resumedDownload: true, url: `${base}/base/StockUniteLegale_utf8.zip`, finalUrl: `${base}/files/StockUniteLegale_utf8.zip` });
    expect(legal.sha256).toBe(sha(path.join(FIX, 'StockUniteLegale_utf8.zip')));
    expect(manifest.establishments).toMatchObject({ rowsIn: 8, rowsOut: 7 });
    expect(manifest.quartiers.kept).toBe(2);
  });

  it('says in one French line which URL could not be reached, and suggests --source', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await prepare('--departements', '31', '--source', `http://127.0.0.1:${port}/`, '--out', path.join(tmp, 'offline'));
    expect(r.status).toBe(1);
    const line = lastLine(r.stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(line).toContain(`http://127.0.0.1:${port}/${QPV}`);
    expect(line).toContain('ECONNREFUSED');
    expect(line).toContain('--source <dossier>');
  });
});

describe('prepare-data on unexpected input', () => {
  it('names the columns missing from a file whose format changed', async () => {
    const dir = path.join(tmp, 'changed');
    fs.cpSync(FIX, dir, { recursive: true });
    const text = zlib.gunzipSync(fs.readFileSync(path.join(FIX, 'geo_siret_34.csv.gz'))).toString('utf8')
      .replace(',etatAdministratifEtablissement,', ',etatEtablissement,').replace(',longitude,latitude,', ',lon,lat,');
    fs.writeFileSync(path.join(dir, 'geo_siret_34.csv.gz'), zlib.gzipSync(text));
    const r = await prepare('--departements', '31,34', '--source', dir, '--out', path.join(tmp, 'changed-out'));
    expect(r.status).toBe(1);
    expect(lastLine(r.stderr)).toMatch(/^Le format de geo_siret_34\.csv\.gz a changé : colonnes attendues absentes : etatAdministratifEtablissement, longitude, latitude \(colonnes trouvées : siren, nic, siret/);
  });

  it('rejects an unknown département with a usage message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare.ts', '--departements', '31,XX', '--out', tmp], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('« XX » n’est pas un code de département');
  });
});

describe('prepare-data from the national INSEE stock (Lambert-93)', () => {
  it('filters by département from the commune code and reprojects to longitude/latitude', async () => {
    const out = path.join(tmp, 'insee');
    const r = await prepare('--departements', '31', '--sirene', 'insee', '--source', FIX, '--out', out);
    expect(r.stderr).toBe('');
    const csv = readCsv(path.join(out, 'etablissements.csv'));
    expect(csv.data.map((row) => row.siret).sort()).toEqual(['11111111100011', '33333333300013', '55555555500015', '66666666600016']);
    const izards = csv.data.find((row) => row.siret === '11111111100011')!;
    expect(Number(izards.longitude)).toBeCloseTo(1.435, 5);
    expect(Number(izards.latitude)).toBeCloseTo(43.645, 5);
    expect(csv.data.find((row) => row.siret === '55555555500015')!.longitude).toBe(''); // [ND]
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.establishments.droppedBy).toEqual({ closed: 1, otherDepartement: 3 });
  });
});

describe('prepare-data building blocks', () => {
  it('normalises département codes and reads them from quartier codes of both generations', () => {
    expect(parseDepartements('1, 2a,31;974')).toEqual(['01', '2A', '31', '974']);
    expect(['QN03101M', 'QP031001', 'QN02A01M', 'QN97101N'].map(departementOfQuartier)).toEqual(['31', '31', '2A', '971']);
  });

  it('keeps legal units only for the SIREN collected, found by binary search', () => {
    const c = new SirenCollector();
    for (const s of ['11111111100029', '00032517500012', '11111111100011', 'abc', '999999999']) c.add(s);
    const lookup = new LegalUnitLookup(c.finish());
    expect([...lookup.sirens]).toEqual([325175, 111111111, 999999999]);
    expect(lookup.offer('111111111', 'O', '9220', 'ASSOCIATION ÉTÉ')).toBe(true);
    expect(lookup.offer('222222222', 'N', '5710', 'AUTRE')).toBe(false);
    expect(lookup.get('11111111100011')).toEqual({ ess: 'O', categorieJuridique: '9220', denomination: 'ASSOCIATION ÉTÉ' });
    expect(lookup.get('99999999900019')).toBeNull();
    expect(lookup.found).toBe(1);
  });
});
