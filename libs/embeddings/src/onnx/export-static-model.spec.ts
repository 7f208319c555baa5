import onnxProto from 'onnx-proto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaticEmbeddingModel } from '../student/static-model';
import { exportStaticModelToOnnx, TRANSFORMERS_MODEL_FILES } from './export-static-model';

const { onnx } = onnxProto;

describe('exportStaticModelToOnnx', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onnx-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const vocab = ['[PAD]', '[UNK]', ...Array.from({ length: 398 }, (_, i) => `w${i}`)];
  const model = new StaticEmbeddingModel(vocab, 32, Float32Array.from({ length: 400 * 32 }, (_, i) => Math.sin(i)));

  it('writes config, tokenizer files and an IR 8 / opset 13 graph with the expected inputs and outputs', () => {
    const result = exportStaticModelToOnnx(model, dir);
    for (const file of Object.values(TRANSFORMERS_MODEL_FILES)) expect(existsSync(join(dir, file))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config.model_type).toBe('bert');
    expect(config.hidden_size).toBe(32);
    expect(config.tethys_static_embedding.identity_hash).toBe(model.identityHash);
    const tokenizer = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.normalizer.type).toBe('BertNormalizer');
    expect(tokenizer.pre_tokenizer.type).toBe('BertPreTokenizer');
    expect(tokenizer.post_processor).toBeNull();
    expect(tokenizer.model.vocab.w7).toBe(9);
    expect(JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')).pad_token).toBe('[PAD]');

    const proto = onnx.ModelProto.decode(readFileSync(join(dir, 'onnx/model.onnx')));
    expect(Number(proto.irVersion)).toBe(8);
    expect(Number(proto.opsetImport[0].version)).toBe(13);
    const graph = proto.graph as onnxProto.onnx.GraphProto;
    expect(graph.input.map((input) => input.name)).toEqual(['input_ids', 'attention_mask']);
    expect(graph.input.every((input) => input.type?.tensorType?.elemType === onnx.TensorProto.DataType.INT64)).toBe(true);
    expect(graph.output.map((output) => output.name)).toEqual(['sentence_embedding', 'last_hidden_state']);
    const table = graph.initializer.find((tensor) => tensor.name === 'embedding_table')!;
    expect((table.dims ?? []).map(Number)).toEqual([400, 32]);
    expect(table.dataType).toBe(onnx.TensorProto.DataType.FLOAT);
    expect(result.onnxBytes).toBeGreaterThan(400 * 32 * 4);
  });

  it('stores the table as float16 with a Cast when asked, halving the file', () => {
    const full = exportStaticModelToOnnx(model, join(dir, 'fp32'));
    const half = exportStaticModelToOnnx(model, join(dir, 'fp16'), { fp16: true, includeHiddenState: false });
    expect(half.onnxBytes).toBeLessThan(full.onnxBytes * 0.55);
    const graph = onnx.ModelProto.decode(readFileSync(join(dir, 'fp16/onnx/model.onnx'))).graph as onnxProto.onnx.GraphProto;
    expect(graph.initializer.find((tensor) => tensor.name === 'embedding_table')!.dataType).toBe(onnx.TensorProto.DataType.FLOAT16);
    expect(graph.node.some((node) => node.opType === 'Cast' && node.output?.[0] === 'last_hidden_state')).toBe(true);
    expect(graph.output.map((output) => output.name)).toEqual(['sentence_embedding']);
  });
});
