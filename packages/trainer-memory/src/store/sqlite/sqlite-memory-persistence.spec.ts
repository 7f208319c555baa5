import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeMemoryPersistenceContract } from '../../testing/memory-persistence-contract';
import { SQLITE_SCHEMA_VERSION, SqliteMemoryPersistence } from './sqlite-memory-persistence';

describeMemoryPersistenceContract('sqlite :memory:', async () => ({ persistence: new SqliteMemoryPersistence({ path: ':memory:' }) }), {
  serverSearch: false,
});

describeMemoryPersistenceContract(
  'sqlite file',
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tethys-memory-'));
    return {
      persistence: new SqliteMemoryPersistence({ path: path.join(dir, 'memories.db') }),
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { serverSearch: false },
);

describe('SqliteMemoryPersistence on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tethys-memory-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses WAL, records the schema version, and keeps data across reopen as little-endian float32 blobs', async () => {
    const file = path.join(dir, 'm.db');
    const first = new SqliteMemoryPersistence({ path: file });
    const vector = Float32Array.from([0.5, -0.25, 1 / 3]);
    await first.insert('u1', [{ id: 'a', userId: 'u1', text: 't', metadata: {}, createdAt: 5, embedderHash: 'h', vector }]);
    await first.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SQLITE_SCHEMA_VERSION }]);
    const blob = (raw.prepare('SELECT vector FROM memories').get() as { vector: Buffer }).vector;
    raw.close();
    expect(blob.length).toBe(12);
    expect(blob.readFloatLE(4)).toBe(-0.25);

    const reopened = new SqliteMemoryPersistence({ path: file });
    expect(Array.from((await reopened.get('u1', 'a'))?.vector ?? [])).toEqual(Array.from(vector));
    await reopened.close();
  });

  it('refuses a database written with another schema version', async () => {
    const file = path.join(dir, 'old.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);');
    raw.close();
    expect(() => new SqliteMemoryPersistence({ path: file })).toThrow(expect.objectContaining({ code: 'SCHEMA_MISMATCH' }));
  });

  it('refuses an empty path', () => {
    expect(() => new SqliteMemoryPersistence({ path: '' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
