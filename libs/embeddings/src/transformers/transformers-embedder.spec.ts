/** @jest-environment ./src/transformers/onnxruntime.jest-environment.js */
import { AutoTokenizer, env } from '@huggingface/transformers';
import onnxProto from 'onnx-proto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddingError } from '../embedding-error';
import { HashingEmbedder } from '../hashing';
import { exportStaticModelToOnnx } from '../onnx/export-static-model';
import { roundTableToFloat16 } from '../onnx/float16';
import { buildWordPieceVocab } from '../student/build-vocab';
import { distillStaticEmbedder } from '../student/distill';
import { nasdaqDescriptions, reutersSentences, reutersStories } from '../student/real-text.fixture';
import { StaticEmbedder } from '../student/static-embedder';
import type { StaticEmbeddingModel } from '../student/static-model';
import { WordPieceTokenizer } from '../student/wordpiece-tokenizer';
import { TransformersEmbedder } from './transformers-embedder';

const { onnx } = onnxProto;

function maxAbsDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  expect(a).toHaveLength(b.length);
  let worst = 0;
  a.forEach((row, i) => row.forEach((value, d) => (worst = Math.max(worst, Math.abs(value - b[i][d])))));
  return worst;
}

describe('TransformersEmbedder on an exported student', () => {
  let root: string;
  let model: StaticEmbeddingModel;
  const sentences = [...reutersSentences().slice(0, 120), ...nasdaqDescriptions().slice(0, 80)];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'transformers-embedder-'));
    const vocab = buildWordPieceVocab(sentences, { size: 600, minFrequency: 2 });
    const distilled = await distillStaticEmbedder({
      teacher: new HashingEmbedder({ dim: 64 }),
      corpus: sentences,
      vocab,
      dim: 24,
      seed: 1,
      epochs: 1,
      tfOptions: { backend: 'wasm', log: () => undefined },
    });
    model = distilled.model;
    exportStaticModelToOnnx(model, join(root, 'student'));
    exportStaticModelToOnnx(model, join(root, 'student-fp16'), { fp16: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the same vectors as StaticEmbedder (to 1e-5) on real sentences, in padded batches', async () => {
    const served = await TransformersEmbedder.load(join(root, 'student'), { batchSize: 16 });
    expect(served.dim).toBe(24);
    expect(served.name).toBe('student');
    const texts = [...sentences.slice(0, 60), ...sentences.slice(-40), 'Café Société [UNK] naïve €5 株式会社 stake'];
    const expected = await new StaticEmbedder(model).embed(texts);
    expect(maxAbsDifference(await served.embed(texts), expected)).toBeLessThan(1e-5);
    await served.dispose();
  });

  it('serves an fp16-stored model as the half-rounded table', async () => {
    const served = await TransformersEmbedder.load(join(root, 'student-fp16'));
    const texts = sentences.slice(0, 30);
    const rounded = new StaticEmbedder(model.withTable(roundTableToFloat16(model.table)));
    expect(maxAbsDifference(await served.embed(texts), await rounded.embed(texts))).toBeLessThan(1e-5);
    await served.dispose();
  });

  it('tokenises exactly as WordPieceTokenizer does on all Reuters and NASDAQ texts', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = `${root}/`;
    const reference = await AutoTokenizer.from_pretrained('student', { local_files_only: true });
    const ours = new WordPieceTokenizer(model.vocab);
    const texts = [
      ...reutersStories().map((story) => `${story.heading}\n${story.text}`),
      ...nasdaqDescriptions(),
      'Café NAÏVE\u0000\tÜber-straße [PAD]x[UNK] 株式会社 ΣΊΣΥΦΟΣ «quoted» ½ \u200b',
    ];
    const mismatches = texts.filter((text) => {
      const theirs = reference.encode(text, { add_special_tokens: false });
      return JSON.stringify(theirs) !== JSON.stringify(Array.from(ours.encode(text)));
    });
    expect(mismatches).toEqual([]);
  });

  it('refuses empty texts and texts with no known token, naming the position', async () => {
    const served = await TransformersEmbedder.load(join(root, 'student'));
    await expect(served.embed(['stake', ' '])).rejects.toThrow('text at position 1 is empty');
    await expect(served.embed(['stake', '€€ ½'])).rejects.toThrow(EmbeddingError);
    await expect(served.embed(['stake', '€€ ½'])).rejects.toThrow('text at position 1 embeds to a zero vector');
    await served.dispose();
  });

  it('hashes the folder: the same files give the same identity, a changed file another', async () => {
    const copy = join(root, 'student-copy');
    cpSync(join(root, 'student'), copy, { recursive: true });
    const first = await TransformersEmbedder.load(join(root, 'student'));
    const same = await TransformersEmbedder.load(copy);
    expect(same.identityHash).toBe(first.identityHash);
    writeFileSync(join(copy, 'tokenizer_config.json'), '{"pad_token":"[PAD]","model_max_length":512}');
    const changed = await TransformersEmbedder.load(copy);
    expect(changed.identityHash).not.toBe(first.identityHash);
    await Promise.all([first.dispose(), same.dispose(), changed.dispose()]);
  });

  it('refuses a missing or malformed folder with an error naming the file', async () => {
    const broken = (name: string, damage: (dir: string) => void): string => {
      const dir = join(root, name);
      cpSync(join(root, 'student'), dir, { recursive: true });
      damage(dir);
      return dir;
    };
    await expect(TransformersEmbedder.load(join(root, 'nowhere'))).rejects.toThrow(`model folder ${join(root, 'nowhere')} does not exist`);
    const noConfig = broken('no-config', (dir) => rmSync(join(dir, 'config.json')));
    await expect(TransformersEmbedder.load(noConfig)).rejects.toThrow(`${join(noConfig, 'config.json')} is missing`);
    const badTokenizer = broken('bad-tokenizer', (dir) => writeFileSync(join(dir, 'tokenizer.json'), '{"model": '));
    await expect(TransformersEmbedder.load(badTokenizer)).rejects.toThrow(`${join(badTokenizer, 'tokenizer.json')} is not valid JSON`);
    const noModel = broken('no-tokenizer-model', (dir) => writeFileSync(join(dir, 'tokenizer.json'), '{"version":"1.0"}'));
    await expect(TransformersEmbedder.load(noModel)).rejects.toThrow('has no tokenizer model');
    const noOnnx = broken('no-onnx', (dir) => rmSync(join(dir, 'onnx/model.onnx')));
    await expect(TransformersEmbedder.load(noOnnx)).rejects.toThrow(`${join(noOnnx, 'onnx/model.onnx')} is missing or empty`);
    await expect(TransformersEmbedder.load(noOnnx)).rejects.toBeInstanceOf(EmbeddingError);
  });

  it('mean-pools last_hidden_state over the attention mask when the model has no sentence_embedding', async () => {
    // A bare lookup graph: last_hidden_state = Gather(table, input_ids); no pooling inside.
    const dir = join(root, 'lookup-only');
    cpSync(join(root, 'student'), dir, { recursive: true });
    const { dim, vocabSize, table } = model;
    const graph = onnx.GraphProto.create({
      name: 'lookup',
      node: [{ opType: 'Gather', input: ['table', 'input_ids'], output: ['last_hidden_state'] }],
      initializer: [{ name: 'table', dataType: onnx.TensorProto.DataType.FLOAT, dims: [vocabSize, dim], floatData: Array.from(table) }],
      input: ['input_ids', 'attention_mask'].map((name) => ({
        name,
        type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
      })),
      output: [{ name: 'last_hidden_state', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: dim }] } } } }],
    });
    const bytes = onnx.ModelProto.encode({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph }).finish();
    writeFileSync(join(dir, 'onnx/model.onnx'), bytes);
    const served = await TransformersEmbedder.load(dir);
    const texts = ['Oil prices rose €', 'stake'];
    // By hand: every attended token counts, [UNK] (the € sign) included, then L2-normalise.
    const expected = texts.map((text) => {
      const ids = model.tokenizer.encode(text);
      const mean = new Float32Array(dim);
      for (const id of ids) for (let d = 0; d < dim; d += 1) mean[d] += table[id * dim + d] / ids.length;
      const length = Math.hypot(...mean);
      return mean.map((value) => value / length);
    });
    expect(maxAbsDifference(await served.embed(texts), expected)).toBeLessThan(1e-5);
    await served.dispose();
  });
});
