import { createRng, type Rng } from './rng';

function nextDraws(rng: Rng, count = 8): number[] {
  return Array.from({ length: count }, () => rng.next());
}

function draws(seed: number): number[] {
  return nextDraws(createRng(seed));
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    expect(draws(42)).toEqual(draws(42));
    const a = createRng(7);
    const b = createRng(7);
    expect([a.int(1000), a.normal(), a.uniform(-1, 1)]).toEqual([b.int(1000), b.normal(), b.uniform(-1, 1)]);
    expect(a.seed).toBe(7);
  });

  it('gives different streams for different seeds, including seeds beyond 32 bits', () => {
    expect(draws(1)).not.toEqual(draws(2));
    expect(draws(2 ** 40)).not.toEqual(draws(0));
    expect(draws(2 ** 40)).not.toEqual(draws(2 ** 41));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(2 ** 53)).toThrow(RangeError);
  });

  it('next() stays in [0, 1) and uniform(a, b) in [a, b)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 5000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const x = rng.uniform(-2, 5);
      expect(x >= -2 && x < 5).toBe(true);
    }
  });

  it('int(n) covers exactly 0..n-1', () => {
    const rng = createRng(11);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k)).toBe(true);
      counts[k]++;
    }
    expect(counts).toHaveLength(6);
    for (const count of counts) expect(count).toBeGreaterThan(850); // 1000 expected per face
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it('normal(mean, sd) has about that mean and sd over 20k draws', () => {
    const rng = createRng(2024);
    const n = 20_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal(3, 2);
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSquares / n - mean * mean);
    // Standard error of the mean is 2 / sqrt(20000) ≈ 0.014; of the sd about 0.01.
    expect(Math.abs(mean - 3)).toBeLessThan(0.06);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it('sampleWithoutReplacement returns k distinct indices in range', () => {
    const rng = createRng(5);
    const sample = rng.sampleWithoutReplacement(100, 40);
    expect(sample).toBeInstanceOf(Int32Array);
    expect(sample).toHaveLength(40);
    expect(new Set(sample).size).toBe(40);
    for (const index of sample) expect(index >= 0 && index < 100).toBe(true);
    expect(Array.from(rng.sampleWithoutReplacement(10, 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => rng.sampleWithoutReplacement(3, 4)).toThrow(RangeError);
  });

  it('shuffle permutes in place', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = createRng(9).shuffle(items);
    expect(shuffled).toBe(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(createRng(9).shuffle(Array.from({ length: 20 }, (_, i) => i))).toEqual(shuffled);
  });

  it('fork(label) is stable, label-dependent and independent of draws already made', () => {
    const parent = createRng(99);
    const first = parent.fork('train');
    parent.next();
    const again = parent.fork('train');
    expect(nextDraws(first)).toEqual(nextDraws(again));
    expect(nextDraws(createRng(99).fork('train'))).not.toEqual(nextDraws(createRng(99).fork('test')));
    expect(nextDraws(createRng(99).fork('train'))).not.toEqual(draws(99));
  });

  it('starts every small seed and every sibling fork somewhere different', () => {
    // A raw xoroshiro seeding gives ~0.99999 as the first draw of every small seed.
    const firstDraws = Array.from({ length: 64 }, (_, seed) => createRng(seed).next());
    expect(Math.max(...firstDraws) - Math.min(...firstDraws)).toBeGreaterThan(0.9);
    expect(firstDraws.filter((draw) => draw > 0.99).length).toBeLessThan(4);
    const mean = firstDraws.reduce((sum, draw) => sum + draw, 0) / firstDraws.length;
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
    const siblings = Array.from({ length: 16 }, (_, user) => createRng(1729).fork(`user-${user}`).next());
    expect(new Set(siblings.map((draw) => draw.toFixed(6))).size).toBe(16);
  });
});
