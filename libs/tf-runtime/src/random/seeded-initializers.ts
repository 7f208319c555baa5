import { createRng, type Rng } from '@tethys/data';
import { tf } from '../tf';

/** A tfjs-layers initializer (what `kernelInitializer` and friends accept). */
export type TfInitializer = ReturnType<typeof tf.initializers.zeros>;

/** Seeds handed to tfjs are positive 31-bit integers (tfjs seeds its alea generator with their decimal string). */
const MAX_TF_SEED = 2 ** 31 - 1;

/**
 * Initialisers whose randomness comes from one run seed, so building the
 * same model twice gives the same weights (on the same backend: tfjs draws
 * the random numbers in JavaScript, but orthogonal runs a QR decomposition
 * on the backend).
 *
 * Each call derives a fresh tfjs seed. With a `label` the seed depends only
 * on (run seed, initialiser kind, label), so adding a layer elsewhere does
 * not change this layer's weights; labels must then be unique per kind.
 * Without a label, seeds come from one stream in call order.
 */
export interface SeededInitializers {
  readonly seed: number;
  glorotUniform(label?: string): TfInitializer;
  heNormal(label?: string): TfInitializer;
  orthogonal(label?: string, gain?: number): TfInitializer;
  zeros(): TfInitializer;
  /** A derived seed for anything else that takes one (a dropout layer, tf.randomNormal). */
  nextSeed(label?: string): number;
}

export function seededInitializers(seed: number): SeededInitializers {
  const root = createRng(seed);
  const sequence = root.fork('seeded-initializers:sequence');
  const derive = (kind: string, label: string | undefined): number => {
    const stream: Rng = label === undefined ? sequence : root.fork(`seeded-initializers:${kind}:${label}`);
    return 1 + stream.int(MAX_TF_SEED);
  };
  return {
    seed,
    glorotUniform: (label) => tf.initializers.glorotUniform({ seed: derive('glorotUniform', label) }),
    heNormal: (label) => tf.initializers.heNormal({ seed: derive('heNormal', label) }),
    orthogonal: (label, gain = 1) => tf.initializers.orthogonal({ seed: derive('orthogonal', label), gain }),
    zeros: () => tf.initializers.zeros(),
    nextSeed: (label) => derive('seed', label),
  };
}
