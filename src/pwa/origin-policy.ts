/**
 * Which requests may leave the app's own origin. With the offline basemap, none: the service
 * worker answers any request to another origin with a refusal, whatever asked for it (a
 * script, a style, MapLibre's worker). With an online basemap chosen, only that basemap's host
 * is let through. The page tells the worker its allowed hosts whenever the basemap changes; a
 * request the worker would refuse is checked again with the open pages first, so a request
 * that races the message (the tiles of a basemap just chosen) is not refused by mistake.
 */

/** Message the service worker sends a page, on a MessageChannel, to ask for its allowed hosts. */
export const POLICY_QUESTION = 'essq-allowed-hosts?';
/** Message a page sends the service worker whenever its basemap changes: `{ type, hosts }`. */
export const POLICY_UPDATE = 'essq-allowed-hosts';

/** Header of the refusal, so a test (or a curious user in the network panel) can tell it from a network failure. */
export const REFUSAL_HEADER = 'x-essq-refus';

export type Verdict = 'own' | 'allowed' | 'refused';

/**
 * The verdict for `url` requested from a page of `ownOrigin` while `allowedHosts` are allowed.
 * Non-network schemes (data:, blob:) never leave the browser: they count as the app's own.
 *
 * @example verdict('https://tile.openstreetmap.org/1/0/0.png', 'http://intranet', []) // → 'refused'
 */
export function verdict(url: string, ownOrigin: string, allowedHosts: readonly string[]): Verdict {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'own';
  if (u.origin === ownOrigin) return 'own';
  return u.protocol === 'https:' && allowedHosts.includes(u.host) ? 'allowed' : 'refused';
}

/** The French text of the refusal, naming the host and saying how to allow it. */
export function refusalText(url: string): string {
  return `Requête vers ${new URL(url).host} refusée par ESS Quartiers : avec le fond de carte hors ligne, l’application ne contacte aucun autre site. Choisissez un fond de carte en ligne pour l’autoriser.`;
}
