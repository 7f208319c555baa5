import { createRng } from '@tethys/data';
import { reportTrainingEpoch, seededShuffle, tf } from '@tethys/tf-runtime';

/** Windows as tensors, one row per window: the network's inputs and the targets. */
export interface WindowTensors {
  count: number;
  inputs: tf.Tensor[];
  targets: tf.Tensor;
}

/** The optimiser and early-stopping settings every forecaster shares. */
export interface LoopSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
}

/** What a model lends the shared loop: its network, how to run it, its loss and its windows. */
export interface TrainingTask {
  /** Names the model in progress reports ('lstm', 'nbeats', 'tft'). */
  model: string;
  /** Rng stream label of the batch order (kept per model so seeded runs stay as they were). */
  batchOrderStream: string;
  /** Its trainable weights are optimised; all its weights are kept and restored for the best epoch. */
  network: tf.LayersModel;
  /** The network's output for a batch of inputs (`training` switches dropout on). */
  forward(inputs: tf.Tensor[], training: boolean): tf.Tensor;
  /** The mean loss of `predicted` against `targets`, a scalar. */
  loss(predicted: tf.Tensor, targets: tf.Tensor): tf.Scalar;
  train: WindowTensors;
  /** Held-out windows for early stopping; null trains on the training loss alone. */
  validation: WindowTensors | null;
}

/** What happened in training: per-epoch losses and the epoch whose weights were kept. */
export interface TrainingRecord {
  epochsRun: number;
  /** 1-based epoch whose weights the network holds after training. */
  bestEpoch: number;
  trainLoss: number[];
  /** Empty when there was no validation split. */
  validationLoss: number[];
  stoppedEarly: boolean;
}

/** Reads a scalar without blocking (dataSync would stall the webgpu backend), then frees it. */
async function readScalar(scalar: tf.Scalar): Promise<number> {
  try {
    return (await scalar.data())[0];
  } finally {
    scalar.dispose();
  }
}

/**
 * The training loop of every forecaster: Adam on mini-batches drawn in a
 * seeded order (tfjs's own shuffle uses Math.random), one progress report per
 * epoch, and early stopping: the monitored loss is the validation loss, or the
 * epoch's training loss without a validation split; after `patience` epochs
 * without improvement training stops, and the best epoch's weights are
 * restored. Values are read only with `await data()`; every tensor made here
 * is freed, the window tensors stay the caller's.
 */
export async function runTrainingLoop(task: TrainingTask, settings: LoopSettings): Promise<TrainingRecord> {
  const { network, train, validation } = task;
  const variables = network.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const optimizer = tf.train.adam(settings.learningRate);
  const order = createRng(settings.seed).fork(task.batchOrderStream);
  const record: TrainingRecord = { epochsRun: 0, bestEpoch: 0, trainLoss: [], validationLoss: [], stoppedEarly: false };
  let best: { loss: number; weights: tf.Tensor[] } | null = null;
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const permutation = seededShuffle(train.count, order);
      let lossSum = 0;
      for (let start = 0; start < train.count; start += settings.batchSize) {
        const rows = permutation.subarray(start, Math.min(start + settings.batchSize, train.count));
        const batchLoss = tf.tidy(() => {
          const indices = tf.tensor1d(rows, 'int32');
          const inputs = train.inputs.map((tensor) => tf.gather(tensor, indices));
          const targets = tf.gather(train.targets, indices);
          return optimizer.minimize(() => task.loss(task.forward(inputs, true), targets), true, variables) as tf.Scalar;
        });
        lossSum += (await readScalar(batchLoss)) * rows.length;
      }
      const trainLoss = lossSum / train.count;
      record.epochsRun = epoch;
      record.trainLoss.push(trainLoss);
      let monitored = trainLoss;
      if (validation !== null) {
        monitored = await readScalar(tf.tidy(() => task.loss(task.forward(validation.inputs, false), validation.targets)));
        record.validationLoss.push(monitored);
      }
      reportTrainingEpoch({ model: task.model, epoch, epochs: settings.epochs, trainLoss, validationLoss: validation === null ? null : monitored });
      if (best === null || monitored < best.loss) {
        if (best !== null) tf.dispose(best.weights);
        best = { loss: monitored, weights: network.getWeights().map((weight) => weight.clone()) };
        record.bestEpoch = epoch;
      } else if (epoch - record.bestEpoch >= settings.patience) {
        record.stoppedEarly = true;
        break;
      }
    }
    if (best !== null) network.setWeights(best.weights);
  } finally {
    if (best !== null) tf.dispose(best.weights);
    optimizer.dispose();
  }
  return record;
}

/** Frees a set of window tensors. */
export function disposeWindowTensors(windows: WindowTensors | null): void {
  if (windows !== null) tf.dispose([...windows.inputs, windows.targets]);
}
