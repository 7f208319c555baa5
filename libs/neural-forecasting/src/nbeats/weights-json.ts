import { ForecastError } from '@tethys/forecasting';
import { tf } from '@tethys/tf-runtime';

/** One weight as JSON: its shape and float32 values in base64 (little-endian, as Float32Array bytes). */
export interface WeightJson {
  shape: number[];
  data: string;
}

/** The model's weights in `model.getWeights()` order (synchronous, so `toJSON` can carry them). */
export function weightsToJSON(model: tf.LayersModel): WeightJson[] {
  return model.getWeights().map((weight) => {
    const values = Float32Array.from(weight.dataSync());
    return { shape: [...weight.shape], data: Buffer.from(values.buffer).toString('base64') };
  });
}

/** Sets weights written by weightsToJSON onto a model of the same architecture, checking every shape. */
export function setWeightsFromJSON(model: tf.LayersModel, json: unknown, path: string): void {
  const expected = model.getWeights();
  if (!Array.isArray(json) || json.length !== expected.length) {
    throw new ForecastError('INVALID_JSON', path, `must list ${expected.length} weights for this architecture`);
  }
  const tensors = json.map((entry: Partial<WeightJson>, index) => {
    const shape = expected[index].shape;
    if (!Array.isArray(entry?.shape) || entry.shape.join(',') !== shape.join(',') || typeof entry.data !== 'string') {
      throw new ForecastError('INVALID_JSON', `${path}[${index}]`, `must be { shape: [${shape.join(', ')}], data: base64 }`);
    }
    const bytes = Buffer.from(entry.data, 'base64');
    const size = shape.reduce((product, dim) => product * dim, 1);
    if (bytes.byteLength !== size * 4) {
      throw new ForecastError('INVALID_JSON', `${path}[${index}].data`, `holds ${bytes.byteLength} bytes, expected ${size * 4}`);
    }
    const values = new Float32Array(size);
    new Uint8Array(values.buffer).set(bytes);
    return tf.tensor(values, shape, 'float32');
  });
  model.setWeights(tensors);
  tensors.forEach((tensor) => tensor.dispose());
}
