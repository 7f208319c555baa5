import { createRequire } from 'node:module';
import { VectorIndexError } from '../shared/vector-index-error';

export const FAISS_PACKAGE = 'faiss-node';

/** The part of faiss-node's exact flat index API this library uses (faiss-node 0.5 README). */
export interface FaissFlatIndex {
  ntotal(): number;
  getDimension(): number;
  /** Appends n vectors given as one flat array of n * d numbers; they get labels ntotal .. ntotal + n - 1. */
  add(x: number[]): void;
  /** Labels are padded with -1 when fewer than k vectors exist. */
  search(x: number[], k: number): { distances: number[]; labels: number[] };
  /** Removes by label; the flat index shifts later labels down to stay contiguous. */
  removeIds(ids: number[]): number;
}

export interface FaissModule {
  IndexFlatL2: new (dimension: number) => FaissFlatIndex;
  IndexFlatIP: new (dimension: number) => FaissFlatIndex;
}

export type ModuleRequire = (name: string) => unknown;

/**
 * Loads faiss-node only when it is installed. It cannot install on machines
 * without access to its prebuild host, so it is optional and never the
 * default; the error says so and points at the built-in backends.
 */
export function loadFaissModule(requireModule: ModuleRequire = createRequire(__filename)): FaissModule {
  let loaded: unknown;
  try {
    loaded = requireModule(FAISS_PACKAGE);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const message = (cause as { message?: unknown } | null)?.message;
    const missing = code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${FAISS_PACKAGE}'`);
    throw new VectorIndexError(
      'BACKEND_UNAVAILABLE',
      FAISS_PACKAGE,
      missing
        ? `the optional FAISS backend is not installed (npm install ${FAISS_PACKAGE}); use FlatIndex (exact) or HnswIndex instead`
        : `is installed but failed to load: ${String(message ?? cause)}`,
      { cause },
    );
  }
  const candidate = loaded as Partial<FaissModule> | null;
  if (typeof candidate?.IndexFlatL2 !== 'function' || typeof candidate.IndexFlatIP !== 'function') {
    throw new VectorIndexError('BACKEND_UNAVAILABLE', FAISS_PACKAGE, 'loaded, but it does not export IndexFlatL2 and IndexFlatIP');
  }
  return candidate as FaissModule;
}
