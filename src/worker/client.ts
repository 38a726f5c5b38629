/**
 * Promise client of the engine worker. Each call can be aborted with an AbortSignal; a new
 * call of a superseding type (a new load, a new aggregation) aborts the one still in flight,
 * so the UI never shows a stale result.
 */
import type { FromWorker, Progress, Requests, RequestType, ToWorker } from './protocol.ts';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  transfer?: Transferable[];
}

export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<FromWorker>) => void): void;
  terminate?(): void;
}

/** Error carrying the engine's code (`aborted`, `no_coordinates_column`…) and French message. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code === 'aborted' ? 'AbortError' : 'EngineError';
  }
}

const SUPERSEDING: ReadonlySet<RequestType> = new Set(['loadEstablishments', 'aggregate', 'setRing', 'previewEstablishments', 'establishments']);

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: Progress) => void;
}

export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Map<RequestType, number>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e) => this.onMessage(e.data));
  }

  private onMessage(msg: FromWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'result') p.resolve(msg.result);
    else p.reject(new EngineError(msg.error.code, msg.error.message));
  }

  private cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.worker.postMessage({ id, type: 'cancel' });
    p.reject(new EngineError('aborted', 'Chargement annulé.'));
  }

  call<K extends RequestType>(type: K, payload: Requests[K]['payload'], options: CallOptions = {}): Promise<Requests[K]['result']> {
    if (SUPERSEDING.has(type)) {
      const previous = this.inFlight.get(type);
      if (previous !== undefined) this.cancel(previous);
    }
    const id = this.nextId++;
    if (options.signal?.aborted) return Promise.reject(new EngineError('aborted', 'Chargement annulé.'));
    return new Promise<Requests[K]['result']>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: options.onProgress,
      });
      this.inFlight.set(type, id);
      options.signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      this.worker.postMessage({ id, type, payload }, options.transfer ?? []);
    }).finally(() => {
      if (this.inFlight.get(type) === id) this.inFlight.delete(type);
    });
  }

  terminate(): void {
    for (const id of [...this.pending.keys()]) this.cancel(id);
    this.worker.terminate?.();
  }
}

/** Starts the real engine worker (browser). */
export function startEngineWorker(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ess-quartiers-moteur' });
  return new EngineClient(worker as unknown as WorkerLike);
}
