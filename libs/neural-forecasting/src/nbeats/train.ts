import { tf } from '@tethys/tf-runtime';
import { disposeWindowTensors, runTrainingLoop, type LoopSettings, type WindowTensors } from '../training/training-loop';
import { nbeatsLoss } from './loss';
import type { WindowSet } from './windows';

export interface TrainingSettings extends LoopSettings {
  lookback: number;
  horizon: number;
  levels: readonly number[];
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

function windowTensors(windows: WindowSet, lookback: number, horizon: number): WindowTensors {
  return {
    count: windows.count,
    inputs: [tf.tensor2d(windows.inputs, [windows.count, lookback])],
    targets: tf.tensor2d(windows.targets, [windows.count, horizon]),
  };
}

/** Trains the N-BEATS network with the shared loop on its point (+ pinball) loss. */
export async function trainNetwork(
  model: tf.LayersModel,
  train: WindowSet,
  validation: WindowSet | null,
  settings: TrainingSettings,
): Promise<TrainingHistory> {
  const { lookback, horizon, levels } = settings;
  const trainSet = windowTensors(train, lookback, horizon);
  const validationSet = validation === null ? null : windowTensors(validation, lookback, horizon);
  try {
    const record = await runTrainingLoop(
      {
        model: 'nbeats',
        batchOrderStream: 'nbeats:batch-order',
        network: model,
        forward: (inputs, training) => model.apply(inputs[0], { training }) as tf.Tensor,
        loss: (predicted, targets) => nbeatsLoss(predicted as tf.Tensor2D, targets as tf.Tensor2D, levels),
        train: trainSet,
        validation: validationSet,
      },
      settings,
    );
    return { trainLoss: record.trainLoss, validationLoss: record.validationLoss, bestEpoch: record.bestEpoch - 1, stoppedEarly: record.stoppedEarly };
  } finally {
    disposeWindowTensors(trainSet);
    disposeWindowTensors(validationSet);
  }
}
