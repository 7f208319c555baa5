import { tf } from '../tf';
import { type KernelArgs, type KernelConfig, overrideWasmKernel } from './wasm-kernel-overrides';

type TensorInfo = { dataId: object; shape: number[]; dtype: string };
type NumericArray = Float32Array | Int32Array | Uint8Array;

/** The parts of tfjs-backend-wasm's BackendWasm that a slice needs (not in its public typings). */
interface WasmBackendInternals {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): NumericArray;
}

/**
 * Copies x[begin : begin + size] into a new wasm tensor. The innermost run of
 * each copy is contiguous; outer axes are walked with an odometer.
 */
function sliceFromHeap(backend: WasmBackendInternals, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  // makeOutput may grow the wasm heap (detaching old views), so views are taken after it.
  const out = backend.makeOutput(size, x.dtype);
  const output = backend.typedArrayFromHeap(out);
  const input = backend.typedArrayFromHeap(x);
  const rank = x.shape.length;
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let axis = rank - 2; axis >= 0; axis -= 1) strides[axis] = strides[axis + 1] * x.shape[axis + 1];
  // Merge trailing axes taken whole into one contiguous run.
  let innerAxis = rank - 1;
  let run = size[innerAxis];
  while (innerAxis > 0 && size[innerAxis] === x.shape[innerAxis] && begin[innerAxis] === 0) {
    innerAxis -= 1;
    run *= size[innerAxis];
  }
  const index = begin.slice(0, innerAxis);
  let outputOffset = 0;
  const total = output.length;
  while (outputOffset < total) {
    let inputOffset = begin[innerAxis] * strides[innerAxis];
    for (let axis = 0; axis < innerAxis; axis += 1) inputOffset += index[axis] * strides[axis];
    output.set(input.subarray(inputOffset, inputOffset + run), outputOffset);
    outputOffset += run;
    for (let axis = innerAxis - 1; axis >= 0; axis -= 1) {
      index[axis] += 1;
      if (index[axis] < begin[axis] + size[axis]) break;
      index[axis] = begin[axis];
    }
  }
  return out;
}

function isSliceable(x: TensorInfo, size: readonly number[]): boolean {
  return x.dtype !== 'string' && x.dtype !== 'complex64' && size.every((extent) => extent > 0);
}

/**
 * tfjs-backend-wasm's Slice reads its input with `readSync`, which copies the
 * WHOLE input tensor out of the wasm heap on every call; Unpack and SplitV call
 * that Slice once per output. Unstacking a [256, 60, 256] tensor along time
 * therefore copied 60 x 15.7 MB (about 1.5 s) where 16 MB of copying suffices,
 * and every LSTM step's gate split paid for a full copy too. These replacements
 * slice straight from a heap view; strings and empty slices keep the original.
 */
export function sliceWasmTensorsInPlace(): void {
  overrideWasmKernel('Slice', (original) => (args: KernelArgs) => {
    const x = (args.inputs as unknown as { x: TensorInfo }).x;
    const attrs = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [begin, size] = tf.slice_util.parseSliceParams(x as unknown as tf.TensorInfo, attrs.begin, attrs.size);
    if (!isSliceable(x, size)) return original.kernelFunc(args);
    return sliceFromHeap(args.backend as unknown as WasmBackendInternals, x, begin, size) as unknown as ReturnType<KernelConfig['kernelFunc']>;
  });
  overrideWasmKernel('Unpack', (original) => (args: KernelArgs) => {
    const value = (args.inputs as unknown as { value: TensorInfo }).value;
    const rank = value.shape.length;
    const axis = ((args.attrs as unknown as { axis: number }).axis + rank) % rank;
    const size = value.shape.slice();
    size[axis] = 1;
    if (!isSliceable(value, size)) return original.kernelFunc(args);
    const outShape = value.shape.filter((_, i) => i !== axis);
    const backend = args.backend as unknown as WasmBackendInternals;
    return Array.from({ length: value.shape[axis] }, (_, position) => {
      const begin = new Array<number>(rank).fill(0);
      begin[axis] = position;
      const piece = sliceFromHeap(backend, value, begin, size);
      return { dataId: piece.dataId, dtype: piece.dtype, shape: outShape };
    }) as unknown as ReturnType<KernelConfig['kernelFunc']>;
  });
  overrideWasmKernel('SplitV', (original) => (args: KernelArgs) => {
    const x = (args.inputs as unknown as { x: TensorInfo }).x;
    const attrs = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number | number[] };
    const [axis] = tf.util.parseAxisParam(attrs.axis, x.shape);
    const splitSizes = tf.backend_util.prepareSplitSize(x as unknown as tf.Tensor, attrs.numOrSizeSplits, axis);
    if (x.dtype === 'string' || splitSizes.some((extent) => extent <= 0)) return original.kernelFunc(args);
    const backend = args.backend as unknown as WasmBackendInternals;
    const begin = new Array<number>(x.shape.length).fill(0);
    return splitSizes.map((extent) => {
      const size = x.shape.slice();
      size[axis] = extent;
      const piece = sliceFromHeap(backend, x, begin.slice(), size);
      begin[axis] += extent;
      return piece;
    }) as unknown as ReturnType<KernelConfig['kernelFunc']>;
  });
}
