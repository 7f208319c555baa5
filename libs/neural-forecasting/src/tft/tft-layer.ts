import { seededInitializers, tf, type SeededInitializers, type TfInitializer } from '@tethys/tf-runtime';

export type LayerVariable = tf.LayerVariable;
export type Tensor = tf.Tensor;
export type Shape = (number | null)[];

/** Config every TFT layer shares: the seed that all its initial weights and dropout masks derive from. */
export interface TftLayerArgs {
  name?: string;
  seed: number;
  dropout?: number;
}

const MAX_TF_SEED = 2 ** 31 - 1;

/**
 * Base of the TFT building blocks. A block may own sub-blocks: tfjs-layers
 * only saves the weights a layer reports, so `trainableWeights` adds the
 * children's weights to the layer's own. Weight names carry the (unique)
 * layer name, so a whole tree of blocks inside one model layer saves and
 * loads by name without collisions.
 */
export abstract class TftLayer extends tf.layers.Layer {
  readonly seed: number;
  readonly dropoutRate: number;
  protected readonly initializers: SeededInitializers;
  private subLayers: TftLayer[] | undefined;
  private dropoutCalls = 0;

  constructor(args: TftLayerArgs) {
    super({ name: args.name, trainable: true });
    this.seed = args.seed;
    this.dropoutRate = args.dropout ?? 0;
    this.initializers = seededInitializers(args.seed);
  }

  override get trainableWeights(): LayerVariable[] {
    return [...super.trainableWeights, ...(this.subLayers ?? []).flatMap((child) => child.trainableWeights)];
  }

  override set trainableWeights(weights: LayerVariable[]) {
    super.trainableWeights = weights;
  }

  /** Creates and builds a sub-block; its name and seed derive from this layer's. */
  protected child<L extends TftLayer>(label: string, make: (args: TftLayerArgs) => L, inputShape: Shape | Shape[]): L {
    const layer = make({ name: `${this.name}/${label}`, seed: this.initializers.nextSeed(label), dropout: this.dropoutRate });
    layer.build(inputShape);
    layer.built = true;
    this.subLayers = [...(this.subLayers ?? []), layer];
    return layer;
  }

  /** A weight named after this layer, initialised from the layer seed (label-stable). */
  protected weight(label: string, shape: number[], init: 'glorot' | 'orthogonal' | 'zeros' | 'ones'): LayerVariable {
    const initializer: TfInitializer =
      init === 'glorot'
        ? this.initializers.glorotUniform(label)
        : init === 'orthogonal'
          ? this.initializers.orthogonal(label)
          : init === 'ones'
            ? tf.initializers.ones()
            : this.initializers.zeros();
    return this.addWeight(`${this.name}/${label}`, shape, 'float32', initializer);
  }

  /** Dropout in training only; each call draws a fresh mask from a seeded sequence, so runs repeat exactly. */
  protected dropout(x: Tensor, training: boolean): Tensor {
    if (!training || this.dropoutRate <= 0) return x;
    this.dropoutCalls += 1;
    const seed = 1 + ((this.seed + this.dropoutCalls * 7919) % (MAX_TF_SEED - 1));
    return tf.dropout(x, this.dropoutRate, undefined, seed);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), seed: this.seed, dropout: this.dropoutRate };
  }
}

export function isTraining(kwargs: Record<string, unknown> | undefined): boolean {
  return kwargs?.training === true;
}

export function lastDim(shape: Shape): number {
  const size = shape[shape.length - 1];
  if (size === null) throw new Error('TFT layers need a known last dimension');
  return size;
}

/** tfjs hands a list-input layer either a list of shapes or (for one input) a single shape. */
export function shapeList(inputShape: Shape | Shape[]): Shape[] {
  return Array.isArray(inputShape[0]) ? (inputShape as Shape[]) : [inputShape as Shape];
}

export function tensorList(inputs: Tensor | Tensor[]): Tensor[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}
