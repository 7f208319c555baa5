import Database from 'better-sqlite3';
import type { MemoryMetadata, StoredMemory } from '../memory-record';
import { MemoryStoreError } from '../memory-store-error';
import type { MemoryPersistence, VectorUpdate } from '../persistence/memory-persistence';
import { decodeVectorBlob, encodeVectorBlob } from './vector-blob';

/** Bump when the table layout changes; an older file is refused rather than misread. */
export const SQLITE_SCHEMA_VERSION = 1;

export interface SqliteMemoryPersistenceOptions {
  /** A file path, or ':memory:' for a private in-process database. */
  readonly path: string;
  /** Milliseconds to wait on a locked database (another writer) before failing. */
  readonly busyTimeoutMs?: number;
}

interface MemoryRow {
  user_id: string;
  id: string;
  text: string;
  metadata: string;
  created_at: number;
  embedder_hash: string;
  dim: number;
  vector: Buffer;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS memories (
  user_id TEXT NOT NULL,
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  embedder_hash TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX IF NOT EXISTS memories_by_user_time ON memories (user_id, created_at, id);
`;

/**
 * Memories in one SQLite file (better-sqlite3): WAL so readers never block the
 * writer, prepared statements, and one transaction per multi-row write.
 */
export class SqliteMemoryPersistence implements MemoryPersistence {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements;
  private closed = false;

  constructor(options: SqliteMemoryPersistenceOptions) {
    if (typeof options.path !== 'string' || options.path.length === 0) {
      throw new MemoryStoreError('INVALID_ARGUMENT', 'SqliteMemoryPersistence needs a path (a file path or ":memory:")');
    }
    try {
      this.db = new Database(options.path);
    } catch (cause) {
      throw new MemoryStoreError('PERSISTENCE_FAILED', `cannot open SQLite database ${options.path}: ${String(cause)}`, { cause });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    this.migrate(options.path);
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO memories (user_id, id, text, metadata, created_at, embedder_hash, dim, vector)
         VALUES (@user_id, @id, @text, @metadata, @created_at, @embedder_hash, @dim, @vector)`,
      ),
      get: this.db.prepare('SELECT * FROM memories WHERE user_id = ? AND id = ?'),
      list: this.db.prepare('SELECT * FROM memories WHERE user_id = ? ORDER BY created_at, id'),
      delete: this.db.prepare('DELETE FROM memories WHERE user_id = ? AND id = ?'),
      updateVector: this.db.prepare(
        'UPDATE memories SET vector = @vector, dim = @dim, embedder_hash = @embedder_hash WHERE user_id = @user_id AND id = @id',
      ),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM memories WHERE user_id = ?'),
    };
  }

  private migrate(path: string): void {
    this.db.exec(SCHEMA);
    const rows = this.db.prepare('SELECT version FROM schema_version').all() as { version: number }[];
    if (rows.length === 0) {
      this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SQLITE_SCHEMA_VERSION);
    } else if (rows.length !== 1 || rows[0].version !== SQLITE_SCHEMA_VERSION) {
      const found = rows.map((row) => row.version).join(', ');
      this.db.close();
      throw new MemoryStoreError(
        'SCHEMA_MISMATCH',
        `${path}: schema version ${found}, this build reads version ${SQLITE_SCHEMA_VERSION}`,
      );
    }
  }

  async insert(userId: string, memories: readonly StoredMemory[]): Promise<void> {
    this.assertOpen();
    const insertAll = this.db.transaction((items: readonly StoredMemory[]) => {
      for (const memory of items) {
        try {
          this.statements.insert.run({
            user_id: userId,
            id: memory.id,
            text: memory.text,
            metadata: JSON.stringify(memory.metadata),
            created_at: memory.createdAt,
            embedder_hash: memory.embedderHash,
            dim: memory.vector.length,
            vector: encodeVectorBlob(memory.vector),
          });
        } catch (cause) {
          if ((cause as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new MemoryStoreError('DUPLICATE_MEMORY', `user ${userId} already has a memory with id ${memory.id}`, { cause });
          }
          throw cause;
        }
      }
    });
    insertAll(memories);
  }

  async get(userId: string, id: string): Promise<StoredMemory | undefined> {
    this.assertOpen();
    const row = this.statements.get.get(userId, id) as MemoryRow | undefined;
    return row ? rowToMemory(row) : undefined;
  }

  async list(userId: string): Promise<StoredMemory[]> {
    this.assertOpen();
    return (this.statements.list.all(userId) as MemoryRow[]).map(rowToMemory);
  }

  async delete(userId: string, id: string): Promise<boolean> {
    this.assertOpen();
    return this.statements.delete.run(userId, id).changes === 1;
  }

  async updateVectors(userId: string, updates: readonly VectorUpdate[]): Promise<void> {
    this.assertOpen();
    const updateAll = this.db.transaction((items: readonly VectorUpdate[]) => {
      for (const update of items) {
        const { changes } = this.statements.updateVector.run({
          user_id: userId,
          id: update.id,
          vector: encodeVectorBlob(update.vector),
          dim: update.vector.length,
          embedder_hash: update.embedderHash,
        });
        // Throwing inside the transaction rolls back every update in it.
        if (changes !== 1) {
          throw new MemoryStoreError('UNKNOWN_MEMORY', `user ${userId} has no memory with id ${update.id}`);
        }
      }
    });
    updateAll(updates);
  }

  async count(userId: string): Promise<number> {
    this.assertOpen();
    return (this.statements.count.get(userId) as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new MemoryStoreError('CLOSED', 'SqliteMemoryPersistence is closed');
  }
}

function rowToMemory(row: MemoryRow): StoredMemory {
  return {
    id: row.id,
    userId: row.user_id,
    text: row.text,
    metadata: Object.freeze(JSON.parse(row.metadata) as MemoryMetadata),
    createdAt: row.created_at,
    embedderHash: row.embedder_hash,
    vector: decodeVectorBlob(row.vector, row.dim, `memory ${row.user_id}/${row.id}`),
  };
}
