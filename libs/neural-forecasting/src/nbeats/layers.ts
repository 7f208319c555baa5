import { tf, type TfInitializer } from '@tethys/tf-runtime';
import {
  seasonalityBackcastBasis,
  seasonalityForecastBasis,
  trendBasis,
  type BasisMatrix,
} from './bases';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type LayerVariable = tf.LayerVariable;
type Shape = (number | null)[];
type Kwargs = Parameters<tf.layers.Layer['call']>[1];
type ConfigDict = tf.serialization.ConfigDict;

/** Which functions a block's coefficients expand into. */
export type NBeatsBasisKind = 'generic' | 'trend' | 'seasonality';

export interface NBeatsBlockConfig {
  lookback: number;
  horizon: number;
  /** Forecast channels: 1 (point) or 1 + number of quantiles. */
  channels: number;
  /** Width of the fully connected layers. */
  units: number;
  /** Number of fully connected ReLU layers (4 in the paper). */
  hiddenLayers: number;
  basis: NBeatsBasisKind;
  /** Polynomial degree of the trend basis (only for basis 'trend'). */
  degree: number;
}

export interface NBeatsBlockArgs extends NBeatsBlockConfig {
  name?: string;
  /** Initialiser of every kernel (seeded by the caller); not serialised: loaded models get their saved weights. */
  kernelInitializer?: (label: string) => TfInitializer;
}

/** A basis as a constant [rows, length] tensor (built inside the caller's tidy). */
function basisTensor(basis: BasisMatrix): tf.Tensor2D {
  return tf.tensor2d(basis.values, [basis.rows, basis.length]);
}

/**
 * One N-BEATS block (eq. 1-2 of the paper): a stack of fully connected ReLU
 * layers h = FC_4(...FC_1(x)), two linear projections to the backcast and
 * forecast expansion coefficients theta_b = W_b h, theta_f = W_f h, and the
 * basis expansion:
 * - generic: learnable linear bases, backcast = theta_b V_b + b_b, forecast = theta_f V_f + b_f;
 * - trend: fixed polynomial rows t^k (see trendBasis);
 * - seasonality: fixed Fourier rows (see seasonalityBasis).
 * Input [batch, lookback]; outputs [backcast [batch, lookback], forecast
 * [batch, channels * horizon]] with the forecast laid out channel-major
 * (channel c, step h at index c * horizon + h). Every channel has its own
 * coefficients over the same basis.
 */
export class NBeatsBlock extends tf.layers.Layer {
  static className = 'NBeatsBlock';
  readonly blockConfig: NBeatsBlockConfig;
  private readonly kernelInitializer: ((label: string) => TfInitializer) | undefined;
  private hiddenKernels: LayerVariable[] = [];
  private hiddenBiases: LayerVariable[] = [];
  private backcastProjection: LayerVariable | null = null;
  private forecastProjection: LayerVariable | null = null;
  /** Generic basis only: V_b, b_b, V_f, b_f. */
  private genericBases: LayerVariable[] = [];

  constructor(args: NBeatsBlockArgs) {
    super({ name: args.name } as LayerArgs);
    this.blockConfig = {
      lookback: args.lookback,
      horizon: args.horizon,
      channels: args.channels,
      units: args.units,
      hiddenLayers: args.hiddenLayers,
      basis: args.basis,
      degree: args.degree,
    };
    this.kernelInitializer = args.kernelInitializer;
  }

  /** Size of theta per channel (backcast, forecast). */
  thetaSizes(): { backcast: number; forecast: number } {
    const { basis, lookback, horizon, degree } = this.blockConfig;
    if (basis === 'generic') return { backcast: lookback, forecast: horizon };
    if (basis === 'trend') return { backcast: degree + 1, forecast: degree + 1 };
    const rows = seasonalityForecastBasis(horizon).rows;
    return { backcast: rows, forecast: rows };
  }

  override build(): void {
    const { lookback, horizon, channels, units, hiddenLayers, basis } = this.blockConfig;
    const initializer = (label: string): TfInitializer | undefined => this.kernelInitializer?.(`${this.name}/${label}`);
    const zeros = tf.initializers.zeros();
    this.hiddenKernels = [];
    this.hiddenBiases = [];
    for (let layer = 0; layer < hiddenLayers; layer++) {
      const inputs = layer === 0 ? lookback : units;
      this.hiddenKernels.push(this.addWeight(`fc${layer}/kernel`, [inputs, units], 'float32', initializer(`fc${layer}`)));
      this.hiddenBiases.push(this.addWeight(`fc${layer}/bias`, [units], 'float32', zeros));
    }
    const theta = this.thetaSizes();
    this.backcastProjection = this.addWeight('theta_b', [units, theta.backcast], 'float32', initializer('theta_b'));
    this.forecastProjection = this.addWeight('theta_f', [units, channels * theta.forecast], 'float32', initializer('theta_f'));
    if (basis === 'generic') {
      this.genericBases = [
        this.addWeight('basis_b/kernel', [lookback, lookback], 'float32', initializer('basis_b')),
        this.addWeight('basis_b/bias', [lookback], 'float32', zeros),
        this.addWeight('basis_f/kernel', [horizon, horizon], 'float32', initializer('basis_f')),
        this.addWeight('basis_f/bias', [channels * horizon], 'float32', zeros),
      ];
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const batch = (Array.isArray(inputShape[0]) ? (inputShape[0] as Shape) : (inputShape as Shape))[0];
    const { lookback, horizon, channels } = this.blockConfig;
    return [
      [batch, lookback],
      [batch, channels * horizon],
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      let hidden: tf.Tensor2D = x;
      for (let layer = 0; layer < this.hiddenKernels.length; layer++) {
        const kernel = this.hiddenKernels[layer].read() as tf.Tensor2D;
        // One fused kernel (matMul + bias + ReLU) per layer: fewer passes over the activations on every backend.
        hidden = tf.fused.matMul({ a: hidden, b: kernel, bias: this.hiddenBiases[layer].read(), activation: 'relu' }) as tf.Tensor2D;
      }
      const thetaB = tf.matMul(hidden, this.backcastProjection!.read() as tf.Tensor2D) as tf.Tensor2D;
      const thetaF = tf.matMul(hidden, this.forecastProjection!.read() as tf.Tensor2D) as tf.Tensor2D;
      return [this.expandBackcast(thetaB), this.expandForecast(thetaF)];
    });
  }

