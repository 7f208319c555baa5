import { tf } from '../tf';

export type KernelConfig = ReturnType<typeof tf.getKernel> & object;
export type KernelArgs = Parameters<KernelConfig['kernelFunc']>[0];
export type KernelResult = ReturnType<KernelConfig['kernelFunc']>;

interface Override {
  original: KernelConfig;
  replacement: KernelConfig;
}

const overrides = new Map<string, Override>();
let usingStock = false;

function install(kernelName: string, config: KernelConfig): void {
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel(config);
}

/**
 * Replaces a tfjs-backend-wasm kernel with `makeKernelFunc(original)`, once per
 * process; the original stays available (for falling back, and for
 * `useStockWasmKernels`). A kernel the backend does not have is left alone.
 */
export function overrideWasmKernel(kernelName: string, makeKernelFunc: (original: KernelConfig) => KernelConfig['kernelFunc']): void {
  if (overrides.has(kernelName)) return;
  const original = tf.getKernel(kernelName, 'wasm');
  if (!original) return;
  const replacement: KernelConfig = { ...original, kernelFunc: makeKernelFunc(original) };
  overrides.set(kernelName, { original, replacement });
  if (!usingStock) install(kernelName, replacement);
}

/**
 * Switches between tfjs's own wasm kernels (true) and this runtime's fixes
 * (false, the default). For benchmarks that measure what the fixes buy in the
 * same process; production code never needs it.
 */
export function useStockWasmKernels(stock: boolean): void {
  if (stock === usingStock) return;
  usingStock = stock;
  for (const [kernelName, { original, replacement }] of overrides) install(kernelName, stock ? original : replacement);
}
