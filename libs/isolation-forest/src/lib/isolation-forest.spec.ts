import { createRng } from '@tethys/data';
import { quantile } from '@tethys/finance-math';
import { averagePathLength } from './average-path-length';
import { type DenseMatrix, denseMatrix } from './dense-matrix';
import { IsolationForestParamError, NotFittedError } from './errors';
import { IsolationForest } from './isolation-forest';

/** n points from N(0, I_d) plus the given extra rows, all from a seeded stream. */
function blobWith(n: number, d: number, extra: number[][], seed = 7): DenseMatrix {
  const rng = createRng(seed);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: d }, () => rng.normal()));
  return denseMatrix([...rows, ...extra]);
}

/** Mean path length E[h(x)] recovered from a score: s = -2^(-E[h] / c(m)). */
function meanPathLength(score: number, maxSamples: number): number {
  return -Math.log2(-score) * averagePathLength(maxSamples);
}

describe('IsolationForest path lengths on hand-checkable data', () => {
  it('two points: one split, h = 1 = c(2) for both, so both score -0.5', () => {
    const X = denseMatrix([[0], [1]]);
    const scores = new IsolationForest({ nEstimators: 10 }).fit(X).scoreSamples(X);
    expect(Array.from(scores)).toEqual([-0.5, -0.5]);
  });

  it('[0, 0, 0, 10]: the far point is cut off at depth 1, the three equal points form a leaf of size 3', () => {
    // The second column is constant everywhere, so it must never be chosen for a split.
    const X = denseMatrix([
      [0, 5],
      [0, 5],
      [0, 5],
      [10, 5],
    ]);
    const model = new IsolationForest({ nEstimators: 20, seed: 3 }).fit(X);
    const scores = model.scoreSamples(X);
    const c4 = averagePathLength(4);
    const inlier = -Math.pow(2, -(1 + averagePathLength(3)) / c4);
    const outlier = -Math.pow(2, -1 / c4);
    for (let i = 0; i < 3; i++) expect(scores[i]).toBeCloseTo(inlier, 14);
    expect(scores[3]).toBeCloseTo(outlier, 14);
    expect(model.toJSON().state.trees.feature.every((f) => f !== 1)).toBe(true);
  });

  it('four distinct points with depth limit ceil(log2 4) = 2: leaves stop at depth 2 and add c(size)', () => {
    const X = denseMatrix([[0], [1], [2], [3]]);
    const model = new IsolationForest({ nEstimators: 50, seed: 11 }).fit(X);
    const { state } = model.toJSON();
    expect(state.maxDepth).toBe(2);

    // Every tree is either (2 | 2) -> four leaves at depth 2 (sum of h = 8), or
    // (1 | 3) -> h = 1, then (1 | 2) at depth 2 -> h = 2 and 2 + c(2) = 3 twice (sum 9).
    const { offsets, feature, left, right, size } = state.trees;
    let depthLimitedLeaves = 0;
    for (let t = 0; t < model.nTrees; t++) {
      const depthOf = new Map<number, number>([[offsets[t], 0]]);
      for (let node = offsets[t]; node < offsets[t + 1]; node++) {
        const depth = depthOf.get(node) as number;
        expect(depth).toBeLessThanOrEqual(2);
        if (feature[node] >= 0) {
          depthOf.set(left[node], depth + 1);
          depthOf.set(right[node], depth + 1);
        } else if (depth === 2 && size[node] === 2) {
          depthLimitedLeaves++;
        }
      }
    }
    expect(depthLimitedLeaves).toBeGreaterThan(0);

    const totalMeanPath = Array.from(model.scoreSamples(X)).reduce((sum, s) => sum + meanPathLength(s, 4), 0);
    expect(totalMeanPath).toBeGreaterThanOrEqual(8 - 1e-9);
    expect(totalMeanPath).toBeLessThanOrEqual(9 + 1e-9);
  });

  it('a single training row scores -0.5 (c(1) = 0, as scikit-learn guards it)', () => {
    const X = denseMatrix([[1, 2]]);
    expect(Array.from(new IsolationForest().fit(X).scoreSamples(X))).toEqual([-0.5]);
  });
});

