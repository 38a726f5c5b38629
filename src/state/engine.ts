/**
 * The app's one engine client. The browser starts the real worker lazily; tests may install
 * a client wired to the engine another way (a MessageChannel in Node).
 */
import { startEngineWorker, type EngineClient } from '../worker/client.ts';

let client: EngineClient | null = null;

export function getEngine(): EngineClient {
  client ??= startEngineWorker();
  return client;
}

export function setEngine(c: EngineClient | null): void {
  client = c;
}
