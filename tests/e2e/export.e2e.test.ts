/**
 * Exports, end to end in real Chromium on the demo data: each export button is clicked, the
 * download received and checked as a person would — the PNG decoded (size, colours, the class
 * colours of the map, its text chunks), the PDFs read with poppler (pages, text, embedded
 * fonts, metadata, rendered pages), the CSVs parsed back against the tables on screen, the
 * GeoJSON read, the project saved and reopened. Last, a quartier named like a formula goes
 * through the import and comes out neutralised.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { paletteColors } from '../../src/core/classify/palettes.ts';
import { quartierFillOpacity } from '../../src/map/layers/basemaps.ts';
import { PAPER } from '../../src/map/layers/style.ts';
import { initialState } from '../../src/state/store.ts';
import { SCREENSHOTS, closeBrowser, createDriver, type Driver } from './driver.ts';
import { shared } from '../shared-data.ts';
import { download, frNumber, pdfFonts, pdfInfo, pdfText, pixelsNear, pngStats, readCsv, renderPdfPage } from './export-helpers.ts';

const OUT = path.join(SCREENSHOTS, '..', 'exports');
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Class colours as the map draws them: palette colour over the paper at the fill opacity. */
const classColours = () =>
  paletteColors(initialState.classification.palette, initialState.classification.classes).map((c) =>
    hex(rgb(c).map((v, i) => quartierFillOpacity('aucun') * v + (1 - quartierFillOpacity('aucun')) * rgb(PAPER)[i])),
  );

/** Cells of the on-screen table whose caption contains `caption`: first cell of each row → cells. */
async function screenTable(d: Driver, caption: string): Promise<{ head: string[]; rows: string[][] }> {
  return d.page.evaluate((c) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.includes(c));
    if (!table) throw new Error(`tableau « ${c} » introuvable`);
    const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { head: [...table.querySelectorAll('thead th')].map(text), rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(text)) };
  }, caption);
}

