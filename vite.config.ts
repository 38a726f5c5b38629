import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * Installable app (vite-plugin-pwa + Workbox): a manifest with icons, and the service worker
 * of src/pwa/sw.ts, into which Workbox injects the list of files to precache — the app, its
 * fonts, its icons and the demo data — so it reopens and works with the network cut. Every
 * path is relative, so the site works from any sub-path of any web server.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/pwa',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  manifestFilename: 'manifest.webmanifest',
  manifest: {
    id: './',
    name: 'ESS Quartiers — l’ESS dans les quartiers prioritaires',
    short_name: 'ESS Quartiers',
    description: 'Diagnostic de l’économie sociale et solidaire dans les quartiers prioritaires de la politique de la ville, calculé dans le navigateur, hors ligne.',
    lang: 'fr',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f4f4f7',
    theme_color: '#000091',
    categories: ['government', 'productivity'],
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // The manifest and its icons are added by the plugin itself (includeManifestIcons).
    globPatterns: ['**/*.{js,mjs,css,html,ttf,woff2,svg,geojson,csv,json}'],
    // The main bundle (MapLibre, jsPDF) is about 1.4 MB: over Workbox's 2 MiB default it would be left out.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    rollupFormat: 'iife',
  },
  devOptions: { enabled: false },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), pwa],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
