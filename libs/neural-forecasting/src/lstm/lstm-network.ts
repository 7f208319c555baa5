import { seededInitializers, tf } from '@tethys/tf-runtime';
import { MonotoneQuantileHead } from './monotone-quantile-head';
import { SeededDropout } from './seeded-dropout';

/** Everything that fixes the network's shape and initial weights. */
export interface LstmNetworkSpec {
  lookback: number;
  horizon: number;
  hiddenSize: number;
  layers: 1 | 2;
  dropout: number;
  /** Past-observed covariates, fed beside the target at each lookback step. */
  pastFeatures: number;
  /** Known-future covariates, `horizon` steps of each, flattened into the head's input. */
  futureFeatures: number;
  /** Quantile levels of the head, or 0 for a point forecast. */
  quantiles: number;
  seed: number;
}

/**
 * LSTM encoder over [lookback, 1 + pastFeatures] -> last hidden state
 * (concatenated with the flattened future covariates) -> one dense layer to
 * all horizon steps at once: [batch, horizon], or [batch, horizon, quantiles]
 * through the non-crossing quantile head.
 */
export function buildLstmNetwork(spec: LstmNetworkSpec): tf.LayersModel {
  const init = seededInitializers(spec.seed);
  const history = tf.input({ shape: [spec.lookback, 1 + spec.pastFeatures], name: 'history' });
  const inputs: tf.SymbolicTensor[] = [history];
  let encoded: tf.SymbolicTensor = history;
  const lstmLayers: string[] = [];
  for (let layer = 1; layer <= spec.layers; layer++) {
    encoded = tf.layers
      .lstm({
        units: spec.hiddenSize,
        returnSequences: layer < spec.layers,
        kernelInitializer: init.glorotUniform(`lstm${layer}`),
        recurrentInitializer: init.orthogonal(`lstm${layer}`),
        biasInitializer: init.zeros(),
        name: `lstm_${layer}`,
      })
      .apply(encoded) as tf.SymbolicTensor;
    lstmLayers.push(layerName(encoded));
    if (spec.dropout > 0) {
      const dropout = new SeededDropout({ rate: spec.dropout, seed: init.nextSeed(`dropout${layer}`), name: `dropout_${layer}` });
      encoded = dropout.apply(encoded) as tf.SymbolicTensor;
    }
  }
  let headInput = encoded;
  if (spec.futureFeatures > 0) {
    const future = tf.input({ shape: [spec.horizon * spec.futureFeatures], name: 'future' });
    inputs.push(future);
    headInput = tf.layers.concatenate({ name: 'head_input' }).apply([encoded, future]) as tf.SymbolicTensor;
  }
  const outputsPerStep = spec.quantiles > 0 ? spec.quantiles : 1;
  let output = tf.layers
    .dense({
      units: spec.horizon * outputsPerStep,
      kernelInitializer: init.glorotUniform('head'),
      biasInitializer: init.zeros(),
      name: 'head',
    })
    .apply(headInput) as tf.SymbolicTensor;
  if (spec.quantiles > 0) {
    output = new MonotoneQuantileHead({ horizon: spec.horizon, quantiles: spec.quantiles, name: 'quantile_head' }).apply(
      output,
    ) as tf.SymbolicTensor;
  }
  const model = tf.model({ inputs, outputs: output, name: 'lstm_forecaster' });
  for (const name of lstmLayers) setForgetBias(model.getLayer(name), spec.hiddenSize);
  return model;
}

function layerName(tensor: tf.SymbolicTensor): string {
  return tensor.sourceLayer.name;
}

/**
 * Forget-gate bias 1 (Jozefowicz et al. 2015) so gradients flow through the
 * lookback from the start. Set here rather than with tfjs's `unitForgetBias`,
 * whose initializer leaks four tensors per layer.
 */
function setForgetBias(layer: tf.layers.Layer, units: number): void {
  const [kernel, recurrent] = layer.getWeights();
  // The bias starts at zeros (biasInitializer above), so it is written, not read back (no blocking read).
  // tfjs orders the LSTM gates input, forget, cell, output.
  const values = new Float32Array(4 * units);
  values.fill(1, units, 2 * units);
  const forgetBias = tf.tensor1d(values);
  layer.setWeights([kernel, recurrent, forgetBias]);
  forgetBias.dispose();
}