describe('exports (Chromium)', () => {
  let d: Driver;
  let dir: string;
  // By keyboard (End = last tab), as the tab pattern allows: five tabs overflow the narrow panel.
  const exportsTab = () => d.page.getByRole('tab', { selected: true }).press('End');
  const button = (name: string | RegExp) => d.page.getByRole('button', { name });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essq-export-'));
    fs.mkdirSync(OUT, { recursive: true });
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    await exportsTab();
    // Enabled once the indicators of the demo are computed.
    await d.page.locator('button:has-text("Exporter la carte"):not([disabled])').waitFor({ timeout: 60_000 });
    await d.given.mapIdle();
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  const keep = (file: string) => fs.copyFileSync(file, path.join(OUT, path.basename(file)));

  it('exports the map as a PNG three times the screen size, composed and not blank', async () => {
    await expect.poll(() => d.page.getByLabel('Sous-titre').inputValue(), { timeout: 30_000 }).toMatch(/Ville-Exemple/);
    const option = await d.page.getByLabel('Taille de l’image').locator('option[value="3"]').innerText();
    const announced = frNumber(option.split('—')[1] ?? '');
    await d.page.getByLabel('Taille de l’image').selectOption('3');
    const file = await download(d.page, button('Exporter la carte'), dir);
    keep(file);
    const stats = pngStats(file);
    expect(stats.width).toBe(announced);
    expect(stats.width).toBeGreaterThanOrEqual(3000);
    expect(stats.colours).toBeGreaterThan(200);
    expect(stats.white).toBeLessThan(0.9);
    expect(stats.dark).toBeGreaterThan(0.001);
    // The map part carries the choropleth: the class colours, not a blank or black canvas.
    expect(classColours().filter((c) => pixelsNear(file, c, 4) > 500).length).toBeGreaterThanOrEqual(3);
    const png = fs.readFileSync(file).toString('latin1');
    expect(png).toContain('Description\0Carte « Part de l\'ESS dans l\'emploi dans les quartiers prioritaires »');
    await expect.poll(() => d.page.getByRole('status').filter({ hasText: 'Carte exportée' }).count()).toBe(1);
  });

  it('exports the map as an A4 landscape PDF with embedded fonts and its alternative text', async () => {
    await d.page.getByLabel('Format du fichier').selectOption('pdf-landscape');
    const file = await download(d.page, button('Exporter la carte'), dir);
    keep(file);
    const info = pdfInfo(file);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(info.Subject).toMatch(/^Carte « Part de l’ESS dans l’emploi .* par quartier prioritaire, Ville-Exemple/);
    const text = pdfText(file);
    for (const words of ['Part de l’ESS dans l’emploi dans les quartiers prioritaires', 'Méthode : emplois estimés à partir des tranches d’effectif SIRENE', 'Sources :', 'secret statistique', 'Réalisé le', 'N']) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans.*yes/);
    const page = renderPdfPage(file, 1);
    keep(page);
    expect(pngStats(page).colours).toBeGreaterThan(50);
  });

  it('exports the atlas of every quartier, one A4 page each after a contents page, by commune then code', async () => {
    await d.page.getByLabel(/^Tous les quartiers/).check();
    const file = await download(d.page, button('Exporter l’atlas'), dir);
    keep(file);
    expect(pdfInfo(file).Pages).toBe('9');
    // The contents page lists each quartier with the page of its sheet, communes in order.
    const contents = pdfText(file, 1).replace(/\s+/g, ' ');
    expect(contents).toMatch(/^Sommaire Atlas des quartiers/);
    const codes = [...contents.matchAll(/\((QN999\d\d[A-Z])\) (\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(codes.map(([, page]) => page)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    // « Ville-Exemple » first, its quartiers by code, then « Ville-Exemple, Bourg-Voisin ».
    // (The subtitle names the territory too: the heading is the last mention.)
    const shared = contents.lastIndexOf('Ville-Exemple, Bourg-Voisin');
    expect(shared).toBeGreaterThan(contents.indexOf('(QN999'));
    const own = [...contents.slice(0, shared).matchAll(/\((QN999\d\d[A-Z])\)/g)].map((m) => m[1]);
    expect(own.length).toBe(7);
    expect(own).toEqual([...own].sort());
    const [firstCode] = codes[0];
    const first = pdfText(file, 2).replace(/\s+/g, ' ');
    expect(first).toContain(firstCode);
    expect(first).toMatch(/Fiche quartier · QN999\d\d[A-Z]/);
    for (const words of ['Indicateurs', 'Quartier vécu (300 m)', 'Reste de la commune', 'Écarts, en points de pourcentage', 'France entière', 'Familles (établissements)', 'Secteurs (emplois)', 'Page 1 / 8']) {
      expect(first).toContain(words);
    }
    for (const p of [2, 9]) {
      const png = renderPdfPage(file, p);
      keep(png);
      expect(pngStats(png).colours).toBeGreaterThan(50);
    }
    await expect.poll(() => d.page.getByRole('status').filter({ hasText: 'Atlas exporté' }).count()).toBe(1);
  });

  it('exports the ranking as a CSV that reads back as the table shows it', async () => {
    const file = await download(d.page, button('Classement (CSV)'), dir);
    keep(file);
    const [header, ...rows] = readCsv(file);
    const col = (name: string) => header.indexOf(name);
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    const screen = await screenTable(d, 'Classement des quartiers');
    await exportsTab();
    const byCode = new Map(rows.filter((r) => /^QN/.test(r[1])).map((r) => [r[1], r]));
    expect(byCode.size).toBe(screen.rows.length);
    const at = (name: string) => screen.head.findIndex((h) => h.startsWith(name));
    for (const cells of screen.rows) {
      const csv = byCode.get(cells[0])!;
      expect(csv[col('Nom du quartier')]).toBe(cells[1]);
      expect(frNumber(csv[col('Part ESS des emplois (%)')])).toBe(frNumber(cells[at('Part ESS emploi')]));
      expect(frNumber(csv[col('Part de l’ESS dans les établissements employeurs (%)')])).toBe(frNumber(cells[at('Part ESS étab')]));
      expect(frNumber(csv[col('Établissements employeurs de l’ESS')])).toBe(frNumber(cells[at('Étab. ESS employeurs')]));
      expect(Math.round(frNumber(csv[col('Emplois ESS (estimation)')])!)).toBe(frNumber(cells[at('Emplois ESS')]));
    }
    expect(rows.some((r) => r[0].startsWith('Sources : '))).toBe(true);
  });

  it('exports the comparison of two selected quartiers as a CSV', async () => {
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    const boxes = d.page.getByRole('checkbox', { name: /^Comparer QN/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await d.page.getByRole('tab', { name: 'Comparaison' }).click();
    const screen = await screenTable(d, 'Comparaison des quartiers sélectionnés');
    await exportsTab();
    await d.when.screenshot('exports-panneau');
    const file = await download(d.page, button('Comparaison (CSV)'), dir);
    keep(file);
    const rows = readCsv(file);
    expect(rows[0]).toHaveLength(3);
    for (const label of ['Établissements employeurs de l’ESS', 'Part de l’ESS dans les établissements employeurs']) {
      const csv = rows.find((r) => r[0] === label || r[0] === `${label} (%)`)!;
      const shown = screen.rows.find((r) => r[0] === label)!;
      expect(csv.slice(1).map(frNumber)).toEqual(shown.slice(1).map(frNumber));
    }
  });

  it('exports the quartiers and their indicators as GeoJSON', async () => {
    const file = await download(d.page, button('Quartiers et indicateurs (GeoJSON)'), dir);
    const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(8);
    expect(fc.features[0].geometry.type).toMatch(/Polygon/);
    expect(typeof fc.features[0].properties.part_ess_emplois_pct).toBe('number');
    expect(fc.metadata.sources).toMatch(/^Sources : /);
  });

  it('saves a project with the sources’ SHA-256 and reopens it, saying which source differs', async () => {
    const file = await download(d.page, button(/Enregistrer le projet/), dir);
    const project = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(project.format).toBe('ess-quartiers-projet');
    expect(project.view.indicator).toBe('essJobShare');
    expect(project.view.selection).toHaveLength(2);
    expect(project.sources.etablissements.sha256).toBe(sha256(path.join('public', 'data', 'demo-etablissements.csv')));
    expect(project.sources.quartiers.sha256).toBe(sha256(path.join('public', 'data', 'demo-quartiers.geojson')));
    expect(project.mapping.siret).toBe('siret');
    await d.when.selectOption('Indicateur', 'jobs');
    await d.page.getByLabel('Ouvrir un projet').setInputFiles(file);
    await d.page.getByTestId('project-sources-ok').waitFor({ timeout: 30_000 });
    expect(await d.page.getByLabel('Indicateur', { exact: true }).inputValue()).toBe('essJobShare');
    const altered = path.join(dir, 'autre.essq.json');
    fs.writeFileSync(altered, JSON.stringify({ ...project, sources: { ...project.sources, etablissements: { ...project.sources.etablissements, sha256: '0'.repeat(64), size: 123 } } }));
    await d.page.getByLabel('Ouvrir un projet').setInputFiles(altered);
    await expect.poll(() => d.page.getByTestId('project-differences').innerText(), { timeout: 30_000 }).toMatch(/établissements diffère.*123 octets attendus, \d+ trouvés/);
  });

  it('writes the atlas of 105 quartiers without freezing the page, and can cancel it', async () => {
    await d.page.getByRole('tab', { name: 'Import' }).click();
    await d.page.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(shared('occitanie-qpv-2015', 'qp.geojson'));
    await d.page.getByText(/105 quartiers/).first().waitFor({ timeout: 60_000 });
    await exportsTab();
    await d.page.getByLabel(/^Tous les quartiers \(105 quartiers\)/).check();
    await button('Exporter l’atlas').click();
    // The page answers while the pages are written: the progress moves, and « Annuler » is heard.
    const progress = d.page.locator('.progress-text');
    await expect.poll(async () => frNumber((await progress.innerText().catch(() => '0')) || '0'), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    await button('Annuler').click();
    await expect.poll(() => d.page.getByRole('status').filter({ hasText: 'Export des fiches annulé.' }).count()).toBe(1);
    const file = await download(d.page, button('Exporter l’atlas'), dir, 180_000);
    // 105 sheets after the contents pages (communes and quartiers, 62 lines a page).
    const pages = Number(pdfInfo(file).Pages);
    expect(pages - 105).toBeGreaterThanOrEqual(2);
    expect(pages - 105).toBeLessThanOrEqual(4);
    expect(pdfText(file, pages)).toContain('Page 105 / 105');
  });

  it('neutralises a quartier named like a formula in the CSV it exports', async () => {
    const quartiers = path.join(dir, 'quartiers-formule.geojson');
    const square = (x: number, y: number) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
    fs.writeFileSync(quartiers, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code_qp: 'QN03101A', lib_qp: '=HYPERLINK("http://x")', insee_com: '31555', lib_com: 'Toulouse' }, geometry: { type: 'Polygon', coordinates: square(1.43, 43.64) } },
      { type: 'Feature', properties: { code_qp: 'QN03102B', lib_qp: 'Bagatelle', insee_com: '31555', lib_com: 'Toulouse' }, geometry: { type: 'Polygon', coordinates: square(1.4, 43.58) } },
    ] }));
    const etab = path.join(dir, 'etablissements-formule.csv');
    const rows = Array.from({ length: 6 }, (_, i) => `4430618410${String(1000 + i)},Asso ${i},9220,88.99B,02,31555,A,${1.432 + i * 0.001},${43.643 + i * 0.001}`);
    fs.writeFileSync(etab, ['siret,denominationUniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleEtablissement,trancheEffectifsEtablissement,codeCommuneEtablissement,etatAdministratifEtablissement,longitude,latitude', ...rows].join('\n') + '\n');
    await d.page.getByRole('tab', { name: 'Import' }).click();
    await d.page.getByLabel('Contours des quartiers', { exact: true }).setInputFiles(quartiers);
    await d.page.getByText(/2 quartiers/).first().waitFor({ timeout: 60_000 });
    await d.page.getByLabel('Établissements', { exact: true }).setInputFiles(etab);
    await button('Valider et charger').click();
    await d.page.getByText('Bilan du chargement').waitFor({ timeout: 60_000 });
    await exportsTab();
    await expect.poll(() => button('Classement (CSV)').isEnabled(), { timeout: 30_000 }).toBe(true);
    const file = await download(d.page, button('Classement (CSV)'), dir);
    keep(file);
    const csv = readCsv(file);
    const names = csv.map((r) => r[2]);
    expect(names).toContain('\'=HYPERLINK("http://x")');
    expect(names).not.toContain('=HYPERLINK("http://x")');
    expect(d.errors).toEqual([]);
    expect(d.then.requestsLeaving('127.0.0.1')).toEqual([]);
  });
});
