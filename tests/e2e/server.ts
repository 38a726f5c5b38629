/**
 * End-to-end server: builds the app once with Vite's JS API, the same production build users
 * get, and serves it with `vite preview` on 127.0.0.1 at a free port. Used by the e2e
 * project's global setup (global-setup.ts), so the build happens once per test run.
 */
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Build output, under the git-ignored .tmp so it never mixes with `dist/`; one folder per
 * process, so two test runs in the same tree never rebuild each other's served files.
 */
export const OUT_DIR = fileURLToPath(new URL(`../../.tmp/e2e-dist-${process.pid}`, import.meta.url));

export interface E2eServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the app into `.tmp/e2e-dist-<pid>` and serves it, and removes the build on close; `url` ends with a slash. */
export async function startServer(): Promise<E2eServer> {
  const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the
  // e2e tests must exercise the build users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    root: ROOT,
    configFile,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    // Port 0: the system picks a free port, so parallel runs never collide.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('vite preview : adresse du serveur introuvable.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      await rm(OUT_DIR, { recursive: true, force: true });
    },
  };
}
