import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { describeCause, TfBackendError } from './backend-error';
import { sliceWasmTensorsInPlace } from './wasm-heap-slice';
import { routeTransposedMatMulsThroughXnnpack } from './wasm-transposed-matmul';

const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
/** The binary tfjs picks in Node 20 (SIMD on, threads off); its presence proves the folder is right. */
const PROBE_BINARY = 'tfjs-backend-wasm-simd.wasm';

let wasmPathsSet = false;

/**
 * The folder that holds the package's .wasm binaries: they ship in `dist/`,
 * next to the file `require.resolve` finds (the package `main` is
 * `dist/tf-backend-wasm.node.js`). A trailing slash, because tfjs appends
 * the file name to this prefix.
 */
export function wasmBinaryFolder(): string {
  return `${dirname(createRequire(__filename).resolve(WASM_PACKAGE))}/`;
}

/**
 * Switches tfjs to the wasm backend. tf.setBackend answers false (it does not
 * throw) when the .wasm file cannot be loaded, so the answer is checked and
 * turned into a TfBackendError naming the folder.
 */
export async function activateWasm(): Promise<void> {
  const folder = wasmBinaryFolder();
  if (!wasmPathsSet) {
    if (!existsSync(join(folder, PROBE_BINARY))) {
      throw new TfBackendError('wasm', `the wasm backend's binary ${PROBE_BINARY} is not in ${folder}; reinstall ${WASM_PACKAGE}`, {
        packages: [WASM_PACKAGE],
      });
    }
    try {
      // Must happen before the backend first initialises; later calls would be ignored or throw.
      setWasmPaths(folder);
    } catch (cause) {
      throw new TfBackendError('wasm', `could not point the wasm backend at ${folder}: ${describeCause(cause)}`, {
        packages: [WASM_PACKAGE],
        cause,
      });
    }
    wasmPathsSet = true;
  }
  const switched = await tf.setBackend('wasm');
  if (!switched) {
    throw new TfBackendError('wasm', `tf.setBackend('wasm') failed: the wasm binaries could not be loaded from ${folder}`, {
      packages: [WASM_PACKAGE],
    });
  }
  routeTransposedMatMulsThroughXnnpack();
  sliceWasmTensorsInPlace();
}