describe('IsolationForest hyperparameters', () => {
  const X300 = blobWith(300, 3, []);
  const X100 = blobWith(100, 3, []);

  it("maxSamples 'auto' uses min(256, n)", () => {
    expect(new IsolationForest().fit(X300).maxSamplesUsed).toBe(256);
    expect(new IsolationForest().fit(X100).maxSamplesUsed).toBe(100);
  });

  it('maxSamples as a count and as a fraction; every tree root holds that many samples', () => {
    const byCount = new IsolationForest({ nEstimators: 5, maxSamples: 64 }).fit(X300);
    expect(byCount.maxSamplesUsed).toBe(64);
    const { offsets, size } = byCount.toJSON().state.trees;
    for (let t = 0; t < 5; t++) expect(size[offsets[t]]).toBe(64);
    expect(byCount.toJSON().state.maxDepth).toBe(6);
    expect(new IsolationForest({ maxSamples: 0.5 }).fit(X100).maxSamplesUsed).toBe(50);
  });

  it('maxSamples greater than n uses n and records the note instead of printing it', () => {
    const model = new IsolationForest({ maxSamples: 500 }).fit(X100);
    expect(model.maxSamplesUsed).toBe(100);
    expect(model.fitWarnings).toEqual(['maxSamples (500) is greater than the number of samples (100): using 100']);
    expect(new IsolationForest().fit(X100).fitWarnings).toEqual([]);
  });

  it('maxFeatures draws a subset per tree, without replacement, and splits only on it', () => {
    const X = blobWith(200, 6, []);
    const json = new IsolationForest({ nEstimators: 30, maxFeatures: 0.5 }).fit(X).toJSON();
    const { featureSubsets, trees } = json.state;
    expect(featureSubsets).toHaveLength(30);
    for (const subset of featureSubsets) {
      expect(subset).toHaveLength(3);
      expect(new Set(subset).size).toBe(3);
    }
    expect(new Set(featureSubsets.map((s) => s.join(','))).size).toBeGreaterThan(1);
    for (let t = 0; t < 30; t++) {
      for (let node = trees.offsets[t]; node < trees.offsets[t + 1]; node++) {
        if (trees.feature[node] >= 0) expect(featureSubsets[t]).toContain(trees.feature[node]);
      }
    }
    expect(() => new IsolationForest({ maxFeatures: 7 }).fit(X)).toThrow(IsolationForestParamError);
  });

  it('bootstrap draws with replacement and is still seeded', () => {
    const a = new IsolationForest({ bootstrap: true, nEstimators: 10 }).fit(X100);
    const b = new IsolationForest({ bootstrap: true, nEstimators: 10 }).fit(X100);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(new IsolationForest({ nEstimators: 10 }).fit(X100)));
    // 100 draws from 100 rows repeat some rows; node sizes count distinct rows, like scikit-learn.
    const { offsets, size } = a.toJSON().state.trees;
    for (let t = 0; t < 10; t++) {
      expect(size[offsets[t]]).toBeLessThan(100);
      expect(size[offsets[t]]).toBeGreaterThan(40);
    }
    const restored = IsolationForest.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(restored.scoreSamples(X100)).toEqual(a.scoreSamples(X100));
  });

  it('rejects invalid hyperparameters in the constructor', () => {
    expect(() => new IsolationForest({ nEstimators: -3 })).toThrow(IsolationForestParamError);
    expect(() => new IsolationForest({ contamination: 0.7 })).toThrow(/contamination.*\(0, 0.5\]/);
  });
});

