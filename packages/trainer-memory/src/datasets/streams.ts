import { createRng, type Rng } from '@tethys/data';

/** Draws thrown away after forking; 8 is where sibling streams stopped showing a pattern. */
const WARM_UP_DRAWS = 8;

/**
 * `parent.fork(label)` with its first draws discarded. Why: the shared Rng seeds
 * xoroshiro128+ directly from a 32-bit value, and the first outputs of streams
 * whose seeds differ in few bits are strongly patterned (sibling forks
 * "user-1", "user-5", "user-9" drew the same first number, so users shared
 * profiles). Discarding a few outputs diffuses the state. Every draw still comes
 * from the seeded Rng, so results stay reproducible.
 */
export function stream(parent: Rng, label: string): Rng {
  const rng = parent.fork(label);
  for (let i = 0; i < WARM_UP_DRAWS; i++) rng.next();
  return rng;
}

/** The root stream of one dataset: `stream(createRng(seed), label)`. */
export function datasetStream(seed: number, label: string): Rng {
  return stream(createRng(seed), label);
}
