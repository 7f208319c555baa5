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
}

async function firestorePersistence(settings: AppSettings): Promise<MemoryPersistence> {
  // Loaded only when configured: firebase-admin is heavy and SQLite users never need it.
  const { getApps, initializeApp } = await import('firebase-admin/app');
  const { getFirestore } = await import('firebase-admin/firestore');
  const projectId = settings.memory.firestore.projectId ?? process.env.GCLOUD_PROJECT ?? undefined;
  const app = getApps()[0] ?? initializeApp(projectId ? { projectId } : undefined);
  return new FirestoreMemoryPersistence({ firestore: getFirestore(app), rootCollection: settings.memory.firestore.collection, terminateOnClose: true });
}

/**
 * The store the settings name: SQLite at memory.sqlitePath (TETHYS_MEMORY_DB or
 * TETHYS_APP__MEMORY__SQLITE_PATH override it) or Firestore (memory.store =
 * firestore; FIRESTORE_EMULATOR_HOST points firebase-admin at an emulator).
 */
export async function openMemoryStore(embedder: Embedder, settings: AppSettings = loadAppSettings()): Promise<OpenedStore> {
  if (settings.memory.store === 'firestore') {
    const store = new MemoryStore({ persistence: await firestorePersistence(settings), embedder });
    return { store, location: `firestore:${settings.memory.firestore.collection}`, indexCacheDir: null };
  }
  const path = settings.memory.sqlitePath;
  mkdirSync(dirname(path), { recursive: true });
  const store = new MemoryStore({ persistence: new SqliteMemoryPersistence({ path }), embedder });
  return { store, location: `sqlite:${path}`, indexCacheDir: join(dirname(path), 'memory-indexes') };
}
