/**
 * Where the session is kept: one IndexedDB object store of small records keyed by name. The
 * files are stored as the File objects the user chose (IndexedDB keeps Blobs natively, on
 * disk, without reading them into memory), so a 130 MB establishments file costs no parse
 * and no copy in JavaScript. Every write is one transaction: it lands whole or not at all.
 */

/** What persist.ts needs from a store of records; tests give an in-memory one. */
export interface SessionBackend {
  /** Every record, by key. */
  readAll(): Promise<Map<string, unknown>>;
  /** Writes `puts` and removes `deletes` in one transaction. */
  update(puts: Record<string, unknown>, deletes?: readonly string[]): Promise<void>;
  /** Removes every record. */
  clear(): Promise<void>;
}

const DB_NAME = 'ess-quartiers-session';
const STORE = 'session';

function openDatabase(idb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = idb.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema must not be blocked by this one.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('Ouverture de la base IndexedDB impossible.'));
    request.onblocked = () => reject(new Error('Base IndexedDB bloquée par un autre onglet.'));
  });
}

/**
 * Runs `work` in a transaction and resolves when it is committed. The error of an aborted
 * transaction (a QuotaExceededError when the disk quota is reached) is the one rejected.
 */
function inTransaction<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(STORE, mode);
    } catch (e) {
      reject(e);
      return;
    }
    let result: () => T = () => undefined as T;
    tx.oncomplete = () => resolve(result());
    // A failed request aborts the whole transaction (nothing half-written): onabort says why.
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction IndexedDB interrompue.', 'AbortError'));
    try {
      result = work(tx.objectStore(STORE));
    } catch (e) {
      // put() may throw synchronously (DataCloneError, QuotaExceededError): nothing is written.
      try {
        tx.abort();
      } catch {
        // Already finished: the rejection below is what matters.
      }
      reject(e);
    }
  });
}

/**
 * The IndexedDB backend. The database is opened on first use; a browser without IndexedDB
 * (or one that refuses it) makes every call reject, which persist.ts reports in French.
 */
export function indexedDbBackend(idb: IDBFactory | undefined = globalThis.indexedDB): SessionBackend {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!idb) return Promise.reject(new Error('IndexedDB indisponible dans ce navigateur.'));
    db ??= openDatabase(idb).catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
  return {
    async readAll() {
      return inTransaction(await open(), 'readonly', (store) => {
        const out = new Map<string, unknown>();
        const request = store.openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return;
          out.set(String(cursor.key), cursor.value);
          cursor.continue();
        };
        return () => out;
      });
    },
    async update(puts, deletes = []) {
      await inTransaction(await open(), 'readwrite', (store) => {
        for (const key of deletes) store.delete(key);
        for (const [key, value] of Object.entries(puts)) store.put(value, key);
        return () => undefined;
      });
    },
    async clear() {
      await inTransaction(await open(), 'readwrite', (store) => {
        store.clear();
        return () => undefined;
      });
    },
  };
}

/** An in-memory backend, for unit tests: it does not survive a reload. */
export function memoryBackend(): SessionBackend & { records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  return {
    records,
    readAll: async () => new Map(records),
    async update(puts, deletes = []) {
      for (const key of deletes) records.delete(key);
      for (const [key, value] of Object.entries(puts)) records.set(key, value);
    },
    async clear() {
      records.clear();
    },
  };
}
