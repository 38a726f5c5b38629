/**
 * Accessibility in real Chromium, on the production build: axe-core finds no serious or
 * critical violation on the main views (start page, every tab, the quartier sheet, the
 * column-mapping step), and the app works with the keyboard alone (tabs, sorting, and every
 * visible control reachable with Tab).
 */
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, createDriver, type Driver } from './driver.ts';
import { createTempDir, writeEstablishments, writeQuartiers } from './files.ts';

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Serious and critical axe violations of the page as it is. axe is evaluated through the
 * DevTools protocol: a <script> tag would be (rightly) refused by the app's policy.
 */
async function seriousViolations(d: Driver): Promise<Finding[]> {
  if (!(await d.page.evaluate(() => 'axe' in window))) await d.page.evaluate(axe.source);
  const findings = await d.page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** The element that has the focus, described for assertions. */
const focused = (d: Driver) =>
  d.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '', text: el?.textContent?.replace(/\s+/g, ' ').trim() ?? '', selected: el?.getAttribute('aria-selected') ?? null };
  });

async function tabUntil(d: Driver, test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await d.page.keyboard.press('Tab');
    if (test(await focused(d))) return true;
  }
  return false;
}

describe('accessibilité (Chromium)', () => {
  let d: Driver;
  let establishments: string;

  beforeAll(async () => {
    const dir = createTempDir();
    const quartiers = [
      { code: 'QN03195A', name: 'Les Tilleuls', commune: '31555', communeName: 'Toulouse' },
      { code: 'QN03196B', name: 'La Gare', commune: '31555', communeName: 'Toulouse' },
    ];
    writeQuartiers(dir, quartiers);
    establishments = writeEstablishments(dir, quartiers, 4, (q, k) => `Association ${q}-${k}`).file;
    d = await createDriver(inject('e2eBaseUrl'));
    await d.given.appOpened();
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    await d.given.mapIdle();
  });

  afterAll(async () => {
    await d?.close();
    await closeBrowser();
  });

  it('has no serious violation on the start page, map panels open', async () => {
    await d.page.evaluate(() => document.querySelectorAll('details').forEach((el) => ((el as HTMLDetailsElement).open = true)));
    expect(await seriousViolations(d)).toEqual([]);
    await d.page.evaluate(() => document.querySelectorAll('details').forEach((el) => ((el as HTMLDetailsElement).open = false)));
  });

  it('has no serious violation on any tab', async () => {
    const boxes = d.page.getByRole('checkbox', { name: /^Comparer / });
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const names = await d.page.getByRole('tab').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      await d.page.getByRole('tab', { name: name.trim() }).click();
      const found = await seriousViolations(d);
      expect({ tab: name.trim(), found }).toEqual({ tab: name.trim(), found: [] });
    }
  });

  it('has no serious violation on the quartier sheet', async () => {
    await d.page.getByRole('tab', { name: 'Classement' }).click();
    await d.page.locator('table tbody .link-btn').first().click();
    await d.page.locator('.profile-sheet').waitFor();
    await d.page.locator('.profile-sheet table.establishments, .profile-sheet .empty, .profile-sheet p.muted').first().waitFor();
    expect(await seriousViolations(d)).toEqual([]);
    await d.page.keyboard.press('Escape');
    await expect.poll(() => d.page.locator('.profile-sheet').count()).toBe(0);
  });

  it('has no serious violation on the column-mapping step', async () => {
    await d.page.getByRole('tab', { name: 'Import' }).click();
    await d.page.locator('.import-panel').getByLabel('Établissements', { exact: true }).setInputFiles(establishments);
    await d.page.getByRole('dialog', { name: 'Correspondance des colonnes' }).waitFor({ timeout: 60_000 });
    expect(await seriousViolations(d)).toEqual([]);
    await d.page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('opens « Classement » with the keyboard and sorts a column with Enter', async () => {
    await d.page.reload({ waitUntil: 'load' });
    await d.page.getByText(/données fictives de démonstration/i).first().waitFor({ timeout: 60_000 });
    // Only the active tab is in the Tab order (WAI-ARIA tabs); arrows move between tabs.
    expect(await tabUntil(d, (f) => f.role === 'tab')).toBe(true);
    await d.page.keyboard.press('Home');
    expect(await focused(d)).toMatchObject({ role: 'tab', text: 'Import', selected: 'true' });
    for (let i = 0; i < 8 && (await focused(d)).text !== 'Classement'; i++) await d.page.keyboard.press('ArrowRight');
    expect(await focused(d)).toMatchObject({ role: 'tab', text: 'Classement', selected: 'true' });
    const table = d.page.locator('table', { has: d.page.locator('caption', { hasText: 'Classement des quartiers' }) });
    await table.waitFor({ state: 'visible' });

    expect(await tabUntil(d, (f) => f.role === 'button' && f.text.startsWith('Quartier'))).toBe(true);
    const header = table.locator('thead th', { hasText: /^Quartier/ });
    const names = () => table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    const collator = new Intl.Collator('fr');
    await d.page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const asc = await names();
    expect(asc).toEqual([...asc].sort(collator.compare));
    await d.page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...asc].reverse());
  });

  it('reaches every visible control of the page with Tab', async () => {
    await d.page.keyboard.press('Escape');
    // The map's folded panels open from the keyboard too (summary + Enter); open, their
    // controls join the Tab order.
    await d.page.evaluate(() => document.querySelectorAll('details').forEach((el) => ((el as HTMLDetailsElement).open = true)));
    await d.page.locator('body').focus();
    // Tags every control a keyboard user must be able to reach; radio groups and tab lists
    // take one stop (arrows move inside them).
    const expected = await d.page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex]')];
      const radioGroups = new Set<string>();
      let n = 0;
      for (const el of all) {
        // checkVisibility: a folded <details> keeps boxes for its content, hidden all the same.
        const visible = el.checkVisibility({ checkVisibilityCSS: true });
        const disabled = (el as HTMLButtonElement).disabled === true;
        if (!visible || disabled || el.getAttribute('tabindex') === '-1' || el.closest('[hidden], [inert]')) continue;
        if (el.getAttribute('role') === 'tab') continue;
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          if (radioGroups.has(el.name)) continue;
          radioGroups.add(el.name);
        }
        el.dataset.a11yControl = String(n++);
      }
      return n;
    });
    expect(expected).toBeGreaterThan(10);
    const reached = new Set<string>();
    for (let i = 0; i < expected + 40; i++) {
      await d.page.keyboard.press('Tab');
      const id = await d.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          return document.querySelector<HTMLElement>(`input[type="radio"][name="${CSS.escape(el.name)}"][data-a11y-control]`)?.dataset.a11yControl ?? null;
        }
        return el?.dataset.a11yControl ?? null;
      });
      if (id !== null) reached.add(id);
    }
    const missed = await d.page.evaluate(
      (seen) =>
        [...document.querySelectorAll<HTMLElement>('[data-a11y-control]')]
          .filter((el) => !seen.includes(el.dataset.a11yControl!))
          .map((el) => `${el.tagName.toLowerCase()} « ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)} »`),
      [...reached],
    );
    expect(missed).toEqual([]);
  });
});
