import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The project's one source of randomness: a seeded xoroshiro128+ stream
 * (pure-rand). Every random draw in the workspace goes through an `Rng`, so
 * the same seed gives the same numbers on every machine.
 */
export interface Rng {
  /** The seed this stream was created from. */
  readonly seed: number;
  /** Uniform float in [0, 1), 53 random bits. */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Uniform float in [low, high). */
  uniform(low: number, high: number): number;
  /** Normal draw (Box-Muller, both values used). */
  normal(mean?: number, sd?: number): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** `k` distinct integers from [0, n), in draw order. */
  sampleWithoutReplacement(n: number, k: number): Int32Array;
  /** An independent stream derived from this seed and a label (stable across runs). */
  fork(label: string): Rng;
}

/** Seeds must be safe integers so that JSON params round-trip them exactly. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  return new XoroshiroRng(seed);
}

class XoroshiroRng implements Rng {
  private readonly generator;
  private spareNormal: number | null = null;

  constructor(readonly seed: number) {
    this.generator = xoroshiro128plusFromState(scrambledState(foldSeed(seed)));
  }

  next(): number {
    return uniformFloat64(this.generator);
  }

  int(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
      throw new RangeError(`int(maxExclusive) needs a positive integer, got ${maxExclusive}`);
    }
    return uniformInt(this.generator, 0, maxExclusive - 1);
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  sampleWithoutReplacement(n: number, k: number): Int32Array {
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError(`cannot sample ${k} distinct items from ${n}`);
    }
    // Partial Fisher-Yates over an index array: O(n) memory, O(k) draws.
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const tmp = pool[i];
      pool[i] = pool[j];
      pool[j] = tmp;
    }
    return pool.slice(0, k);
  }

  fork(label: string): Rng {
    return new XoroshiroRng(foldSeed(this.seed) ^ hashLabel(label));
  }
}

/**
 * The four 32-bit state words, from splitmix32 steps over the seed. pure-rand's own
 * `xoroshiro128plus(seed)` puts the seed into the state almost verbatim, so the
 * first draw of every small seed is ~0.99999 and the next few follow the seed
 * (and sibling forks repeat each other); a mixed state avoids both.
 */
function scrambledState(seed: number): number[] {
  let x = seed | 0;
  const words: number[] = [0, 0, 0, 0].map((): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  });
  // xoroshiro's all-zero state is a fixed point; splitmix32 cannot give four zeros, but guard anyway.
  if (!words.some((word) => word !== 0)) words[0] = 1;
  return words;
}

/** pure-rand takes 32-bit seeds: fold the high bits in so large seeds stay distinct. */
function foldSeed(seed: number): number {
  const high = Math.floor(seed / 2 ** 32);
  return (seed ^ Math.imul(high, 0x9e3779b1)) | 0;
}

/** FNV-1a: a stable 32-bit hash of a label, for deriving sub-streams. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
