import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TfBackendError } from './backend-error';
import { activateWasm, wasmBinaryFolder } from './wasm-backend';

// Point the wasm backend somewhere without binaries: tf.setBackend then answers false instead of throwing.
jest.mock('@tensorflow/tfjs-backend-wasm', () => {
  const actual = jest.requireActual('@tensorflow/tfjs-backend-wasm');
  return { ...actual, setWasmPaths: () => actual.setWasmPaths('/nonexistent-wasm-folder/') };
});

describe('the wasm backend', () => {
  it('finds its binaries in the package dist folder', () => {
    const folder = wasmBinaryFolder();
    expect(folder.endsWith('/@tensorflow/tfjs-backend-wasm/dist/')).toBe(true);
    expect(existsSync(join(folder, 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });

  it('turns a failed tf.setBackend into a TfBackendError naming the folder', async () => {
    const quiet = [jest.spyOn(console, 'warn'), jest.spyOn(console, 'error'), jest.spyOn(console, 'log')].map((spy) =>
      spy.mockImplementation(() => undefined),
    );
    try {
      const attempt = activateWasm();
      await expect(attempt).rejects.toThrow(TfBackendError);
      await expect(activateWasm()).rejects.toThrow(/tf\.setBackend\('wasm'\) failed: the wasm binaries could not be loaded from \//);
    } finally {
      quiet.forEach((spy) => spy.mockRestore());
    }
  });
});
