import { seededInitializers } from '../random/seeded-initializers';
import { tf } from '../tf';

/** A 3 -> 5 (tanh) -> 2 dense network with seeded weights: small enough for exact-equality tests. */
export function smallDenseModel(seed: number): tf.Sequential {
  const init = seededInitializers(seed);
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      inputShape: [3],
      units: 5,
      activation: 'tanh',
      kernelInitializer: init.glorotUniform('hidden'),
      biasInitializer: init.zeros(),
    }),
  );
  model.add(tf.layers.dense({ units: 2, kernelInitializer: init.heNormal('output'), biasInitializer: init.zeros() }));
  return model;
}

/** An LSTM(4) -> dense(1) network: exercises glorot, orthogonal and zeros initialisers together. */
export function smallLstmModel(seed: number): tf.Sequential {
  const init = seededInitializers(seed);
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      inputShape: [6, 2],
      units: 4,
      kernelInitializer: init.glorotUniform('lstm'),
      recurrentInitializer: init.orthogonal('lstm'),
      biasInitializer: init.zeros(),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: init.glorotUniform('head') }));
  return model;
}

/** A fixed batch of inputs (no randomness): `rows` x `cols` values in [-1, 1]. */
export function fixedInputs(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => Math.sin(1 + r * cols + c)));
}

/** Every weight of a model as plain arrays, in layer order. */
export function weightValues(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((weight) => weight.dataSync() as Float32Array);
}

/** Every weight of a model, read asynchronously (webgpu cannot read synchronously in Node). */
export async function readWeightValues(model: tf.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map(async (weight) => (await weight.data()) as Float32Array));
}
