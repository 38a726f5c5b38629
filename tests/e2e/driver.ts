/**
 * A small given/when/then driver over Debian's Chromium (playwright-core, no downloaded
 * browser), in the manner of maputnik's e2e driver: tests read as the user's steps, and the
 * selectors and waits live here once.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));

/** Flags for a headless run on a CI machine without GPU: WebGL through SwiftShader, no background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const MAP_CANVAS = 'canvas.maplibregl-canvas';

/** Colours of the map canvas: each colour (hex) with its pixel count, most frequent first. */
export interface CanvasColours {
  width: number;
  height: number;
  colours: { hex: string; count: number }[];
}

export interface Driver {
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  given: {
    appOpened(path?: string): Promise<void>;
    mapIdle(): Promise<void>;
  };
  when: {
    selectOption(label: string, value: string): Promise<void>;
    check(label: string): Promise<void>;
    uncheck(label: string): Promise<void>;
    screenshot(name: string, selector?: string): Promise<string>;
  };
  then: {
    text(selector: string): Promise<string>;
    canvasColours(): Promise<CanvasColours>;
    /**
     * Page coordinates of a pixel of colour `hex` (±tolerance) whose 7×7 neighbourhood has that
     * colour too, and that no panel covers; null when there is none.
     */
    interiorPixel(hex: string, tolerance?: number): Promise<{ x: number; y: number } | null>;
    requestsLeaving(host: string): string[];
  };
  close(): Promise<void>;
}

let browser: Browser | null = null;

/** Launches Chromium once per test file (or reuses it). */
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  return browser;
}

/** Closes the shared Chromium (call it in the test file's afterAll). */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * A fresh browser context and page on the app served at `baseUrl`. `persistent` gives it a
 * profile of its own on disk, as a user's browser has: Chromium offers to install an app only
 * outside incognito profiles, which ordinary contexts are.
 */
export async function createDriver(baseUrl: string, viewport = { width: 1600, height: 1000 }, { persistent = false } = {}): Promise<Driver> {
  const options = { viewport, locale: 'fr-FR', deviceScaleFactor: 1 };
  let profile: string | null = null;
  let context: BrowserContext;
  if (persistent) {
    profile = await mkdtemp(path.join(os.tmpdir(), 'essq-profile-'));
    context = await chromium.launchPersistentContext(profile, { ...options, executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  } else context = await (await launchBrowser()).newContext(options);
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  /** The form control named `label`, its folded `<details>` panel opened if need be. */
  const control = async (label: string) => {
    const el = page.getByLabel(label, { exact: true });
    if (!(await el.isVisible())) {
      await el.evaluate((node) => {
        const details = node.closest('details');
        if (details) details.open = true;
      });
    }
    return el;
  };

  const driver: Driver = {
    page,
    requests,
    errors,
    given: {
      async appOpened(path = '') {
        await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
        await page.waitForSelector(MAP_CANVAS, { timeout: 60_000 });
      },
      async mapIdle() {
        // MapView marks its container: data-ready once the style is loaded, data-idle while
        // nothing is loading or moving (cleared by every new data or move).
        await page.waitForSelector('.map-view[data-ready="true"][data-idle="true"]', { timeout: 60_000 });
      },
    },
    when: {
      async selectOption(label, value) {
        await (await control(label)).selectOption(value);
      },
      async check(label) {
        await (await control(label)).check();
      },
      async uncheck(label) {
        await (await control(label)).uncheck();
      },
      async screenshot(name, selector) {
        await mkdir(SCREENSHOTS, { recursive: true });
        const path = `${SCREENSHOTS}${name}.png`;
        if (selector) await page.locator(selector).first().screenshot({ path });
        else await page.screenshot({ path });
        return path;
      },
    },
    then: {
      text: (selector) => page.locator(selector).first().innerText(),
      canvasColours: () =>
        page.evaluate((selector) => {
          const gl = document.querySelector<HTMLCanvasElement>(selector);
          if (!gl) throw new Error(`Canvas ${selector} introuvable.`);
          const copy = document.createElement('canvas');
          copy.width = gl.width;
          copy.height = gl.height;
          const ctx = copy.getContext('2d');
          if (!ctx) throw new Error('Contexte 2D indisponible.');
          // Works because the map is created with preserveDrawingBuffer.
          ctx.drawImage(gl, 0, 0);
          const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
          const counts = new Map<string, number>();
          for (let i = 0; i < data.length; i += 4) {
            const hex = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
            counts.set(hex, (counts.get(hex) ?? 0) + 1);
          }
          const colours = [...counts].map(([hex, count]) => ({ hex, count })).sort((a, b) => b.count - a.count);
          return { width: copy.width, height: copy.height, colours };
        }, MAP_CANVAS),
      interiorPixel: (hex, tolerance = 2) =>
        page.evaluate(
          ({ selector, hex, tolerance }) => {
            const gl = document.querySelector<HTMLCanvasElement>(selector);
            if (!gl) return null;
            const copy = document.createElement('canvas');
            copy.width = gl.width;
            copy.height = gl.height;
            const ctx = copy.getContext('2d');
            if (!ctx) return null;
            ctx.drawImage(gl, 0, 0);
            const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
            const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
            const near = (x: number, y: number) => {
              const o = (y * width + x) * 4;
              return Math.abs(data[o] - want[0]) <= tolerance && Math.abs(data[o + 1] - want[1]) <= tolerance && Math.abs(data[o + 2] - want[2]) <= tolerance;
            };
            const rect = gl.getBoundingClientRect();
            const scale = rect.width / width;
            for (let y = 3; y < height - 3; y += 2) {
              for (let x = 3; x < width - 3; x += 2) {
                let ok = true;
                for (let dy = -3; dy <= 3 && ok; dy++) for (let dx = -3; dx <= 3 && ok; dx++) ok = near(x + dx, y + dy);
                const at = { x: rect.left + x * scale, y: rect.top + y * scale };
                // Panels float over the map: only a pixel the pointer can reach counts.
                if (ok && document.elementFromPoint(at.x, at.y) === gl) return at;
              }
            }
            return null;
          },
          { selector: MAP_CANVAS, hex, tolerance },
        ),
      requestsLeaving(host) {
        return requests.filter((u) => {
          const url = new URL(u);
          return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== host;
        });
      },
    },
    close: async () => {
      await context.close();
      if (profile) await rm(profile, { recursive: true, force: true });
    },
  };
  return driver;
}
