import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddingError } from '../embedding-error';
import { StaticEmbeddingModel } from './static-model';
import { loadStaticModel, saveStaticModel, STATIC_MODEL_FILES } from './static-model-files';

describe('saveStaticModel / loadStaticModel', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'static-model-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const model = new StaticEmbeddingModel(['[PAD]', '[UNK]', 'oil', '##s', 'ü'], 3, Float32Array.from({ length: 15 }, (_, i) => Math.fround(i * 0.1 - 0.7)));

  it('round-trips the vocabulary and the table bit for bit', () => {
    expect(saveStaticModel(model, dir).sort()).toEqual(Object.values(STATIC_MODEL_FILES).sort());
    const loaded = loadStaticModel(dir);
    expect(loaded.vocab).toEqual(model.vocab);
    expect(loaded.dim).toBe(3);
    expect(Buffer.from(loaded.table.buffer)).toEqual(Buffer.from(model.table.buffer));
    expect(loaded.identityHash).toBe(model.identityHash);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]); // no temp files left
  });

  it('refuses a changed table, a missing file or a bad header, naming the file', () => {
    saveStaticModel(model, dir);
    writeFileSync(join(dir, STATIC_MODEL_FILES.table), new Uint8Array(60));
    expect(() => loadStaticModel(dir)).toThrow(`${join(dir, STATIC_MODEL_FILES.table)} does not match the sha256`);
    rmSync(join(dir, STATIC_MODEL_FILES.vocab));
    expect(() => loadStaticModel(dir)).toThrow(`${join(dir, STATIC_MODEL_FILES.vocab)} is missing`);
    writeFileSync(join(dir, STATIC_MODEL_FILES.header), '{"format":"other"}');
    expect(() => loadStaticModel(dir)).toThrow(EmbeddingError);
    expect(() => loadStaticModel(dir)).toThrow('is not a tethys-static-embedding v1 header');
  });
});
