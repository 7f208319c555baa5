import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactError } from '@tethys/artifacts';
import { createRng } from '@tethys/data';
import { SPECIAL_TOKENS, StaticEmbedder, StaticEmbeddingModel } from '@tethys/embeddings';
import { loadStudentEmbedder, writeStudentArtifact } from './student-artifact';

describe('the student artifact', () => {
  let dir: string;
  const vocab = [...SPECIAL_TOKENS, 'oil', 'bank', 'price', 'merger', '##s', 'crude'];
  const rng = createRng(3);
  const table = Float32Array.from({ length: vocab.length * 8 }, (_, i) => (i < SPECIAL_TOKENS.length * 8 ? 0 : rng.normal()));
  const model = new StaticEmbeddingModel(vocab, 8, table);
  const write = () =>
    writeStudentArtifact({
      dir: path.join(dir, 'embedder_student'),
      model,
      fp16: false,
      seed: 1,
      params: { note: 'test' },
      inputs: [],
      metrics: {},
      producer: { package: 'test', version: '0' },
    });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'student-artifact-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the static model and a transformers.js folder under one manifest, and reloads to the same vectors', async () => {
    const manifest = write();
    const paths = manifest.outputs.map((output) => output.path);
    expect(paths).toEqual(expect.arrayContaining(['static_model.json', 'vocab.txt', 'table.f32', 'transformers/tokenizer.json', 'transformers/onnx/model.onnx']));
    const loaded = loadStudentEmbedder(path.join(dir, 'embedder_student'));
    expect(loaded.identityHash).toBe(model.identityHash);
    const texts = ['crude oil prices', 'bank mergers'];
    const [a, b] = await loaded.embed(texts);
    const original = await new StaticEmbedder(model).embed(texts);
    expect(Array.from(a)).toEqual(Array.from(original[0]));
    expect(Array.from(b)).toEqual(Array.from(original[1]));
  });

  it('is written byte for byte the same twice, and refuses a tampered table', () => {
    const first = write();
    const second = write();
    expect(second.outputs).toEqual(first.outputs);
    writeFileSync(path.join(dir, 'embedder_student', 'table.f32'), new Uint8Array(vocab.length * 8 * 4));
    expect(() => loadStudentEmbedder(path.join(dir, 'embedder_student'))).toThrow(ArtifactError);
  });
});
