// A jest environment for tests that run onnxruntime-node (transformers.js).
// The native addon creates its output typed arrays in Node's main realm, while
// jest runs each test file in its own realm with its own Float32Array; then
// onnxruntime-common's `data instanceof Float32Array` check fails ("A float32
// tensor's data must be type of function Float32Array()"). Sharing the main
// realm's typed-array constructors with the test realm makes both sides agree.
// Use it with a docblock at the top of a spec file:
//   /** @jest-environment ./src/transformers/onnxruntime.jest-environment.js */
// (the path is relative to the jest rootDir).
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxRuntimeEnvironment;
