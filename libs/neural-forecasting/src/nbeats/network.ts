import { seededInitializers, tf } from '@tethys/tf-runtime';
import { BackcastResidual, NBeatsBlock, NonCrossingQuantiles, type NBeatsBasisKind } from './layers';

export type NBeatsStackKind = 'generic' | 'interpretable';

/** Everything that fixes the network's shape (saved with the model). */
export interface NBeatsNetworkConfig {
  lookback: number;
  horizon: number;
  /** 1 (point forecast) or 1 + number of quantile levels. */
  channels: number;
  stacks: NBeatsStackKind;
  blocksPerStack: number;
  layerWidth: number;
  /** Fully connected ReLU layers per block (4 in the paper). */
  hiddenLayers: number;
  trendDegree: number;
  /** Interpretable only: the blocks of a stack share one set of weights (as in the paper). */
  shareWeights: boolean;
}

interface StackSpec {
  name: string;
  basis: NBeatsBasisKind;
}

/** Generic: one stack of generic blocks. Interpretable: a trend stack, then a seasonality stack (paper, section 3.3). */
export function stackSpecs(config: NBeatsNetworkConfig): StackSpec[] {
  return config.stacks === 'generic'
    ? [{ name: 'generic', basis: 'generic' }]
    : [
        { name: 'trend', basis: 'trend' },
        { name: 'seasonality', basis: 'seasonality' },
      ];
}

function sharesWeights(config: NBeatsNetworkConfig): boolean {
  return config.stacks === 'interpretable' && config.shareWeights;
}

function blockLayerName(config: NBeatsNetworkConfig, stack: string, block: number): string {
  return sharesWeights(config) ? `${stack}_block` : `${stack}_block${block}`;
}

function residualLayerName(stack: string, block: number): string {
  return `${stack}_residual${block}`;
}

function sumSymbolic(parts: tf.SymbolicTensor[], name: string): tf.SymbolicTensor {
  return parts.length === 1 ? parts[0] : (tf.layers.add({ name }).apply(parts) as tf.SymbolicTensor);
}

/**
 * The N-BEATS network with doubly residual stacking: block l reads
 * x_l = x_{l-1} - backcast_{l-1} (x_1 = the lookback window) and the
 * forecast is the sum of all block forecasts (stack by stack). With
 * quantile channels the summed forecast goes through NonCrossingQuantiles.
 * Output: [batch, channels * horizon], channel-major. Same seed, same weights.
 */
export function buildNBeatsNetwork(config: NBeatsNetworkConfig, seed: number): tf.LayersModel {
  const initializers = seededInitializers(seed);
  const input = tf.input({ shape: [config.lookback], name: 'lookback' });
  const specs = stackSpecs(config);
  const totalBlocks = specs.length * config.blocksPerStack;
  let residual: tf.SymbolicTensor = input;
  let blockIndex = 0;
  const stackForecasts: tf.SymbolicTensor[] = [];
  for (const spec of specs) {
    const makeBlock = (block: number): NBeatsBlock =>
      new NBeatsBlock({
        name: blockLayerName(config, spec.name, block),
        lookback: config.lookback,
        horizon: config.horizon,
        channels: config.channels,
        units: config.layerWidth,
        hiddenLayers: config.hiddenLayers,
        basis: spec.basis,
        degree: config.trendDegree,
        kernelInitializer: (label) => initializers.glorotUniform(label),
      });
    const shared = sharesWeights(config) ? makeBlock(0) : null;
    const blockForecasts: tf.SymbolicTensor[] = [];
    for (let block = 0; block < config.blocksPerStack; block++) {
      const layer = shared ?? makeBlock(block);
      const [backcast, forecast] = layer.apply(residual) as tf.SymbolicTensor[];
      blockForecasts.push(forecast);
      blockIndex++;
      // The last block's backcast explains nothing further downstream, so no residual is formed after it.
      if (blockIndex < totalBlocks) {
        residual = new BackcastResidual({ name: residualLayerName(spec.name, block) }).apply([residual, backcast]) as tf.SymbolicTensor;
      }
    }
    stackForecasts.push(sumSymbolic(blockForecasts, `${spec.name}_forecast`));
  }
  let output = sumSymbolic(stackForecasts, 'forecast_sum');
  if (config.channels > 1) {
    output = new NonCrossingQuantiles({ name: 'quantiles', horizon: config.horizon, channels: config.channels }).apply(
      output,
    ) as tf.SymbolicTensor;
  }
  return tf.model({ inputs: input, outputs: output, name: 'nbeats' });
}

/** Inner tensors of a built or loaded network, found by layer name. */
export interface NBeatsTaps {
  /** The input x_l of every block, in order (x_1 is the lookback window). */
  blockInputs: tf.SymbolicTensor[];
  backcasts: tf.SymbolicTensor[];
  blockForecasts: tf.SymbolicTensor[];
  /** One per stack: the sum of its block forecasts (before the quantile transform). */
  stackForecasts: tf.SymbolicTensor[];
  /** Sum over all blocks, before the quantile transform. */
  summedForecast: tf.SymbolicTensor;
}

export function networkTaps(model: tf.LayersModel, config: NBeatsNetworkConfig): NBeatsTaps {
  const taps: NBeatsTaps = { blockInputs: [], backcasts: [], blockForecasts: [], stackForecasts: [], summedForecast: model.inputs[0] };
  let residual = model.inputs[0];
  const specs = stackSpecs(config);
  specs.forEach((spec, stackIndex) => {
    const inStack: tf.SymbolicTensor[] = [];
    for (let block = 0; block < config.blocksPerStack; block++) {
      const layer = model.getLayer(blockLayerName(config, spec.name, block));
      // A shared block layer was applied once per block: its node b is block b's call.
      const node = sharesWeights(config) ? block : 0;
      const [backcast, forecast] = layer.getOutputAt(node) as tf.SymbolicTensor[];
      taps.blockInputs.push(residual);
      taps.backcasts.push(backcast);
      taps.blockForecasts.push(forecast);
      inStack.push(forecast);
      const last = stackIndex === specs.length - 1 && block === config.blocksPerStack - 1;
      if (!last) residual = model.getLayer(residualLayerName(spec.name, block)).output as tf.SymbolicTensor;
    }
    taps.stackForecasts.push(inStack.length === 1 ? inStack[0] : (model.getLayer(`${spec.name}_forecast`).output as tf.SymbolicTensor));
  });
  taps.summedForecast =
    taps.stackForecasts.length === 1 ? taps.stackForecasts[0] : (model.getLayer('forecast_sum').output as tf.SymbolicTensor);
  return taps;
}
