import onnxProto from 'onnx-proto';
import { float32LittleEndian, type StaticEmbeddingModel } from '../student/static-model';
import { FIRST_WORD_ID } from '../student/wordpiece-tokenizer';
import { float32ToFloat16Bits } from './float16';

const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;

export interface StaticOnnxGraphOptions {
  /** Store the table as float16 (half the file) and Cast rows to float32 after the lookup. Default false. */
  readonly fp16?: boolean;
  /** Also output the token rows `last_hidden_state` [batch, seq, dim] (what transformers.js' feature-extraction pipeline reads). Default true. */
  readonly includeHiddenState?: boolean;
  /** Recorded in the model's producer fields. */
  readonly producerVersion?: string;
}

/** Names of the graph's inputs and outputs. */
export const ONNX_INPUTS = { inputIds: 'input_ids', attentionMask: 'attention_mask' } as const;
export const ONNX_OUTPUTS = { sentenceEmbedding: 'sentence_embedding', lastHiddenState: 'last_hidden_state' } as const;

/**
 * The static student as an ONNX model (IR 8, opset 13), with pooling inside the graph:
 * rows = Gather(table, input_ids); weight = attention_mask * (input_ids >= first word id);
 * mean = sum(rows * weight) / max(sum(weight), 1); sentence_embedding = mean / max(||mean||, 1e-12).
 * Special tokens ([PAD], [UNK]) are masked exactly as StaticEmbedder skips them.
 */
export function staticModelToOnnx(model: StaticEmbeddingModel, options: StaticOnnxGraphOptions = {}): Uint8Array {
  const fp16 = options.fp16 ?? false;
  const includeHidden = options.includeHiddenState ?? true;
  const { dim, vocabSize } = model;
  const rowsName = fp16 ? 'token_rows_fp16' : ONNX_OUTPUTS.lastHiddenState;

  const initializers = [
    fp16
      ? tensor('embedding_table', DataType.FLOAT16, [vocabSize, dim], float16Bytes(model.table))
      : tensor('embedding_table', DataType.FLOAT, [vocabSize, dim], float32LittleEndian(model.table)),
    tensor('last_special_id', DataType.INT64, [], int64Bytes([FIRST_WORD_ID - 1])),
    tensor('sequence_axis', DataType.INT64, [1], int64Bytes([1])),
    tensor('feature_axis', DataType.INT64, [1], int64Bytes([2])),
    tensor('one', DataType.FLOAT, [], float32LittleEndian(Float32Array.of(1))),
    tensor('norm_floor', DataType.FLOAT, [], float32LittleEndian(Float32Array.of(1e-12))),
  ];
  const nodes = [
    node('Gather', ['embedding_table', ONNX_INPUTS.inputIds], [rowsName], [intAttribute('axis', 0)]),
    ...(fp16 ? [node('Cast', [rowsName], [ONNX_OUTPUTS.lastHiddenState], [intAttribute('to', DataType.FLOAT)])] : []),
    node('Greater', [ONNX_INPUTS.inputIds, 'last_special_id'], ['is_word_token']),
    node('Cast', ['is_word_token'], ['is_word_token_i64'], [intAttribute('to', DataType.INT64)]),
    node('Mul', [ONNX_INPUTS.attentionMask, 'is_word_token_i64'], ['token_weight_i64']),
    node('Cast', ['token_weight_i64'], ['token_weight'], [intAttribute('to', DataType.FLOAT)]),
    node('Unsqueeze', ['token_weight', 'feature_axis'], ['token_weight_3d']),
    node('Mul', [ONNX_OUTPUTS.lastHiddenState, 'token_weight_3d'], ['weighted_rows']),
    node('ReduceSum', ['weighted_rows', 'sequence_axis'], ['row_sum'], [intAttribute('keepdims', 0)]),
    node('ReduceSum', ['token_weight', 'sequence_axis'], ['token_count'], [intAttribute('keepdims', 1)]),
    node('Max', ['token_count', 'one'], ['safe_token_count']),
    node('Div', ['row_sum', 'safe_token_count'], ['mean_row']),
    node('ReduceL2', ['mean_row'], ['mean_norm'], [intsAttribute('axes', [1]), intAttribute('keepdims', 1)]),
    node('Max', ['mean_norm', 'norm_floor'], ['safe_norm']),
    node('Div', ['mean_row', 'safe_norm'], [ONNX_OUTPUTS.sentenceEmbedding]),
  ];
  const graph = onnx.GraphProto.create({
    name: 'static_token_embeddings',
    node: nodes,
    initializer: initializers,
    input: [
      valueInfo(ONNX_INPUTS.inputIds, DataType.INT64, ['batch', 'sequence']),
      valueInfo(ONNX_INPUTS.attentionMask, DataType.INT64, ['batch', 'sequence']),
    ],
    output: [
      valueInfo(ONNX_OUTPUTS.sentenceEmbedding, DataType.FLOAT, ['batch', dim]),
      ...(includeHidden ? [valueInfo(ONNX_OUTPUTS.lastHiddenState, DataType.FLOAT, ['batch', 'sequence', dim])] : []),
    ],
  });
  const modelProto = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: '@tethys/embeddings',
    producerVersion: options.producerVersion ?? '1',
    graph,
  });
  return onnx.ModelProto.encode(modelProto).finish();
}

function tensor(name: string, dataType: number, dims: number[], rawData: Uint8Array): onnxProto.onnx.ITensorProto {
  return { name, dataType, dims, rawData };
}

function node(opType: string, input: string[], output: string[], attribute: onnxProto.onnx.IAttributeProto[] = []): onnxProto.onnx.INodeProto {
  return { opType, input, output, attribute, name: `${opType}_${output[0]}` };
}

function intAttribute(name: string, value: number): onnxProto.onnx.IAttributeProto {
  return { name, type: AttributeType.INT, i: value };
}

function intsAttribute(name: string, values: number[]): onnxProto.onnx.IAttributeProto {
  return { name, type: AttributeType.INTS, ints: values };
}

function valueInfo(name: string, elemType: number, shape: (string | number)[]): onnxProto.onnx.IValueInfoProto {
  const dim = shape.map((size) => (typeof size === 'string' ? { dimParam: size } : { dimValue: size }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function float16Bytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setUint16(i * 2, float32ToFloat16Bits(value), true));
  return bytes;
}

function int64Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true));
  return bytes;
}
