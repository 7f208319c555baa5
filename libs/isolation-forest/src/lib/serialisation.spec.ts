import { createRng } from '@tethys/data';
import { denseMatrix } from './dense-matrix';
import { IsolationForestParamError } from './errors';
import { IsolationForest } from './isolation-forest';
import { IsolationForestFormatError, type IsolationForestJSON } from './serialisation';

function gaussian(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  return denseMatrix(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
}

describe('IsolationForest JSON round trip', () => {
  const train = gaussian(300, 3, 1);
  const probe = gaussian(100, 3, 2);
  const model = new IsolationForest({ nEstimators: 40, contamination: 0.05, maxFeatures: 0.67, seed: 9 }).fit(train);

  it('gives identical scores, decisions, predictions and explanations after JSON text', () => {
    const restored = IsolationForest.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(restored.params).toEqual(model.params);
    expect(restored.offset).toBe(model.offset);
    expect(restored.scoreSamples(probe)).toEqual(model.scoreSamples(probe));
    expect(restored.decisionFunction(probe)).toEqual(model.decisionFunction(probe));
    expect(restored.predict(probe)).toEqual(model.predict(probe));
    expect(restored.explain(probe)).toEqual(model.explain(probe));
    expect(JSON.stringify(restored)).toBe(JSON.stringify(model));
  });

  it('stores arrays as plain number arrays', () => {
    const json = model.toJSON();
    expect(Array.isArray(json.state.trees.threshold)).toBe(true);
    expect(json.format).toBe('tethys/isolation-forest');
    expect(json.version).toBe(1);
  });
});

describe('IsolationForest.fromJSON validation', () => {
  const base = new IsolationForest({ nEstimators: 3 }).fit(gaussian(20, 2, 3)).toJSON();
  const mutated = (change: (json: IsolationForestJSON) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(base)) as IsolationForestJSON;
    change(copy);
    return copy;
  };
  const firstSplit = base.state.trees.feature.findIndex((f) => f >= 0);

  it.each<[string, unknown, RegExp]>([
    ['not an object', 42, /\(root\): must be an object/],
    ['wrong format tag', mutated((j) => ((j as { format: string }).format = 'other')), /format: must be 'tethys\/isolation-forest'/],
    ['missing state', mutated((j) => delete (j as Partial<IsolationForestJSON>).state), /state: must be an object/],
    ['non-numeric threshold', mutated((j) => ((j.state.trees.threshold as unknown[])[0] = 'x')), /state.trees.threshold\[0\]/],
    ['short array', mutated((j) => j.state.trees.size.pop()), /state.trees.size: must have/],
    ['cyclic child', mutated((j) => (j.state.trees.left[firstSplit] = firstSplit)), /must lie after the node/],
    ['feature out of the subset', mutated((j) => (j.state.trees.feature[firstSplit] = 5)), /not in the tree's feature subset/],
    ['sizes not adding up', mutated((j) => (j.state.trees.size[firstSplit] += 1)), /sizes must add up|root size/],
    ['bad offset', mutated((j) => ((j.state as { offset: unknown }).offset = null)), /state.offset: must be a finite number/],
  ])('rejects %s with an IsolationForestFormatError', (_label, json, message) => {
    expect(() => IsolationForest.fromJSON(json)).toThrow(IsolationForestFormatError);
    expect(() => IsolationForest.fromJSON(json)).toThrow(message);
  });

  it('rejects invalid params and a tree count that disagrees with nEstimators', () => {
    expect(() => IsolationForest.fromJSON(mutated((j) => (j.params.nEstimators = 0)))).toThrow(IsolationForestParamError);
    expect(() => IsolationForest.fromJSON(mutated((j) => (j.params.nEstimators = 4)))).toThrow(/3 trees but params.nEstimators is 4/);
  });
});
