/*
 * A minimal promise wrapper over the raw IndexedDB API (no extra npm package): one database, object stores keyed
 * by a property. Enough for the survey queue; every call opens its own short transaction, so nothing is held
 * across awaits (IndexedDB auto-commits a transaction as soon as its callbacks run out).
 */

const DB_NAME = 'kps-offline';
const DB_VERSION = 1;
export const STORES = { submissions: 'submissions' } as const;
type StoreName = (typeof STORES)[keyof typeof STORES];

let opening: Promise<IDBDatabase> | null = null;

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORES.submissions))
        db.createObjectStore(STORES.submissions, { keyPath: 'clientId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
  return opening;
}

async function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  action: (objectStore: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase();
  const transaction = db.transaction(store, mode);
  const result = promisify(action(transaction.objectStore(store)));
  // A write counts as done only once its transaction commits, so a crash right after cannot lose it.
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

export const idb = {
  getAll: <T>(store: StoreName) => run<T[]>(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>),
  get: <T>(store: StoreName, key: string) =>
    run<T | undefined>(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
  put: async <T>(store: StoreName, value: T): Promise<void> => {
    await run(store, 'readwrite', (s) => s.put(value));
  },
  delete: async (store: StoreName, key: string): Promise<void> => {
    await run(store, 'readwrite', (s) => s.delete(key));
  },
};
