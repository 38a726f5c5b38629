/**
 * Entry point. A session saved in this browser is read first (its view becomes the link when
 * the address carries none); the link is read before the first render, so the map starts at
 * the linked position and the filters apply from the first aggregation; then the saved files
 * load again, or the demo data when nothing was saved. The service worker of the built app
 * is registered last: it keeps the app for offline use and guards the origin policy.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App.tsx';
import { startUrlSync } from './state/url.ts';
import { loadDemoData } from './state/demo.ts';
import { readStartupSession, restoreSession, startSessionPersistence } from './state/persist.ts';
import { onSourceLoaded } from './state/actions.ts';
import { rememberSourceFile } from './ui/export/source-files.ts';
import { startPwa } from './pwa/register.ts';

const session = await readStartupSession();
startUrlSync();

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startSessionPersistence();
// Every loaded file, restored ones included, can be fingerprinted for the project file.
onSourceLoaded((source) => rememberSourceFile(source.file));
void (session ? restoreSession(session) : loadDemoData());
// Installable, and usable offline once opened (built app only).
void startPwa();
