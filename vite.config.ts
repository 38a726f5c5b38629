import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Hosts of the two online basemaps (src/map/layers/basemaps.ts), reached only once chosen. */
const BASEMAP_HOSTS = 'https://tile.openstreetmap.org https://data.geopf.fr';

/**
 * Content-Security-Policy of the built app: scripts, workers and data from the app's own
 * origin only, so a name in a user's file can never run as code and the files never leave
 * the browser. Styles allow 'unsafe-inline' because MapLibre and React set inline styles;
 * images and connections also allow the basemap hosts, which the user may turn on.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${BASEMAP_HOSTS}`,
  // blob: is the app's own data: large point sets reach MapLibre's worker as blob: URLs.
  `connect-src 'self' blob: ${BASEMAP_HOSTS}`,
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in the built index.html as its first <meta>. Build only: the dev server
 * injects an inline script (React Fast Refresh) that the policy would rightly block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'essq-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
