import { createRng } from '@tethys/data';
import { reportTrainingEpoch, seededShuffle, tf } from '@tethys/tf-runtime';
import { pinballLossTensor } from './pinball';
import type { TftNetwork } from './tft-network';
import type { ResolvedTftOptions } from './tft-options';
import type { WindowBatch } from './tft-windows';

export interface TrainingHistory {
  epochsRun: number;
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
  trainLoss: number[];
  validationLoss: number[];
}

function batchTensors(batch: WindowBatch, lookback: number, horizon: number, observedSize: number, knownSize: number, staticSize: number): { inputs: tf.Tensor[]; targets: tf.Tensor } {
  const n = batch.count;
  const inputs: tf.Tensor[] = [tf.tensor3d(batch.observed, [n, lookback, observedSize]), tf.tensor3d(batch.known, [n, lookback + horizon, knownSize])];
  if (staticSize > 0) inputs.push(tf.tensor2d(batch.static, [n, staticSize]));
  return { inputs, targets: tf.tensor2d(batch.targets ?? new Float32Array(n * horizon), [n, horizon]) };
}

/**
 * Adam on the pinball loss, mini-batches in a seeded order, early stopping
 * on the validation windows (when any) with the best weights restored.
 */
export function trainTft(network: TftNetwork, train: WindowBatch, validation: WindowBatch | undefined, options: ResolvedTftOptions): TrainingHistory {
  const { spec } = network.layer;
  const shape = [spec.lookback, spec.horizon, spec.observedSize, spec.knownSize, spec.staticSize] as const;
  const trainData = batchTensors(train, ...shape);
  const validationData = validation === undefined ? undefined : batchTensors(validation, ...shape);
  const variables = network.model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const optimizer = tf.train.adam(options.learningRate);
  const order = createRng(options.seed).fork('tft:batch-order');
  const history: TrainingHistory = { epochsRun: 0, bestEpoch: 0, trainLoss: [], validationLoss: [] };
  let best = Number.POSITIVE_INFINITY;
  let bestWeights: tf.Tensor[] | undefined;
  let sinceBest = 0;
  const lossOf = (data: { inputs: tf.Tensor[]; targets: tf.Tensor }): number =>
    tf.tidy(() => pinballLossTensor(network.layer.forward(data.inputs, false).quantiles, data.targets, options.quantiles).dataSync()[0]);
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const permutation = seededShuffle(train.count, order);
      let lossSum = 0;
      for (let start = 0; start < train.count; start += options.batchSize) {
        const indices = tf.tensor1d(permutation.subarray(start, start + options.batchSize), 'int32');
        const loss = optimizer.minimize(
          () => {
            const inputs = trainData.inputs.map((tensor) => tf.gather(tensor, indices));
            const predicted = network.layer.forward(inputs, true).quantiles;
            return pinballLossTensor(predicted, tf.gather(trainData.targets, indices), options.quantiles);
          },
          true,
          variables,
        );
        lossSum += (loss?.dataSync()[0] ?? 0) * indices.shape[0];
        loss?.dispose();
        indices.dispose();
      }
      history.trainLoss.push(lossSum / train.count);
      history.epochsRun = epoch;
      // Without validation windows the training loss decides (no held-out data to stop on).
      const monitored = validationData === undefined ? lossSum / train.count : lossOf(validationData);
      history.validationLoss.push(monitored);
      reportTrainingEpoch({
        model: 'tft',
        epoch,
        epochs: options.epochs,
        trainLoss: lossSum / train.count,
        validationLoss: validationData === undefined ? null : monitored,
      });
      if (monitored < best) {
        best = monitored;
        history.bestEpoch = epoch;
        sinceBest = 0;
        tf.dispose(bestWeights);
        bestWeights = variables.map((variable) => variable.clone());
      } else if (++sinceBest >= options.patience) {
        break;
      }
    }
    if (bestWeights !== undefined) variables.forEach((variable, k) => variable.assign(bestWeights![k]));
  } finally {
    tf.dispose(bestWeights);
    tf.dispose(trainData.inputs);
    trainData.targets.dispose();
    if (validationData !== undefined) {
      tf.dispose(validationData.inputs);
      validationData.targets.dispose();
    }
    optimizer.dispose();
  }
  return history;
}
