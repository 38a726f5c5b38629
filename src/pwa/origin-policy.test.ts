import { describe, expect, it } from 'vitest';
import { refusalText, verdict } from './origin-policy.ts';

const OWN = 'http://intranet.example:8080';

describe('origin policy of the service worker', () => {
  it('lets the app’s own files and in-browser data through', () => {
    expect(verdict(`${OWN}/ess/assets/index.js`, OWN, [])).toBe('own');
    expect(verdict('blob:http://intranet.example:8080/5b1c', OWN, [])).toBe('own');
    expect(verdict('data:image/png;base64,AAAA', OWN, [])).toBe('own');
  });

  it('refuses every other origin with the offline basemap', () => {
    expect(verdict('https://tile.openstreetmap.org/1/0/0.png', OWN, [])).toBe('refused');
    expect(verdict('https://data.geopf.fr/wmts?SERVICE=WMTS', OWN, [])).toBe('refused');
    expect(verdict('http://intranet.example:9090/', OWN, [])).toBe('refused');
  });

  it('lets only the chosen basemap’s host through, and only over https', () => {
    const osm = ['tile.openstreetmap.org'];
    expect(verdict('https://tile.openstreetmap.org/1/0/0.png', OWN, osm)).toBe('allowed');
    expect(verdict('http://tile.openstreetmap.org/1/0/0.png', OWN, osm)).toBe('refused');
    expect(verdict('https://data.geopf.fr/wmts', OWN, osm)).toBe('refused');
    expect(verdict('https://evil.example/?q=tile.openstreetmap.org', OWN, osm)).toBe('refused');
  });

  it('says in French which host was refused and how to allow it', () => {
    expect(refusalText('https://data.geopf.fr/wmts?x=1')).toMatch(/^Requête vers data\.geopf\.fr refusée .* fond de carte en ligne/);
  });
});
