import { initTf, tf } from '@tethys/tf-runtime';
import { GateAddNorm, GatedResidualNetwork } from './gated-residual-network';
import { InterpretableMultiHeadAttention } from './interpretable-multi-head-attention';
import { LstmLayer } from './lstm-layer';
import { QuantileHead } from './quantile-head';
import { StaticCovariateEncoder } from './static-covariate-encoder';
import { VariableSelectionNetwork } from './variable-selection-network';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

function randomTensor(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}

describe('GatedResidualNetwork', () => {
  it('outputs LayerNorm(a + GLU(W1·ELU(W2·a + W3·c + b2) + b1)) with the layer weights', () => {
    const grn = new GatedResidualNetwork({ seed: 1, units: 8, useContext: true });
    const a = randomTensor([3, 5, 8], 2);
    const c = randomTensor([3, 4], 3);
    const output = grn.apply([a, c]) as tf.Tensor;
    expect(output.shape).toEqual([3, 5, 8]);
    const named = Object.fromEntries(grn.weights.map((w) => [w.originalName.split('/').pop()!, w.read()]));
    const dense = (x: tf.Tensor, k: string, b?: string): tf.Tensor => {
      const y = tf.reshape(tf.matMul(tf.reshape(x, [-1, x.shape[x.rank - 1]]), named[k] as tf.Tensor2D), [...x.shape.slice(0, -1), named[k].shape[1]!]);
      return b === undefined ? y : tf.add(y, named[b]);
    };
    const eta2 = tf.elu(tf.add(dense(a, 'hidden_kernel', 'hidden_bias'), tf.expandDims(dense(c, 'context_kernel'), 1)));
    const eta1 = dense(eta2, 'out_kernel', 'out_bias');
    const glu = tf.mul(tf.sigmoid(dense(eta1, 'gate_kernel', 'gate_bias')), dense(eta1, 'value_kernel', 'value_bias'));
    const sum = tf.add(a, glu);
    const mean = tf.mean(sum, -1, true);
    const variance = tf.mean(tf.square(tf.sub(sum, mean)), -1, true);
    const expected = tf.add(tf.mul(tf.div(tf.sub(sum, mean), tf.sqrt(tf.add(variance, 1e-3))), named.norm_gamma), named.norm_beta);
    values(output).forEach((v, i) => expect(v).toBeCloseTo(values(expected)[i], 4));
  });

  it('reduces to LayerNorm(input) when the gate is shut', () => {
    const grn = new GatedResidualNetwork({ seed: 4, units: 6 });
    const a = randomTensor([4, 6], 5);
    grn.apply(a);
    const gateBias = grn.weights.find((w) => w.originalName.endsWith('gate_bias'))!;
    gateBias.write(tf.fill([6], -50));
    const output = values(grn.apply(a) as tf.Tensor);
    const rows = tf.moments(a, -1, true);
    const normalised = values(tf.div(tf.sub(a, rows.mean), tf.sqrt(tf.add(rows.variance, 1e-3))));
    output.forEach((v, i) => expect(v).toBeCloseTo(normalised[i], 4));
  });

  it('projects the skip when input and output widths differ', () => {
    const grn = new GatedResidualNetwork({ seed: 6, units: 8, outputSize: 3 });
    expect((grn.apply(randomTensor([2, 7, 5], 7)) as tf.Tensor).shape).toEqual([2, 7, 3]);
    expect(grn.weights.map((w) => w.originalName.split('/').pop())).toContain('skip_kernel');
  });
});

describe('GateAddNorm', () => {
  it('returns LayerNorm(skip) when the gate is shut', () => {
    const gate = new GateAddNorm({ seed: 3, units: 4 });
    const x = randomTensor([2, 3, 4], 8);
    const skip = randomTensor([2, 3, 4], 9);
    gate.apply([x, skip]);
    gate.weights.find((w) => w.originalName.endsWith('gate_bias'))!.write(tf.fill([4], -50));
    const rows = tf.moments(skip, -1, true);
    const expected = values(tf.div(tf.sub(skip, rows.mean), tf.sqrt(tf.add(rows.variance, 1e-3))));
    values(gate.apply([x, skip]) as tf.Tensor).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
  });
});

