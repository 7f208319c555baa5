import { tf } from '@tethys/tf-runtime';
import { disposeWindowTensors, runTrainingLoop, type WindowTensors } from '../training/training-loop';
import { pinballLossTensor } from './pinball';
import type { TftNetwork } from './tft-network';
import type { ResolvedTftOptions } from './tft-options';
import type { WindowBatch } from './tft-windows';

export interface TrainingHistory {
  epochsRun: number;
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
  trainLoss: number[];
  /** The monitored loss per epoch: the validation loss, or the training loss without a validation split. */
  validationLoss: number[];
}

/** Window buffers as the network's input tensors: observed past, known future, static when any; what prediction needs. */
export function batchInputs(batch: WindowBatch, network: TftNetwork): tf.Tensor[] {
  const { lookback, horizon, observedSize, knownSize, staticSize } = network.layer.spec;
  const n = batch.count;
  const inputs: tf.Tensor[] = [tf.tensor3d(batch.observed, [n, lookback, observedSize]), tf.tensor3d(batch.known, [n, lookback + horizon, knownSize])];
  if (staticSize > 0) inputs.push(tf.tensor2d(batch.static, [n, staticSize]));
  return inputs;
}

/** The input tensors and the [n, horizon] targets, for training. */
function batchTensors(batch: WindowBatch, network: TftNetwork): WindowTensors {
  const n = batch.count;
  const { horizon } = network.layer.spec;
  const inputs = batchInputs(batch, network);
  return { count: n, inputs, targets: tf.tensor2d(batch.targets ?? new Float32Array(n * horizon), [n, horizon]) };
}

/** Trains the TFT with the shared loop on the pinball loss of its quantile outputs. */
export async function trainTft(network: TftNetwork, train: WindowBatch, validation: WindowBatch | null, options: ResolvedTftOptions): Promise<TrainingHistory> {
  const trainData = batchTensors(train, network);
  const validationData = validation === null ? null : batchTensors(validation, network);
  try {
    const record = await runTrainingLoop(
      {
        model: 'tft',
        batchOrderStream: 'tft:batch-order',
        network: network.model,
        forward: (inputs, training) => network.layer.forward(inputs, training).quantiles,
        loss: (predicted, targets) => pinballLossTensor(predicted, targets, options.quantiles),
        train: trainData,
        validation: validationData,
      },
      options,
    );
    const { epochsRun, bestEpoch, trainLoss } = record;
    return { epochsRun, bestEpoch, trainLoss, validationLoss: validationData === null ? [...trainLoss] : record.validationLoss };
  } finally {
    disposeWindowTensors(trainData);
    disposeWindowTensors(validationData);
  }
}
