import { clusteredVectors } from './clustered-vectors';

describe('clusteredVectors', () => {
  const options = { count: 500, dim: 8, clusters: 5, seed: 3, spread: 0.1 };

  it('is reproducible for a seed and differs across seeds', () => {
    expect(clusteredVectors(options).data).toEqual(clusteredVectors(options).data);
    expect(clusteredVectors({ ...options, seed: 4 }).data).not.toEqual(clusteredVectors(options).data);
  });

  it('draws points around their labelled centre with the given spread', () => {
    const { data, vectors, labels, centers } = clusteredVectors(options);
    expect(vectors).toHaveLength(500);
    expect(vectors[7].buffer).toBe(data.buffer); // views, not copies
    let sumSquares = 0;
    for (let row = 0; row < 500; row++) {
      expect(labels[row]).toBeGreaterThanOrEqual(0);
      expect(labels[row]).toBeLessThan(5);
      for (let j = 0; j < 8; j++) sumSquares += (vectors[row][j] - centers[labels[row] * 8 + j]) ** 2;
    }
    expect(Math.sqrt(sumSquares / (500 * 8))).toBeCloseTo(0.1, 2);
    expect(new Set(labels).size).toBe(5);
  });

  it('keeps the centres when only the count changes', () => {
    expect(clusteredVectors({ ...options, count: 10 }).centers).toEqual(clusteredVectors(options).centers);
  });

  it('names the bad parameter', () => {
    expect(() => clusteredVectors({ ...options, clusters: 0 })).toThrow(/^clusters:/);
    expect(() => clusteredVectors({ ...options, spread: -1 })).toThrow(/^spread:/);
  });
});
