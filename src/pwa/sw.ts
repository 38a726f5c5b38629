/**
 * The service worker (built by vite-plugin-pwa, strategy injectManifest): Workbox precaches
 * the app, its fonts and the demo data, so once opened it reopens and works with the network
 * cut; a new version waits until the user accepts it (never forced mid-session). It also
 * enforces the origin policy (origin-policy.ts): with the offline basemap, no request leaves
 * for another origin, whatever part of the page asked for it.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { POLICY_QUESTION, POLICY_UPDATE, REFUSAL_HEADER, refusalText, verdict } from './origin-policy.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** How long a page has to answer with its basemap before the request is refused. */
const ANSWER_MS = 500;

/** Hosts one page allows, or null when it does not answer in time. */
function askPage(client: Client): Promise<string[] | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    channel.port1.onmessage = (e: MessageEvent<{ hosts?: unknown }>) => {
      clearTimeout(timer);
      resolve(Array.isArray(e.data?.hosts) ? e.data.hosts.filter((h): h is string => typeof h === 'string') : []);
    };
    client.postMessage({ type: POLICY_QUESTION }, [channel.port2]);
  });
}

/** Hosts the pages last said they allow; empty (everything refused) until one says otherwise. */
let known: string[] = [];

/** Hosts allowed by any open window of the app (the union: one window may show Plan IGN). */
async function allowedHosts(): Promise<string[]> {
  const windows = await self.clients.matchAll({ type: 'window' });
  const answers = await Promise.all(windows.map(askPage));
  known = [...new Set(answers.flatMap((a) => a ?? []))];
  return known;
}

function refusal(url: string): Response {
  return new Response(refusalText(url), {
    status: 403,
    statusText: 'Refused by ESS Quartiers',
    headers: { 'content-type': 'text/plain; charset=utf-8', [REFUSAL_HEADER]: '1' },
  });
}

// Registered before Workbox's routes: it answers only requests for other origins, which the
// precache never serves, so the two never answer the same request.
self.addEventListener('fetch', (event) => {
  const url = event.request.url;
  // The app's own files go to the precache; a host the page allows goes to the network as is.
  if (verdict(url, self.location.origin, known) !== 'refused') return;
  event.respondWith(
    allowedHosts().then((hosts) => (verdict(url, self.location.origin, hosts) === 'allowed' ? fetch(event.request) : refusal(url))),
  );
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any address inside the app opens the app shell, online or not.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The page asks for the waiting version once the user accepts it (workbox-window's
// messageSkipWaiting), and tells the hosts it allows when its basemap changes.
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; hosts?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === POLICY_UPDATE && Array.isArray(data.hosts)) known = data.hosts.filter((h): h is string => typeof h === 'string');
});

// The first install takes the open page at once, so the policy and the cache hold from the first visit.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
