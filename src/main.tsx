/**
 * Entry point. The link is read before the first render, so the map starts at the linked
 * position and the filters apply from the first aggregation; then the demo data load.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App.tsx';
import { startUrlSync } from './state/url.ts';
import { loadDemoData } from './state/demo.ts';

startUrlSync();

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void loadDemoData();
