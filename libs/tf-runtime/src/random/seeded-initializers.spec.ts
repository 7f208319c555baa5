import { forgetTfRuntimeForTests, initTf } from '../backend/init-tf';
import { smallDenseModel, smallLstmModel, weightValues } from '../testing/small-models.fixture';
import { tf } from '../tf';
import { seededInitializers } from './seeded-initializers';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});
afterAll(() => forgetTfRuntimeForTests());

function weightsOf(build: () => tf.LayersModel): Float32Array[] {
  const model = build();
  const weights = weightValues(model);
  model.dispose();
  return weights;
}

describe('seededInitializers', () => {
  it('gives identical weights for the same seed (dense: glorot, he, zeros)', () => {
    expect(weightsOf(() => smallDenseModel(42))).toEqual(weightsOf(() => smallDenseModel(42)));
  });

  it('gives identical weights for the same seed (LSTM: glorot, orthogonal, zeros)', () => {
    const first = weightsOf(() => smallLstmModel(42));
    expect(weightsOf(() => smallLstmModel(42))).toEqual(first);
    // Sanity: the weights are random draws, not constants.
    expect(new Set(first[0]).size).toBe(first[0].length);
  });

  it('gives different weights for another seed', () => {
    const a = weightsOf(() => smallDenseModel(42));
    const b = weightsOf(() => smallDenseModel(43));
    expect(b[0]).not.toEqual(a[0]);
    expect(b[2]).not.toEqual(a[2]);
    const lstmA = weightsOf(() => smallLstmModel(42));
    const lstmB = weightsOf(() => smallLstmModel(43));
    expect(lstmB[1]).not.toEqual(lstmA[1]); // the orthogonal recurrent kernel
  });

  it('derives labelled seeds independently of call order, and distinct seeds per kind and label', () => {
    const one = seededInitializers(7);
    const two = seededInitializers(7);
    two.nextSeed(); // unlabelled draws do not disturb labelled ones
    expect(two.nextSeed('dropout')).toBe(one.nextSeed('dropout'));
    const seeds = new Set([one.nextSeed('a'), one.nextSeed('b'), one.nextSeed(), one.nextSeed()]);
    expect(seeds.size).toBe(4);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 1 && seed < 2 ** 31).toBe(true);
  });

  it('hands the derived seed to tfjs (the initializer config records it)', () => {
    const glorot = seededInitializers(9).glorotUniform('layer').getConfig() as { seed?: number };
    const again = seededInitializers(9).glorotUniform('layer').getConfig() as { seed?: number };
    const other = seededInitializers(9).glorotUniform('other').getConfig() as { seed?: number };
    expect(typeof glorot.seed).toBe('number');
    expect(again.seed).toBe(glorot.seed);
    expect(other.seed).not.toBe(glorot.seed);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => seededInitializers(1.5)).toThrow('seed must be a safe integer');
  });
});
