import { randomUUID } from 'node:crypto';
import type { Rng } from '@tethys/data';

/** Makes the id of a new memory; must never repeat for one user. */
export type IdGenerator = () => string;
/** Current time in epoch milliseconds. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/**
 * `m000001`, `m000002`, ...: reproducible ids for tests and single-writer
 * stores. Two processes with the same prefix would collide (the persistence then
 * refuses the duplicate), so give each writer its own prefix.
 */
export function createSequentialIdGenerator(prefix = 'm', start = 1): IdGenerator {
  let next = start;
  return () => `${prefix}${String(next++).padStart(6, '0')}`;
}

/** UUID-v4-shaped ids drawn from a seeded Rng: reproducible runs that look like production ids. */
export function createSeededIdGenerator(rng: Rng): IdGenerator {
  return () => {
    const hex: string[] = [];
    for (let i = 0; i < 32; i += 1) hex.push(rng.int(16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + rng.int(4)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

/**
 * The default: random UUIDs from the OS. Ids are identities, not model draws;
 * several processes may add to the same Firestore user, so the default must be
 * unique across processes, which a shared seed cannot promise.
 */
export const randomIdGenerator: IdGenerator = () => randomUUID();
