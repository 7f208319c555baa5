import { forgetTfRuntimeForTests, initTf } from '../backend/init-tf';
import type { ModuleLoader } from '../backend/module-loader';
import { fixedInputs, smallDenseModel, weightValues } from '../testing/small-models.fixture';
import { tf } from '../tf';
import { maxAbsDifference, runOnBackends } from './run-on-backends';

const notFound = (id: string): never => {
  throw new Error(`Cannot find module '${id}'`);
};
const nothingInstalled: ModuleLoader = { isInstalled: () => false, resolve: notFound, load: notFound };

interface StepOutputs {
  before: Float32Array;
  loss: number;
  after: Float32Array;
  weights: Float32Array[];
}

/** The same seeded model: a forward pass, one SGD step on fixed data, then a forward pass again. */
async function forwardAndOneSgdStep(): Promise<StepOutputs> {
  const model = smallDenseModel(2024);
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  const x = tf.tensor2d(fixedInputs(8, 3));
  const y = tf.tensor2d(fixedInputs(8, 2).map((row) => row.map((v) => v * 0.5)));
  try {
    const before = (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    const loss = (await model.trainOnBatch(x, y)) as number;
    const after = (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    return { before, loss, after, weights: weightValues(model) };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

afterEach(() => forgetTfRuntimeForTests());

describe('runOnBackends', () => {
  it('gives the same forward pass and SGD step on cpu and wasm (within 1e-5)', async () => {
    const runs = await runOnBackends(forwardAndOneSgdStep, ['cpu', 'wasm'], { loader: nothingInstalled });
    expect(Object.keys(runs.outputs).sort()).toEqual(['cpu', 'wasm']);
    const cpu = runs.outputs.cpu as StepOutputs;
    const wasm = runs.outputs.wasm as StepOutputs;
    expect(maxAbsDifference(cpu.before, wasm.before)).toBeLessThan(1e-5);
    expect(Math.abs(cpu.loss - wasm.loss)).toBeLessThan(1e-5);
    expect(maxAbsDifference(cpu.after, wasm.after)).toBeLessThan(1e-5);
    cpu.weights.forEach((w, i) => expect(maxAbsDifference(w, wasm.weights[i])).toBeLessThan(1e-5));
    // The step did something: the comparison is not between two untouched models.
    expect(maxAbsDifference(cpu.before, cpu.after)).toBeGreaterThan(1e-3);
  });

  it('lists backends that cannot run here instead of failing, and restores the active backend', async () => {
    await initTf({ backend: 'wasm', log: () => undefined, loader: nothingInstalled });
    const seen: string[] = [];
    const runs = await runOnBackends((backend) => seen.push(tf.getBackend()) && backend.backend, ['webgpu', 'cpu', 'gpu'], {
      loader: nothingInstalled,
    });
    expect(seen).toEqual(['cpu']);
    expect(runs.outputs).toEqual({ cpu: 'cpu' });
    expect(runs.unavailable).toEqual({
      webgpu: 'webgpu backend needs the packages webgpu and @tensorflow/tfjs-backend-webgpu',
      gpu: 'backend gpu needs the package @tensorflow/tfjs-node-gpu, which is not installed',
    });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('passes errors from the function through, still restoring the backend', async () => {
    await initTf({ backend: 'wasm', log: () => undefined, loader: nothingInstalled });
    await expect(
      runOnBackends(() => {
        throw new Error('boom');
      }, ['cpu']),
    ).rejects.toThrow('boom');
    expect(tf.getBackend()).toBe('wasm');
  });
});

describe('maxAbsDifference', () => {
  it('is the largest absolute elementwise difference', () => {
    expect(maxAbsDifference([1, 2, 3], new Float32Array([1, 2.5, 2]))).toBe(1);
    expect(maxAbsDifference([], [])).toBe(0);
  });

  it('propagates NaN and refuses arrays of different lengths', () => {
    expect(maxAbsDifference([1, Number.NaN], [1, 2])).toBeNaN();
    expect(() => maxAbsDifference([1], [1, 2])).toThrow('lengths differ (1 vs 2)');
  });
});
