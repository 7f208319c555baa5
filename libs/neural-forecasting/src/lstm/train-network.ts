import { tf } from '@tethys/tf-runtime';
import { disposeWindowTensors, runTrainingLoop, type LoopSettings, type WindowTensors } from '../training/training-loop';
import { meanSquaredError, pinballLossFunction } from './forecast-losses';
import type { WindowBatch } from './lstm-windows';

export interface TrainingConfig extends LoopSettings {
  lookback: number;
  horizon: number;
  /** Quantile levels of the head, or null for a point (MSE) head. */
  quantiles: number[] | null;
}

/** What happened in training, kept with the model. */
export interface TrainingSummary {
  epochsRun: number;
  /** 1-based epoch whose weights the model kept. */
  bestEpoch: number;
  trainLoss: number[];
  /** Empty when no validation split was used. */
  validationLoss: number[];
}

/** The network's input tensors for a window batch (history, then future covariates when any); what prediction needs. */
export function windowInputs(batch: WindowBatch, config: Pick<TrainingConfig, 'lookback'>): tf.Tensor[] {
  const features = batch.history.length / (batch.count * config.lookback);
  const inputs: tf.Tensor[] = [tf.tensor3d(batch.history, [batch.count, config.lookback, features])];
  if (batch.future !== null) inputs.push(tf.tensor2d(batch.future, [batch.count, batch.future.length / batch.count]));
  return inputs;
}

/** Window buffers as tensors; quantile targets are repeated per level to match the head's shape. */
function windowTensors(batch: WindowBatch, config: Pick<TrainingConfig, 'lookback' | 'horizon' | 'quantiles'>): WindowTensors {
  return tf.tidy(() => {
    const inputs = windowInputs(batch, config);
    let targets: tf.Tensor = tf.tensor2d(batch.targets ?? new Float32Array(0), [batch.count, batch.targets === null ? 0 : config.horizon]);
    if (config.quantiles !== null) targets = tf.tile(tf.expandDims(targets, -1), [1, 1, config.quantiles.length]);
    return { count: batch.count, inputs, targets };
  });
}

/** Trains the LSTM network with the shared loop on MSE (point head) or the pinball loss (quantile head). */
export async function trainNetwork(
  model: tf.LayersModel,
  train: WindowBatch,
  validation: WindowBatch | null,
  config: TrainingConfig,
): Promise<TrainingSummary> {
  const perWindowLoss = config.quantiles === null ? meanSquaredError : pinballLossFunction(config.quantiles);
  const trainTensors = windowTensors(train, config);
  const validationTensors = validation === null ? null : windowTensors(validation, config);
  try {
    const record = await runTrainingLoop(
      {
        model: 'lstm',
        batchOrderStream: 'lstm-forecaster:batch-order',
        network: model,
        forward: (inputs, training) => model.apply(inputs, { training }) as tf.Tensor,
        loss: (predicted, targets) => tf.mean(perWindowLoss(targets, predicted)) as tf.Scalar,
        train: trainTensors,
        validation: validationTensors,
      },
      config,
    );
    const { epochsRun, bestEpoch, trainLoss, validationLoss } = record;
    return { epochsRun, bestEpoch, trainLoss, validationLoss };
  } finally {
    disposeWindowTensors(trainTensors);
    disposeWindowTensors(validationTensors);
  }
}
