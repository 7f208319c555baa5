import { createRng } from '@tethys/data';
import { reportTrainingEpoch, seededShuffle, tf } from '@tethys/tf-runtime';
import { nbeatsLoss } from './loss';
import type { WindowSet } from './windows';

export interface TrainingSettings {
  lookback: number;
  horizon: number;
  levels: readonly number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
}

/** What happened in training (saved with the model). */
export interface TrainingHistory {
  trainLoss: number[];
  /** Empty without a validation split. */
  validationLoss: number[];
  /** The epoch (0-based) whose weights were kept. */
  bestEpoch: number;
  stoppedEarly: boolean;
}

function windowTensors(windows: WindowSet, lookback: number, horizon: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return {
    x: tf.tensor2d(windows.inputs, [windows.count, lookback]),
    y: tf.tensor2d(windows.targets, [windows.count, horizon]),
  };
}

/**
 * Adam on minibatches in a seeded order (tfjs's own shuffle is unseeded),
 * with early stopping on the validation windows: after `patience` epochs
 * without improvement training stops and the best epoch's weights are restored.
 */
export async function trainNetwork(
  model: tf.LayersModel,
  train: WindowSet,
  validation: WindowSet | null,
  settings: TrainingSettings,
): Promise<TrainingHistory> {
  const { lookback, horizon, levels } = settings;
  const optimizer = tf.train.adam(settings.learningRate);
  const order = createRng(settings.seed).fork('nbeats:batch-order');
  const trainSet = windowTensors(train, lookback, horizon);
  const validationSet = validation === null ? null : windowTensors(validation, lookback, horizon);
  const history: TrainingHistory = { trainLoss: [], validationLoss: [], bestEpoch: 0, stoppedEarly: false };
  let best: tf.Tensor[] | null = null;
  let bestLoss = Number.POSITIVE_INFINITY;
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      const permutation = seededShuffle(train.count, order);
      let lossSum = 0;
      for (let start = 0; start < train.count; start += settings.batchSize) {
        const rows = permutation.subarray(start, Math.min(start + settings.batchSize, train.count));
        const batchLoss = tf.tidy(() => {
          const indices = tf.tensor1d(rows, 'int32');
          const x = tf.gather(trainSet.x, indices);
          const y = tf.gather(trainSet.y, indices);
          const loss = optimizer.minimize(
            () => nbeatsLoss(model.apply(x, { training: true }) as tf.Tensor2D, y, levels),
            true,
          );
          return loss!;
        });
        lossSum += (await batchLoss.data())[0] * rows.length;
        batchLoss.dispose();
      }
      history.trainLoss.push(lossSum / train.count);
      const epochLoss = validationSet === null ? lossSum / train.count : evaluate(model, validationSet, levels);
      if (validationSet !== null) history.validationLoss.push(epochLoss);
      reportTrainingEpoch({
        model: 'nbeats',
        epoch: epoch + 1,
        epochs: settings.epochs,
        trainLoss: lossSum / train.count,
        validationLoss: validationSet === null ? null : epochLoss,
      });
      if (epochLoss < bestLoss) {
        bestLoss = epochLoss;
        history.bestEpoch = epoch;
        best?.forEach((tensor) => tensor.dispose());
        best = model.getWeights().map((weight) => weight.clone());
      } else if (validationSet !== null && epoch - history.bestEpoch >= settings.patience) {
        history.stoppedEarly = true;
        break;
      }
    }
    if (best !== null) model.setWeights(best);
    return history;
  } finally {
    best?.forEach((tensor) => tensor.dispose());
    optimizer.dispose();
    trainSet.x.dispose();
    trainSet.y.dispose();
    validationSet?.x.dispose();
    validationSet?.y.dispose();
  }
}

function evaluate(model: tf.LayersModel, set: { x: tf.Tensor2D; y: tf.Tensor2D }, levels: readonly number[]): number {
  return tf.tidy(() => nbeatsLoss(model.predict(set.x) as tf.Tensor2D, set.y, levels).dataSync()[0]);
}
