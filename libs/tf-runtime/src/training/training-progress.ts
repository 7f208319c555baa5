/** One finished training epoch, as every tfjs training loop of the workspace reports it. */
export interface EpochProgress {
  /** Which model is training (e.g. 'lstm'). */
  model: string;
  /** 1-based epoch just finished, and the most the loop will run (early stopping may end sooner). */
  epoch: number;
  epochs: number;
  trainLoss: number;
  validationLoss: number | null;
}

export type EpochListener = (progress: EpochProgress) => void;

const listeners = new Set<EpochListener>();

/**
 * Subscribes to every training loop's epochs (a CLI shows a progress bar with
 * it); returns the unsubscribe function. Libraries stay silent by default.
 */
export function onTrainingEpoch(listener: EpochListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by training loops after each epoch. */
export function reportTrainingEpoch(progress: EpochProgress): void {
  for (const listener of listeners) listener(progress);
}

/** The part of a stream a progress bar needs (process.stderr fits). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A one-line progress bar redrawn in place on a terminal:
 * `lstm  epoch  7/20 [#######-------------]  loss 0.1234  val 0.1456`.
 * On a stream that is not a TTY (CI logs, pipes) it writes nothing.
 */
export function ttyProgressBar(stream: ProgressStream = process.stderr, width = 20): EpochListener {
  return (progress) => {
    if (!stream.isTTY) return;
    const filled = Math.round((progress.epoch / progress.epochs) * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const digits = String(progress.epochs).length;
    const validation = progress.validationLoss === null ? '' : `  val ${progress.validationLoss.toPrecision(4)}`;
    const line = `${progress.model}  epoch ${String(progress.epoch).padStart(digits)}/${progress.epochs} [${bar}]  loss ${progress.trainLoss.toPrecision(4)}${validation}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1)}\u001b[K`);
    if (progress.epoch >= progress.epochs) stream.write('\n');
  };
}
