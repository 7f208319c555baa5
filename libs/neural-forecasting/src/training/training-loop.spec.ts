import { createRng } from '@tethys/data';
import { createTimeSeries } from '@tethys/forecasting';
import { initTf, onTrainingEpoch, tf, type EpochProgress } from '@tethys/tf-runtime';
import { LstmForecaster } from '../lstm';
import { NBeatsForecaster } from '../nbeats';
import { TftForecaster } from '../tft';
import { runTrainingLoop, type TrainingTask } from './training-loop';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

const rng = createRng(11);
const series = createTimeSeries('wave', Array.from({ length: 60 }, (_, t) => 5 + Math.sin((2 * Math.PI * t) / 8) + 0.1 * rng.normal(0, 1)));
const calendar = { future: { phase: Float64Array.from({ length: 70 }, (_, t) => Math.cos((2 * Math.PI * t) / 8)) } };
const common = { lookback: 8, horizon: 2, epochs: 2, batchSize: 16, patience: 1, seed: 3 };

/** A one-weight linear model y = w x, trained towards y = 2x while the validation data say y = -2x. */
function divergingTask(): { task: TrainingTask; dispose: () => void } {
  const input = tf.input({ shape: [1] });
  const output = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'zeros' }).apply(input) as tf.SymbolicTensor;
  const network = tf.model({ inputs: input, outputs: output });
  const x = tf.tensor2d([[1], [2], [3], [4]]);
  const task: TrainingTask = {
    model: 'linear',
    batchOrderStream: 'test:batch-order',
    network,
    forward: (inputs, training) => network.apply(inputs, { training }) as tf.Tensor,
    loss: (predicted, targets) => tf.mean(tf.square(tf.sub(predicted, targets))) as tf.Scalar,
    train: { count: 4, inputs: [x], targets: tf.mul(x, 2) },
    validation: { count: 4, inputs: [x], targets: tf.mul(x, -2) },
  };
  return { task, dispose: () => tf.dispose([network.getWeights(), x, task.train.targets, task.validation!.targets].flat()) };
}

describe('runTrainingLoop', () => {
  it('stops after `patience` epochs without a better validation loss and restores the best epoch', async () => {
    const { task, dispose } = divergingTask();
    const before = tf.memory().numTensors;
    const progress: EpochProgress[] = [];
    const unsubscribe = onTrainingEpoch((epoch) => progress.push(epoch));
    const record = await runTrainingLoop(task, { epochs: 20, batchSize: 4, learningRate: 0.1, patience: 2, seed: 0 });
    unsubscribe();
    // Every step moves w towards 2, so the validation loss (targets -2x) only grows: epoch 1 stays the best.
    expect(record.bestEpoch).toBe(1);
    expect(record.epochsRun).toBe(3);
    expect(record.stoppedEarly).toBe(true);
    expect(record.validationLoss[2]).toBeGreaterThan(record.validationLoss[0]);
    expect(progress.map((epoch) => [epoch.model, epoch.epoch, epoch.epochs])).toEqual([
      ['linear', 1, 20],
      ['linear', 2, 20],
      ['linear', 3, 20],
    ]);
    // The kept weight is the one after epoch 1: rerun one epoch from zero and compare.
    const kept = (await task.network.getWeights()[0].data())[0];
    const { task: single, dispose: disposeSingle } = divergingTask();
    await runTrainingLoop(single, { epochs: 1, batchSize: 4, learningRate: 0.1, patience: 2, seed: 0 });
    expect(kept).toBe((await single.network.getWeights()[0].data())[0]);
    disposeSingle();
    expect(tf.memory().numTensors).toBe(before);
    dispose();
  });

  it('without validation monitors the training loss and runs every epoch while it improves', async () => {
    const { task, dispose } = divergingTask();
    const record = await runTrainingLoop({ ...task, validation: null }, { epochs: 4, batchSize: 2, learningRate: 0.05, patience: 1, seed: 0 });
    expect(record.epochsRun).toBe(4);
    expect(record.bestEpoch).toBe(4);
    expect(record.validationLoss).toEqual([]);
    expect(record.trainLoss[3]).toBeLessThan(record.trainLoss[0]);
    dispose();
  });
});

describe('every forecaster trains without blocking reads and without leaking tensors', () => {
  const fits: [string, () => Promise<{ dispose(): void }>][] = [
    ['LSTM', () => new LstmForecaster({ ...common, hiddenSize: 4, dropout: 0.1 }).fitAsync(series, calendar)],
    ['N-BEATS', () => new NBeatsForecaster({ ...common, layerWidth: 8, hiddenLayers: 1, blocksPerStack: 1, quantiles: [0.1, 0.9] }).fitAsync(series)],
    ['TFT', () => new TftForecaster({ ...common, hiddenSize: 4, heads: 2 }).fitAsync(series, calendar)],
  ];

  it.each(fits)('%s fitAsync never calls dataSync or arraySync (webgpu-safe) and frees what it made', async (_name, fit) => {
    // Build once first: tfjs creates a few engine-level tensors on first use of a model kind.
    (await fit()).dispose();
    const before = tf.memory().numTensors;
    const dataSync = jest.spyOn(tf.Tensor.prototype, 'dataSync');
    const arraySync = jest.spyOn(tf.Tensor.prototype, 'arraySync');
    try {
      const model = await fit();
      expect(dataSync).not.toHaveBeenCalled();
      expect(arraySync).not.toHaveBeenCalled();
      model.dispose();
    } finally {
      dataSync.mockRestore();
      arraySync.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 30_000);
});
