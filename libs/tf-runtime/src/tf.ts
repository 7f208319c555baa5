/**
 * The workspace's one TensorFlow.js. Every tfjs user imports `tf` from
 * `@tethys/tf-runtime` rather than from `@tensorflow/tfjs` directly, so there
 * is one engine, one kernel registry and one place that picks the backend.
 *
 * Importing the wasm backend here only registers it (tfjs initialises a
 * backend lazily); `initTf` decides which backend actually runs.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export { tf };
