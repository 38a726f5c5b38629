/**
 * Test support: the real engine, in-process, behind a tiny in-memory port pair. Component
 * tests drive the panels through the same actions and engine as the browser, without a Web
 * Worker. Blobs are re-created as Node Blobs on the way in, as the structured clone of the
 * real worker boundary would: jsdom's File has no `stream()`, which the engine reads with.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { EngineClient, type WorkerLike } from '../../worker/client.ts';
import { serveEngine, type Port } from '../../worker/serve.ts';
import { setEngine } from '../../state/engine.ts';
import type { FromWorker, ToWorker } from '../../worker/protocol.ts';

type Listener<T> = (e: MessageEvent<T>) => void;

const isBlob = (v: unknown): v is Blob =>
  typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function' && typeof (v as Blob).size === 'number';

async function withNodeBlobs(message: ToWorker): Promise<ToWorker> {
  if (message.type === 'cancel' || typeof message.payload !== 'object' || message.payload === null) return message;
  const payload: Record<string, unknown> = { ...(message.payload as Record<string, unknown>) };
  for (const [key, value] of Object.entries(payload)) {
    if (isBlob(value)) payload[key] = new NodeBlob([await value.arrayBuffer()]);
  }
  return { ...message, payload };
}

/** Starts an in-process engine and installs it as the app's engine (see `setEngine`). */
export function installTestEngine(): EngineClient {
  const clientListeners: Listener<FromWorker>[] = [];
  const engineListeners: Listener<ToWorker>[] = [];
  // Conversions are chained so that a `cancel` never overtakes the request it names.
  let inbound = Promise.resolve();
  const port: Port = {
    postMessage: (data) => queueMicrotask(() => clientListeners.forEach((l) => l({ data } as MessageEvent<FromWorker>))),
    addEventListener: (_type, listener) => void engineListeners.push(listener),
  };
  const worker: WorkerLike = {
    postMessage: (message) => {
      inbound = inbound.then(async () => {
        const data = await withNodeBlobs(message);
        engineListeners.forEach((l) => l({ data } as MessageEvent<ToWorker>));
      });
    },
    addEventListener: (_type, listener) => void clientListeners.push(listener),
  };
  serveEngine(port);
  const client = new EngineClient(worker);
  setEngine(client);
  return client;
}
