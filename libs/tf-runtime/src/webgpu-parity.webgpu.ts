/**
 * WebGPU parity: the same seeded models, forward pass and one training step,
 * on wasm and on webgpu, compared to 1e-4. Runs without a GPU on Dawn's
 * software OpenGL ES adapter (Mesa), unless TETHYS_WEBGPU_ADAPTER says
 * otherwise. Its own jest config (jest.webgpu.config.js) sets EGL_PLATFORM
 * and it runs in band: `nx run tf-runtime:test-webgpu`.
 */
import type { ActivatedBackend } from './backend/activate-backend';
import { forgetTfRuntimeForTests, initTf, releaseWebGpu } from './backend/init-tf';
import { maxAbsDifference, runOnBackends } from './parity/run-on-backends';
import { fixedInputs, readWeightValues, smallDenseModel, smallLstmModel } from './testing/small-models.fixture';
import { tf } from './tf';

const TOLERANCE = 1e-4;
const env = { ...process.env, TETHYS_WEBGPU_ADAPTER: process.env.TETHYS_WEBGPU_ADAPTER || 'software' };
const measured: string[] = [];

interface StepOutputs {
  ranOn: string;
  before: Float32Array;
  loss: number;
  after: Float32Array;
  weights: Float32Array[];
}

/** A forward pass, one SGD step (trainOnBatch: forward, gradients, update) and a forward pass again. */
function forwardAndOneStep(buildModel: () => tf.Sequential, x: () => tf.Tensor, y: () => tf.Tensor) {
  return async (backend: ActivatedBackend): Promise<StepOutputs> => {
    const model = buildModel();
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const [inputs, targets] = [x(), y()];
    try {
      // `await data()`: webgpu cannot read synchronously in Node (dataSync needs an OffscreenCanvas).
      const before = (await (model.predict(inputs) as tf.Tensor).data()) as Float32Array;
      const loss = (await model.trainOnBatch(inputs, targets)) as number;
      const after = (await (model.predict(inputs) as tf.Tensor).data()) as Float32Array;
      return { ranOn: `${backend.backend}/${tf.getBackend()}`, before, loss, after, weights: await readWeightValues(model) };
    } finally {
      tf.dispose([inputs, targets]);
      model.dispose();
    }
  };
}

/** The largest difference over everything the step produced. */
function largestDifference(a: StepOutputs, b: StepOutputs): number {
  const weights = a.weights.map((w, i) => maxAbsDifference(w, b.weights[i]));
  return Math.max(maxAbsDifference(a.before, b.before), Math.abs(a.loss - b.loss), maxAbsDifference(a.after, b.after), ...weights);
}

async function expectParity(label: string, step: (backend: ActivatedBackend) => Promise<StepOutputs>): Promise<void> {
  const started = Date.now();
  const runs = await runOnBackends(step, ['wasm', 'webgpu'], { env });
  expect(runs.unavailable).toEqual({});
  const wasm = runs.outputs.wasm as StepOutputs;
  const webgpu = runs.outputs.webgpu as StepOutputs;
  expect([wasm.ranOn, webgpu.ranOn]).toEqual(['wasm/wasm', 'webgpu/webgpu']);
  // The step changed the model, so the comparison is not between two untouched models.
  expect(maxAbsDifference(wasm.before, wasm.after)).toBeGreaterThan(1e-4);
  const difference = largestDifference(wasm, webgpu);
  measured.push(`${label}: max |wasm - webgpu| = ${difference.toExponential(2)} (${Date.now() - started} ms)`);
  expect(difference).toBeLessThan(TOLERANCE);
}

afterAll(async () => {
  forgetTfRuntimeForTests();
  await releaseWebGpu();
  console.log(measured.join('\n'));
});

describe('webgpu parity with wasm', () => {
  it('initTf activates webgpu on the requested adapter and logs one line naming it', async () => {
    const lines: string[] = [];
    const runtime = await initTf({ backend: 'webgpu', env, log: (line) => lines.push(line) });
    expect(runtime).toMatchObject({ backend: 'webgpu', tfBackendName: 'webgpu' });
    expect(lines).toHaveLength(1);
    if (env.TETHYS_WEBGPU_ADAPTER === 'software') {
      expect(runtime.usesGpu).toBe(false);
      expect(lines[0]).toMatch(/^tfjs backend: webgpu \(requested by the backend option; software OpenGL ES adapter: .+\)$/);
    }
    measured.push(lines[0]);
    const product = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2]));
    expect(Array.from(await product.data())).toEqual([19, 22, 43, 50]);
    tf.dispose(product);
  }, 60_000);

  it('gives the same dense forward pass and SGD step', async () => {
    const step = forwardAndOneStep(
      () => smallDenseModel(2024),
      () => tf.tensor2d(fixedInputs(8, 3)),
      () => tf.tensor2d(fixedInputs(8, 2).map((row) => row.map((v) => v * 0.5))),
    );
    await expectParity('dense 3-5-2', step);
  }, 60_000);

  it('gives the same LSTM forward pass and SGD step', async () => {
    const step = forwardAndOneStep(
      () => smallLstmModel(7),
      () => tf.tensor3d(fixedInputs(4, 12).map((row) => Array.from({ length: 6 }, (_, t) => row.slice(2 * t, 2 * t + 2)))),
      () => tf.tensor2d(fixedInputs(4, 1)),
    );
    await expectParity('lstm(4)-dense(1)', step);
  }, 120_000);

  it('releases webgpu so the process can exit, and can activate it again afterwards', async () => {
    expect(await releaseWebGpu()).toBe(true);
    expect(await releaseWebGpu()).toBe(false);
    expect((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu).toBeUndefined();
    const again = await initTf({ backend: 'webgpu', env, log: () => undefined });
    expect(again.backend).toBe('webgpu');
    const sum = tf.add(tf.tensor1d([1, 2]), 1);
    expect(Array.from(await sum.data())).toEqual([2, 3]);
    tf.dispose(sum);
  }, 60_000);
});
