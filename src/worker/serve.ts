/**
 * Message loop of the engine: dispatches requests to the handlers, forwards progress, turns
 * errors into plain data, and aborts a request when a `cancel` message names it.
 */
import { createEngineState, handlers, type EngineState } from './engine.ts';
import type { FromWorker, RequestType, ToWorker } from './protocol.ts';
import { isEssqError } from '../core/errors.ts';

export interface Port {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}

/** Starts answering requests arriving on `port`. Returns the engine state (for tests). */
export function serveEngine(port: Port, state: EngineState = createEngineState()): EngineState {
  const running = new Map<number, AbortController>();
  port.addEventListener('message', async (e) => {
    const msg = e.data;
    if (msg.type === 'cancel') {
      running.get(msg.id)?.abort(new DOMException('Chargement annulé', 'AbortError'));
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const transfer: Transferable[] = [];
    try {
      const handler = handlers[msg.type as RequestType] as (s: EngineState, p: unknown, c: unknown) => unknown;
      if (!handler) throw new Error(`Requête inconnue : ${msg.type}`);
      const result = await handler(state, msg.payload, {
        signal: controller.signal,
        transfer,
        progress: (progress: FromWorker & { kind: 'progress' } extends { progress: infer P } ? P : never) =>
          port.postMessage({ id: msg.id, kind: 'progress', progress }),
      });
      port.postMessage({ id: msg.id, kind: 'result', result }, transfer);
    } catch (err) {
      const aborted = controller.signal.aborted || (err as Error)?.name === 'AbortError';
      const error = isEssqError(err)
        ? { code: err.code, message: err.message }
        : aborted
          ? { code: 'aborted', message: 'Chargement annulé.', aborted: true }
          : { code: 'internal', message: `Erreur inattendue du moteur : ${(err as Error)?.message ?? String(err)}` };
      port.postMessage({ id: msg.id, kind: 'error', error });
    } finally {
      running.delete(msg.id);
    }
  });
  return state;
}
