import { tf } from '../tf';
import { activateWasm } from './wasm-backend';
import { useStockWasmKernels } from './wasm-kernel-overrides';

describe('useStockWasmKernels', () => {
  beforeAll(async () => {
    await activateWasm();
  });
  afterEach(() => useStockWasmKernels(false));

  it("swaps tfjs's own kernels in and the fixes back, with the same results either way", () => {
    const fixed = ['Slice', 'Unpack', 'SplitV', 'BatchMatMul', '_FusedMatMul'].map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    const product = () =>
      tf.tidy(() => {
        const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
        return [Array.from(tf.matMul(a, a, true, false).dataSync()), tf.unstack(tf.reshape(a, [1, 3, 2]), 1).map((t) => Array.from(t.dataSync()))];
      });
    const withFixes = product();
    useStockWasmKernels(true);
    const stock = ['Slice', 'Unpack', 'SplitV', 'BatchMatMul', '_FusedMatMul'].map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    stock.forEach((kernelFunc, i) => expect(kernelFunc).not.toBe(fixed[i]));
    expect(product()).toEqual(withFixes);
    useStockWasmKernels(false);
    ['Slice', 'Unpack', 'SplitV', 'BatchMatMul', '_FusedMatMul'].forEach((name, i) => expect(tf.getKernel(name, 'wasm')?.kernelFunc).toBe(fixed[i]));
  });
});
