import { initTf, modelFilesLoadHandler, modelToFiles, tf } from '@tethys/tf-runtime';
import { NonCrossingQuantiles } from './layers';
import { buildNBeatsNetwork, networkTaps, type NBeatsNetworkConfig } from './network';

const base: NBeatsNetworkConfig = {
  lookback: 10,
  horizon: 4,
  channels: 1,
  stacks: 'generic',
  blocksPerStack: 3,
  layerWidth: 16,
  hiddenLayers: 4,
  trendDegree: 2,
  shareWeights: true,
};

function values(tensor: tf.Tensor): number[] {
  return Array.from(tensor.dataSync());
}

function expectClose(actual: number[], expected: number[], tolerance = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(Math.abs(value - expected[index])).toBeLessThan(tolerance));
}

/** All taps of one forward pass on x, as arrays. */
function runTaps(model: tf.LayersModel, config: NBeatsNetworkConfig, x: tf.Tensor2D) {
  const taps = networkTaps(model, config);
  const wanted = [model.outputs[0], taps.summedForecast, ...taps.blockInputs, ...taps.backcasts, ...taps.blockForecasts, ...taps.stackForecasts];
  // A model cannot output its own input, and each tensor is asked for once.
  const distinct = [...new Set(wanted.filter((tensor) => tensor !== model.inputs[0]))];
  const inspector = tf.model({ inputs: model.inputs, outputs: distinct });
  const computed = (inspector.predict(x) as tf.Tensor[]).map(values);
  const outputs = wanted.map((tensor) => (tensor === model.inputs[0] ? values(x) : computed[distinct.indexOf(tensor)]));
  const blocks = taps.blockForecasts.length;
  return {
    output: outputs[0],
    summed: outputs[1],
    inputs: outputs.slice(2, 2 + blocks),
    backcasts: outputs.slice(2 + blocks, 2 + 2 * blocks),
    forecasts: outputs.slice(2 + 2 * blocks, 2 + 3 * blocks),
    stacks: outputs.slice(2 + 3 * blocks),
  };
}

const sum = (arrays: number[][]): number[] => arrays[0].map((_, index) => arrays.reduce((total, array) => total + array[index], 0));

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

describe('buildNBeatsNetwork', () => {
  const configs: [string, NBeatsNetworkConfig][] = [
    ['generic', base],
    ['interpretable, shared weights', { ...base, stacks: 'interpretable', blocksPerStack: 2 }],
    ['interpretable, own weights', { ...base, stacks: 'interpretable', blocksPerStack: 2, shareWeights: false }],
  ];

  it.each(configs)('satisfies the doubly residual identities (%s)', (_, config) => {
    const model = buildNBeatsNetwork(config, 11);
    const x = tf.randomNormal([5, config.lookback], 0, 1, 'float32', 3) as tf.Tensor2D;
    const run = runTaps(model, config, x);
    const blocks = run.forecasts.length;
    expect(blocks).toBe(config.blocksPerStack * (config.stacks === 'generic' ? 1 : 2));
    // The forecast is the sum of every block's forecast ...
    expectClose(run.output, sum(run.forecasts));
    expectClose(run.summed, run.output);
    expectClose(sum(run.stacks), run.output);
    // ... each block reads what the blocks before it left unexplained ...
    expectClose(run.inputs[0], values(x));
    for (let block = 1; block < blocks; block++) {
      expectClose(run.inputs[block], run.inputs[block - 1].map((value, i) => value - run.backcasts[block - 1][i]));
    }
    // ... so the final residual is the input minus the sum of all backcasts.
    const finalResidual = run.inputs[blocks - 1].map((value, i) => value - run.backcasts[blocks - 1][i]);
    const inputMinusBackcasts = values(x).map((value, i) => value - sum(run.backcasts)[i]);
    expectClose(finalResidual, inputMinusBackcasts);
    expect(model.outputs[0].shape).toEqual([null, config.horizon]);
    model.dispose();
  });

  it('shares one set of weights per interpretable stack when asked', () => {
    const shared = buildNBeatsNetwork({ ...base, stacks: 'interpretable', blocksPerStack: 3 }, 1);
    const own = buildNBeatsNetwork({ ...base, stacks: 'interpretable', blocksPerStack: 3, shareWeights: false }, 1);
    expect(own.countParams()).toBe(3 * shared.countParams());
    shared.dispose();
    own.dispose();
  });

  it('draws the same weights from the same seed and different ones from another', () => {
    const first = buildNBeatsNetwork(base, 5).getWeights().map(values);
    const again = buildNBeatsNetwork(base, 5).getWeights().map(values);
    const other = buildNBeatsNetwork(base, 6).getWeights().map(values);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('saves and loads with its custom layers, reproducing outputs and taps exactly', async () => {
    const config: NBeatsNetworkConfig = { ...base, stacks: 'interpretable', blocksPerStack: 2, channels: 3 };
    const model = buildNBeatsNetwork(config, 2);
    const files = await modelToFiles(model);
    const topology = JSON.stringify(JSON.parse(files['model.json'] as string).modelTopology);
    expect(topology).toContain('NBeatsBlock');
    expect(topology).toContain('NBeatsNonCrossingQuantiles');
    const loaded = await tf.loadLayersModel(
      modelFilesLoadHandler((path) => {
        const content = files[path];
        return typeof content === 'string' ? new TextEncoder().encode(content) : content;
      }, 'memory'),
    );
    const x = tf.randomNormal([4, config.lookback], 0, 1, 'float32', 9) as tf.Tensor2D;
    expect(runTaps(loaded, config, x)).toEqual(runTaps(model, config, x));
  });
});

describe('NonCrossingQuantiles', () => {
  it('never lets quantile channels cross and passes the point channel through', () => {
    const horizon = 5;
    const channels = 4;
    const layer = new NonCrossingQuantiles({ horizon, channels });
    const raw = tf.randomNormal([50, channels * horizon], 0, 10, 'float32', 21);
    const out = values(layer.apply(raw) as tf.Tensor);
    const input = values(raw);
    for (let row = 0; row < 50; row++) {
      for (let h = 0; h < horizon; h++) {
        const at = (channel: number): number => out[row * channels * horizon + channel * horizon + h];
        expect(at(0)).toBe(input[row * channels * horizon + h]);
        for (let channel = 2; channel < channels; channel++) expect(at(channel)).toBeGreaterThanOrEqual(at(channel - 1));
      }
    }
  });
});
