export { float16BitsToFloat32, float32ToFloat16Bits, roundTableToFloat16 } from './float16';
export { ONNX_INPUTS, ONNX_OUTPUTS, staticModelToOnnx, type StaticOnnxGraphOptions } from './static-onnx-graph';
export { wordPieceTokenizerConfig, wordPieceTokenizerJson } from './tokenizer-files';
export {
  TRANSFORMERS_MODEL_FILES,
  exportStaticModelToOnnx,
  type ExportStaticModelOptions,
  type ExportedOnnxModel,
} from './export-static-model';
