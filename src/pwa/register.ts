/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Page side of the installable app: registers the service worker (production build only;
 * the dev server has none), answers its question about the allowed hosts from the store's
 * basemap, and publishes the update and offline-ready states for the notice in the header.
 * An update is offered, never forced: the new version starts when the user accepts it.
 */
import { BASEMAPS } from '../map/layers/basemaps.ts';
import { useStore } from '../state/store.ts';
import { POLICY_QUESTION, POLICY_UPDATE } from './origin-policy.ts';
import { usePwa } from './pwa-state.ts';


/** Hosts the page allows right now: the chosen online basemap's, or none. */
export function allowedHostsNow(): string[] {
  const host = BASEMAPS[useStore.getState().basemap].host;
  return host ? [host] : [];
}

/** Tells the controlling worker the hosts allowed now, at start, on a new worker and at each basemap change. */
function publishPolicy(container: ServiceWorkerContainer): void {
  const publish = () => container.controller?.postMessage({ type: POLICY_UPDATE, hosts: allowedHostsNow() });
  publish();
  container.addEventListener('controllerchange', publish);
  useStore.subscribe((s, prev) => {
    if (s.basemap !== prev.basemap) publish();
  });
}

function answerPolicyQuestions(container: ServiceWorkerContainer): void {
  container.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === POLICY_QUESTION) e.ports[0]?.postMessage({ hosts: allowedHostsNow() });
  });
  // Messages wait in a queue until this is called (addEventListener does not start it).
  container.startMessages();
}

/** Registers the service worker of the built app; does nothing in dev or without support. */
export async function startPwa(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  answerPolicyQuestions(navigator.serviceWorker);
  publishPolicy(navigator.serviceWorker);
  const { registerSW } = await import('virtual:pwa-register');
  const updateSW = registerSW({
    onNeedRefresh: () => usePwa.setState({ updateReady: true, update: () => updateSW(true) }),
    onOfflineReady: () => usePwa.setState({ offlineReady: true }),
  });
}