  private expandBackcast(theta: tf.Tensor2D): tf.Tensor2D {
    const { basis, lookback, horizon, degree } = this.blockConfig;
    if (basis === 'generic') {
      const [kernel, bias] = this.genericBases;
      return tf.add(tf.matMul(theta, kernel.read() as tf.Tensor2D), bias.read()) as tf.Tensor2D;
    }
    const matrix = basis === 'trend' ? trendBasis(degree, lookback) : seasonalityBackcastBasis(horizon, lookback);
    return tf.matMul(theta, basisTensor(matrix));
  }

  /** theta [batch, channels * size] -> [batch, channels * horizon], each channel expanded over the same basis. */
  private expandForecast(theta: tf.Tensor2D): tf.Tensor2D {
    const { basis, horizon, channels, degree } = this.blockConfig;
    const batch = theta.shape[0];
    const size = theta.shape[1] / channels;
    const perChannel = tf.reshape(theta, [batch * channels, size]) as tf.Tensor2D;
    let expanded: tf.Tensor2D;
    if (basis === 'generic') {
      expanded = tf.matMul(perChannel, this.genericBases[2].read() as tf.Tensor2D);
    } else {
      const matrix = basis === 'trend' ? trendBasis(degree, horizon) : seasonalityForecastBasis(horizon);
      expanded = tf.matMul(perChannel, basisTensor(matrix));
    }
    const flat = tf.reshape(expanded, [batch, channels * horizon]) as tf.Tensor2D;
    return basis === 'generic' ? tf.add(flat, this.genericBases[3].read()) : flat;
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), ...this.blockConfig };
  }
}

/** x - backcast: the doubly residual link feeding the next block what this block did not explain. */
export class BackcastResidual extends tf.layers.Layer {
  static className = 'NBeatsBackcastResidual';

  constructor(args: { name?: string } = {}) {
    super({ name: args.name } as LayerArgs);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return (inputShape as Shape[])[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [x, backcast] = inputs as tf.Tensor[];
    return tf.sub(x, backcast);
  }
}

/**
 * Quantiles that cannot cross: channel 0 (the point forecast) passes through;
 * of the quantile channels 1..Q the first is the lowest quantile and each next
 * one adds softplus(raw) >= 0 to the one below, so q_1 <= q_2 <= ... <= q_Q.
 * Input and output [batch, channels * horizon], channel-major.
 */
export class NonCrossingQuantiles extends tf.layers.Layer {
  static className = 'NBeatsNonCrossingQuantiles';
  readonly horizon: number;
  readonly channels: number;

  constructor(args: { horizon: number; channels: number; name?: string }) {
    super({ name: args.name } as LayerArgs);
    this.horizon = args.horizon;
    this.channels = args.channels;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return inputShape as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs?: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      const batch = x.shape[0];
      const perChannel = tf.reshape(x, [batch, this.channels, this.horizon]);
      const point = tf.slice(perChannel, [0, 0, 0], [batch, 1, this.horizon]);
      const lowest = tf.slice(perChannel, [0, 1, 0], [batch, 1, this.horizon]);
      const parts = [point, lowest];
      // A running sum rather than tf.cumsum: tfjs 4.22's cumsum gradient is wrong along a non-last axis.
      let running = lowest;
      for (let channel = 2; channel < this.channels; channel++) {
        const raw = tf.slice(perChannel, [0, channel, 0], [batch, 1, this.horizon]);
        running = tf.add(running, tf.softplus(raw));
        parts.push(running);
      }
      return tf.reshape(tf.concat(parts, 1), [batch, this.channels * this.horizon]);
    });
  }

  override getConfig(): ConfigDict {
    return { ...super.getConfig(), horizon: this.horizon, channels: this.channels };
  }
}

tf.serialization.registerClass(NBeatsBlock);
tf.serialization.registerClass(BackcastResidual);
tf.serialization.registerClass(NonCrossingQuantiles);