describe('VariableSelectionNetwork', () => {
  it('gives softmax weights per step that sum to 1 and a units-wide mixture', () => {
    const vsn = new VariableSelectionNetwork({ seed: 2, units: 8, useContext: true });
    const [selected, weights] = vsn.apply([randomTensor([3, 12, 5], 10), randomTensor([3, 8], 11)]) as tf.Tensor[];
    expect(selected.shape).toEqual([3, 12, 8]);
    expect(weights.shape).toEqual([3, 12, 5]);
    values(tf.sum(weights, -1)).forEach((total) => expect(total).toBeCloseTo(1, 5));
    expect(Math.min(...values(weights))).toBeGreaterThan(0);
  });

  it('mixes the per-variable GRN outputs with the selection weights (gates shut: Σ v_j·LayerNorm(ξ_j))', () => {
    const vsn = new VariableSelectionNetwork({ seed: 9, units: 4 });
    const x = randomTensor([2, 3], 19);
    vsn.apply(x);
    const find = (suffix: string): tf.LayerVariable => vsn.weights.find((w) => w.originalName.endsWith(suffix))!;
    find('variable_grns/gate_bias').write(tf.fill([3, 1, 4], -50));
    const [selected, weights] = vsn.apply(x) as tf.Tensor[];
    const embedded = tf.add(tf.mul(tf.expandDims(x, -1), find('embed_kernel').read()), find('embed_bias').read()); // [2, 3, 4]
    const rows = tf.moments(embedded, -1, true);
    const normalised = tf.div(tf.sub(embedded, rows.mean), tf.sqrt(tf.add(rows.variance, 1e-3)));
    const expected = values(tf.sum(tf.mul(normalised, tf.expandDims(weights, -1)), 1));
    values(selected).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
  });

  it('lets the context change the selection weights', () => {
    const vsn = new VariableSelectionNetwork({ seed: 2, units: 8, useContext: true });
    const x = randomTensor([1, 4, 3], 12);
    const [, w1] = vsn.apply([x, tf.zeros([1, 8])]) as tf.Tensor[];
    const [, w2] = vsn.apply([x, tf.fill([1, 8], 3)]) as tf.Tensor[];
    expect(values(w1)).not.toEqual(values(w2));
  });
});

describe('InterpretableMultiHeadAttention', () => {
  it('is causal: no weight on later positions, rows sum to 1', () => {
    const attention = new InterpretableMultiHeadAttention({ seed: 3, units: 8, heads: 2 });
    const [output, weights] = attention.apply(randomTensor([2, 6, 8], 13)) as tf.Tensor[];
    expect(output.shape).toEqual([2, 6, 8]);
    expect(weights.shape).toEqual([2, 6, 6]);
    const w = weights.arraySync() as number[][][];
    for (const sample of w) {
      sample.forEach((row, i) => {
        row.forEach((weight, j) => (j > i ? expect(weight).toBe(0) : expect(weight).toBeGreaterThan(0)));
        expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      });
    }
  });

  it('makes early outputs independent of later inputs', () => {
    const attention = new InterpretableMultiHeadAttention({ seed: 3, units: 8, heads: 2 });
    const x = randomTensor([1, 6, 8], 14);
    const changed = tf.concat([tf.slice(x, [0, 0, 0], [1, 4, 8]), tf.fill([1, 2, 8], 9)], 1);
    const a = values(tf.slice((attention.apply(x) as tf.Tensor[])[0], [0, 0, 0], [1, 4, 8]));
    const b = values(tf.slice((attention.apply(changed) as tf.Tensor[])[0], [0, 0, 0], [1, 4, 8]));
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 5));
  });

  it('shares one value projection across heads', () => {
    const attention = new InterpretableMultiHeadAttention({ seed: 3, units: 8, heads: 2 });
    attention.apply(randomTensor([1, 3, 8], 15));
    const shape = (label: string): number[] => attention.weights.find((w) => w.originalName.endsWith(label))!.shape as number[];
    expect(shape('query_kernel')).toEqual([8, 8]);
    expect(shape('value_kernel')).toEqual([8, 4]);
  });
});

describe('StaticCovariateEncoder, LstmLayer and QuantileHead', () => {
  it('produce four contexts, LSTM sequences/states and ordered quantiles', () => {
    const encoder = new StaticCovariateEncoder({ seed: 5, units: 8 });
    const outputs = encoder.apply(randomTensor([2, 3], 16)) as tf.Tensor[];
    expect(outputs.map((t) => t.shape)).toEqual([[2, 8], [2, 8], [2, 8], [2, 8], [2, 3]]);
    const lstm = new LstmLayer({ seed: 6, units: 8 });
    const [sequence, hidden, cell] = lstm.apply([randomTensor([2, 5, 4], 17), outputs[2], outputs[3]]) as tf.Tensor[];
    expect([sequence.shape, hidden.shape, cell.shape]).toEqual([[2, 5, 8], [2, 8], [2, 8]]);
    expect(values(tf.slice(sequence, [0, 4, 0], [-1, 1, -1]))).toEqual(values(hidden));
    const head = new QuantileHead({ seed: 7, quantileCount: 3 });
    const q = (head.apply(tf.mul(randomTensor([50, 4, 8], 18), 20)) as tf.Tensor).arraySync() as number[][][];
    for (const steps of q) for (const levels of steps) expect(levels[0] <= levels[1] && levels[1] <= levels[2]).toBe(true);
  });
});
