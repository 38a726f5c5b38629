/**
 * Update and offline-ready states of the installable app, for the notice in the header. Apart
 * from register.ts, which imports the plugin's virtual module that only the app build knows.
 */
import { create } from 'zustand';

export interface PwaState {
  /** A new version is installed and waits for the user's go-ahead. */
  updateReady: boolean;
  /** The app is cached: it reopens and works without network. */
  offlineReady: boolean;
  /** Starts the waiting version (the page reloads on it); null until one waits. */
  update: (() => Promise<void>) | null;
}

export const usePwa = create<PwaState>(() => ({ updateReady: false, offlineReady: false, update: null }));
