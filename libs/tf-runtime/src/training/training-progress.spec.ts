import { onTrainingEpoch, reportTrainingEpoch, ttyProgressBar, type EpochProgress } from './training-progress';

const progress = (epoch: number, epochs = 4): EpochProgress => ({ model: 'lstm', epoch, epochs, trainLoss: 0.5 / epoch, validationLoss: 0.25 });

describe('training progress', () => {
  it('delivers epochs to listeners until they unsubscribe', () => {
    const seen: number[] = [];
    const stop = onTrainingEpoch((p) => seen.push(p.epoch));
    reportTrainingEpoch(progress(1));
    reportTrainingEpoch(progress(2));
    stop();
    reportTrainingEpoch(progress(3));
    expect(seen).toEqual([1, 2]);
  });

  it('draws a bar in place on a TTY and ends the line at the last epoch', () => {
    const written: string[] = [];
    const bar = ttyProgressBar({ isTTY: true, columns: 200, write: (t) => written.push(t) }, 4);
    bar(progress(1));
    bar(progress(4));
    expect(written[0]).toBe('\rlstm  epoch 1/4 [#---]  loss 0.5000  val 0.2500\u001b[K');
    expect(written[1]).toBe('\rlstm  epoch 4/4 [####]  loss 0.1250  val 0.2500\u001b[K');
    expect(written[2]).toBe('\n');
  });

  it('writes nothing when the stream is not a terminal', () => {
    const written: string[] = [];
    ttyProgressBar({ isTTY: false, write: (t) => written.push(t) })(progress(1));
    expect(written).toEqual([]);
  });
});
