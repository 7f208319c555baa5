import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AppSettings, loadAppSettings } from '@tethys/config';
import type { Embedder } from '@tethys/embeddings';
import { FirestoreMemoryPersistence, type MemoryPersistence, MemoryStore, SqliteMemoryPersistence } from '../store';

export interface OpenedStore {
  store: MemoryStore;
  /** Where the memories live, for messages (`sqlite:data/memory.sqlite`, `firestore:users`). */
  location: string;
  /** Folder for per-user index caches (beside the SQLite file), or null for Firestore. */
  indexCacheDir: string | null;
  /** Closes the store and whatever client it opened. */
  close(): Promise<void>;
}

let firestoreApps = 0;

async function firestorePersistence(settings: AppSettings): Promise<{ persistence: MemoryPersistence; release: () => Promise<void> }> {
  // Loaded only when configured: firebase-admin is heavy and SQLite users never need it.
  const { deleteApp, initializeApp } = await import('firebase-admin/app');
  const { getFirestore } = await import('firebase-admin/firestore');
  const projectId = settings.memory.firestore.projectId ?? process.env.GCLOUD_PROJECT ?? undefined;
  // An app of our own per opened store, deleted on close, so nothing else in the process is touched.
  firestoreApps += 1;
  const app = initializeApp(projectId ? { projectId } : {}, `tethys-memory-${firestoreApps}`);
  const persistence = new FirestoreMemoryPersistence({ firestore: getFirestore(app), rootCollection: settings.memory.firestore.collection });
  return { persistence, release: () => deleteApp(app) };
}

/**
 * The store the settings name: SQLite at memory.sqlitePath (TETHYS_MEMORY_DB or
 * TETHYS_APP__MEMORY__SQLITE_PATH override it) or Firestore (memory.store =
 * firestore; FIRESTORE_EMULATOR_HOST points firebase-admin at an emulator).
 */
export async function openMemoryStore(embedder: Embedder, settings: AppSettings = loadAppSettings()): Promise<OpenedStore> {
  if (settings.memory.store === 'firestore') {
    const { persistence, release } = await firestorePersistence(settings);
    const store = new MemoryStore({ persistence, embedder });
    const close = async (): Promise<void> => {
      try {
        await store.close();
      } finally {
        await release();
      }
    };
    return { store, location: `firestore:${settings.memory.firestore.collection}`, indexCacheDir: null, close };
  }
  const path = settings.memory.sqlitePath;
  mkdirSync(dirname(path), { recursive: true });
  const store = new MemoryStore({ persistence: new SqliteMemoryPersistence({ path }), embedder });
  return { store, location: `sqlite:${path}`, indexCacheDir: join(dirname(path), 'memory-indexes'), close: () => store.close() };
}