describe('IsolationForest offset and predictions', () => {
  const X = blobWith(200, 2, []);

  it("contamination 'auto' gives offset -0.5", () => {
    expect(new IsolationForest().fit(X).offset).toBe(-0.5);
  });

  it('contamination 0.1 marks exactly 10% of distinct-scored training points as outliers', () => {
    const model = new IsolationForest({ contamination: 0.1 }).fit(X);
    const scores = model.scoreSamples(X);
    expect(new Set(scores).size).toBe(200);
    expect(model.offset).toBe(quantile(scores, 0.1));
    const labels = model.predict(X);
    expect(labels.filter((label) => label === -1).length).toBe(20);
    expect(labels.every((label) => label === 1 || label === -1)).toBe(true);
  });

  it('decisionFunction = scoreSamples - offset; predict is -1 exactly where it is negative', () => {
    const model = new IsolationForest({ contamination: 0.05 }).fit(X);
    const scores = model.scoreSamples(X);
    const decisions = model.decisionFunction(X);
    const labels = model.predict(X);
    for (let i = 0; i < X.rows; i++) {
      expect(decisions[i]).toBe(scores[i] - model.offset);
      expect(labels[i]).toBe(decisions[i] < 0 ? -1 : 1);
    }
  });

  it('scores lie in [-1, 0] and far points score lower than every blob point', () => {
    const far = [
      [8, 8],
      [-8, 7],
      [9, -6],
      [-7, -9],
    ];
    const data = blobWith(500, 2, far);
    const scores = new IsolationForest().fit(data).scoreSamples(data);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(0);
    }
    const inlierMin = Math.min(...scores.subarray(0, 500));
    for (const s of scores.subarray(500)) expect(s).toBeLessThan(inlierMin);
  });
});

describe('IsolationForest contract', () => {
  const X = blobWith(150, 3, []);

  it('fit returns the model itself and refitting replaces the state', () => {
    const model = new IsolationForest({ nEstimators: 5 });
    expect(model.isFitted).toBe(false);
    expect(model.fit(X)).toBe(model);
    expect(model.isFitted).toBe(true);
    expect(model.nFeatures).toBe(3);
    model.fit(blobWith(50, 2, []));
    expect(model.nFeatures).toBe(2);
    expect(model.maxSamplesUsed).toBe(50);
  });

  it('the same seed gives an identical JSON string; another seed does not', () => {
    const a = JSON.stringify(new IsolationForest({ seed: 42 }).fit(X));
    const b = JSON.stringify(new IsolationForest({ seed: 42 }).fit(X));
    const c = JSON.stringify(new IsolationForest({ seed: 43 }).fit(X));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('refuses an unfitted model with NotFittedError', () => {
    const model = new IsolationForest();
    expect(() => model.scoreSamples(X)).toThrow(NotFittedError);
    expect(() => model.decisionFunction(X)).toThrow(NotFittedError);
    expect(() => model.predict(X)).toThrow(NotFittedError);
    expect(() => model.explain(X)).toThrow(NotFittedError);
    expect(() => model.toJSON()).toThrow(NotFittedError);
    expect(() => model.offset).toThrow(/not fitted yet/);
  });

  it('refuses X with the wrong column count or non-finite values', () => {
    const model = new IsolationForest({ nEstimators: 5 }).fit(X);
    expect(() => model.scoreSamples(blobWith(4, 2, []))).toThrow(
      'IsolationForest.scoreSamples: X has 2 columns but the model was fitted on 3 features',
    );
    const bad = { rows: 1, cols: 3, data: new Float64Array([0, NaN, 0]) };
    expect(() => model.predict(bad)).toThrow(/row 0, column 1: value NaN is not finite/);
    expect(() => new IsolationForest().fit(bad)).toThrow(RangeError);
    expect(() => new IsolationForest().fit(denseMatrix([]))).toThrow(/at least one row/);
  });
});

describe('IsolationForest.explain', () => {
  it('gives non-negative rows summing to 1, largest on the feature that is extreme', () => {
    const X = blobWith(400, 4, []);
    const model = new IsolationForest().fit(X);
    const probe = denseMatrix([
      [0, 0, 9, 0],
      [-8, 0, 0, 0],
      [0.1, -0.2, 0.3, 0],
    ]);
    const contributions = model.explain(probe);
    expect(contributions).toHaveLength(12);
    for (let r = 0; r < 3; r++) {
      const row = Array.from(contributions.subarray(r * 4, r * 4 + 4));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
    }
    const argmax = (r: number) => {
      const row = Array.from(contributions.subarray(r * 4, r * 4 + 4));
      return row.indexOf(Math.max(...row));
    };
    expect(argmax(0)).toBe(2);
    expect(argmax(1)).toBe(0);
    // Clearly ahead, not just by a hair: half as much again as the next feature.
    expect(contributions[2]).toBeGreaterThan(1.5 * Math.max(contributions[0], contributions[1], contributions[3]));
  });

  it('spreads evenly when no tree ever split', () => {
    const constant = denseMatrix([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(Array.from(new IsolationForest().fit(constant).explain(constant))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });
});
