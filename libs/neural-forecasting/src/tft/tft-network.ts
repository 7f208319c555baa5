import { tf } from '@tethys/tf-runtime';
import { TemporalFusionTransformer, type TemporalFusionTransformerArgs } from './temporal-fusion-transformer';

/** Name of the TFT layer inside the saved model. */
export const TFT_LAYER_NAME = 'tft';

/** The layers model around the TFT layer: what is saved, loaded and trained. */
export interface TftNetwork {
  model: tf.LayersModel;
  layer: TemporalFusionTransformer;
}

export function buildTftNetwork(args: Omit<TemporalFusionTransformerArgs, 'name'>): TftNetwork {
  const { lookback, horizon, observedSize, knownSize, staticSize } = args;
  const inputs = [
    tf.input({ shape: [lookback, observedSize], name: 'observed_past' }),
    tf.input({ shape: [lookback + horizon, knownSize], name: 'known_future' }),
  ];
  if (staticSize > 0) inputs.push(tf.input({ shape: [staticSize], name: 'static' }));
  const layer = new TemporalFusionTransformer({ ...args, name: TFT_LAYER_NAME });
  const output = layer.apply(inputs) as tf.SymbolicTensor;
  return { model: tf.model({ inputs, outputs: output }), layer };
}

export function findTftLayer(model: tf.LayersModel): TemporalFusionTransformer {
  const layer = model.layers.find((candidate) => candidate instanceof TemporalFusionTransformer);
  if (layer === undefined) throw new Error('the loaded model holds no TemporalFusionTransformer layer');
  return layer as TemporalFusionTransformer;
}
