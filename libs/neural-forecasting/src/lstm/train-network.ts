import { createRng } from '@tethys/data';
import { reportTrainingEpoch, seededShuffle, tf } from '@tethys/tf-runtime';
import { meanSquaredError, pinballLossFunction } from './forecast-losses';
import type { WindowBatch } from './lstm-windows';

export interface TrainingConfig {
  lookback: number;
  horizon: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
  /** Quantile levels of the head, or null for a point (MSE) head. */
  quantiles: number[] | null;
}

/** What happened in training, kept with the model. */
export interface TrainingSummary {
  epochsRun: number;
  /** 1-based epoch whose weights the model kept (the last one without validation). */
  bestEpoch: number;
  trainLoss: number[];
  /** Empty when no validation split was used. */
  validationLoss: number[];
}

interface BatchTensors {
  inputs: tf.Tensor[];
  targets: tf.Tensor;
}

/** Window buffers as tensors; quantile targets are repeated per level to match the head's shape. */
export function windowTensors(batch: WindowBatch, config: TrainingConfig): BatchTensors {
  return tf.tidy(() => {
    const features = batch.history.length / (batch.count * config.lookback);
    const inputs: tf.Tensor[] = [tf.tensor3d(batch.history, [batch.count, config.lookback, features])];
    if (batch.future !== null) inputs.push(tf.tensor2d(batch.future, [batch.count, batch.future.length / batch.count]));
    let targets: tf.Tensor = tf.tensor2d(batch.targets ?? new Float32Array(0), [batch.count, batch.targets === null ? 0 : config.horizon]);
    if (config.quantiles !== null) targets = tf.tile(tf.expandDims(targets, -1), [1, 1, config.quantiles.length]);
    return { inputs, targets };
  });
}

function disposeBatch(batch: BatchTensors): void {
  tf.dispose([...batch.inputs, batch.targets]);
}

/**
 * Adam on mini-batches in a seeded order (tfjs's own shuffle uses
 * Math.random), early stopping on the validation windows with `patience`,
 * and the best epoch's weights restored at the end.
 */
export async function trainNetwork(
  model: tf.LayersModel,
  train: WindowBatch,
  validation: WindowBatch | null,
  config: TrainingConfig,
): Promise<TrainingSummary> {
  const loss = config.quantiles === null ? meanSquaredError : pinballLossFunction(config.quantiles);
  const optimizer = tf.train.adam(config.learningRate);
  model.compile({ optimizer, loss });
  const trainTensors = windowTensors(train, config);
  const validationTensors = validation === null ? null : windowTensors(validation, config);
  const order = createRng(config.seed).fork('lstm-forecaster:batch-order');
  const summary: TrainingSummary = { epochsRun: 0, bestEpoch: 0, trainLoss: [], validationLoss: [] };
  let best: { loss: number; weights: tf.Tensor[] } | null = null;
  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const permutation = seededShuffle(train.count, order);
      let lossSum = 0;
      for (let start = 0; start < train.count; start += config.batchSize) {
        const indices = tf.tensor1d(permutation.subarray(start, start + config.batchSize), 'int32');
        const batch = tf.tidy(() => ({
          inputs: trainTensors.inputs.map((tensor) => tf.gather(tensor, indices)),
          targets: tf.gather(trainTensors.targets, indices),
        }));
        const batchLoss = (await model.trainOnBatch(batch.inputs, batch.targets)) as number;
        lossSum += batchLoss * indices.shape[0];
        indices.dispose();
        disposeBatch(batch);
      }
      summary.epochsRun = epoch;
      summary.trainLoss.push(lossSum / train.count);
      if (validationTensors === null) {
        summary.bestEpoch = epoch;
        reportTrainingEpoch({ model: 'lstm', epoch, epochs: config.epochs, trainLoss: lossSum / train.count, validationLoss: null });
        continue;
      }
      const validationLoss = tf.tidy(() =>
        tf.mean(loss(validationTensors.targets, model.predict(validationTensors.inputs) as tf.Tensor)).dataSync()[0],
      );
      summary.validationLoss.push(validationLoss);
      reportTrainingEpoch({ model: 'lstm', epoch, epochs: config.epochs, trainLoss: lossSum / train.count, validationLoss });
      if (best === null || validationLoss < best.loss) {
        if (best !== null) tf.dispose(best.weights);
        best = { loss: validationLoss, weights: model.getWeights().map((weight) => weight.clone()) };
        summary.bestEpoch = epoch;
      } else if (epoch - summary.bestEpoch >= config.patience) {
        break;
      }
    }
    if (best !== null) model.setWeights(best.weights);
  } finally {
    if (best !== null) tf.dispose(best.weights);
    disposeBatch(trainTensors);
    if (validationTensors !== null) disposeBatch(validationTensors);
    optimizer.dispose();
  }
  return summary;
}
