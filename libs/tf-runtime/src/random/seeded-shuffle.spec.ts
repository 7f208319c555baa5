import { createRng } from '@tethys/data';
import { seededShuffle } from './seeded-shuffle';

describe('seededShuffle', () => {
  it('returns a permutation of 0..n-1', () => {
    const order = seededShuffle(100, 3);
    expect(order).toBeInstanceOf(Int32Array);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(order)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('is the same for the same seed and different for another', () => {
    expect(seededShuffle(50, 3)).toEqual(seededShuffle(50, 3));
    expect(seededShuffle(50, 4)).not.toEqual(seededShuffle(50, 3));
  });

  it('draws successive permutations from a caller-owned stream (one per epoch)', () => {
    const rng = createRng(3);
    const epoch1 = seededShuffle(50, rng);
    const epoch2 = seededShuffle(50, rng);
    expect(epoch2).not.toEqual(epoch1);
    const replay = createRng(3);
    expect(seededShuffle(50, replay)).toEqual(epoch1);
    expect(seededShuffle(50, replay)).toEqual(epoch2);
  });

  it('handles the empty case and rejects a bad n, naming it', () => {
    expect(seededShuffle(0, 1)).toEqual(new Int32Array(0));
    expect(() => seededShuffle(-1, 1)).toThrow('seededShuffle: n must be a non-negative integer, got -1');
    expect(() => seededShuffle(2.5, 1)).toThrow(RangeError);
  });
});
