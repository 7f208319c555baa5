import { tf } from '../tf';
import { ModelFilesError } from './model-files-error';

type ModelArtifacts = tf.io.ModelArtifacts;
type ModelJSON = tf.io.ModelJSON;
type WeightsManifestEntry = tf.io.WeightsManifestEntry;

/** The standard tfjs layout: the topology and weight manifest, and one binary weight shard beside it. */
export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/**
 * The files of a saved model, ready for writeArtifact (or any writer):
 * `model.json` (modelTopology, weightsManifest [{ paths: ['weights.bin'],
 * weights }], format, generatedBy, convertedBy, and trainingConfig /
 * userDefinedMetadata / signature when present) and `weights.bin` (all
 * weights concatenated in manifest order).
 */
export function modelArtifactsToFiles(artifacts: ModelArtifacts): Record<string, Uint8Array | string> {
  const unsupported = (detail: string): ModelFilesError => new ModelFilesError('UNSUPPORTED_ARTIFACTS', 'model artifacts', detail);
  if (artifacts.modelTopology === undefined || artifacts.modelTopology instanceof ArrayBuffer) {
    throw unsupported('modelTopology must be a JSON object (binary GraphDef topologies are not supported)');
  }
  if ((artifacts.weightData === undefined) !== (artifacts.weightSpecs === undefined)) {
    throw unsupported('weightSpecs and weightData must be given together');
  }
  const weights = artifacts.weightData === undefined ? new Uint8Array(0) : weightDataBytes(artifacts.weightData);
  const modelJson: ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig != null) modelJson.trainingConfig = artifacts.trainingConfig;
  if (artifacts.signature != null) modelJson.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata != null) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
  if (artifacts.modelInitializer != null) modelJson.modelInitializer = artifacts.modelInitializer;
  if (artifacts.initializerSignature != null) modelJson.initializerSignature = artifacts.initializerSignature;
  return { [MODEL_JSON_FILE]: JSON.stringify(modelJson), [WEIGHTS_FILE]: weights };
}

/** Reads one file of a model, by its path relative to model.json (forward slashes). */
export type ModelFileReader = (relativePath: string) => Uint8Array;

/**
 * A tf.io load handler over any file source: a directory (see
 * fileSystemLoadHandler) or a verified artifact (`rel => artifact.readBytes(rel)`),
 * so loading from an artifact re-checks every byte against its manifest.
 * `location` names the source in errors. Every shard listed in the
 * manifest is read and its total size checked against the weight specs.
 */
export function modelFilesLoadHandler(readFile: ModelFileReader, location: string): tf.io.IOHandler {
  return {
    load: async () => {
      const modelJson = parseModelJson(readFile(MODEL_JSON_FILE), location);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: WeightsManifestEntry[] = [];
        const shards: Uint8Array[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) {
            const problem = unsafePathProblem(path);
            if (problem !== null) {
              const detail = `weightsManifest path ${JSON.stringify(path)}: ${problem}`;
              throw new ModelFilesError('UNSAFE_PATH', location, detail, { file: MODEL_JSON_FILE });
            }
            shards.push(readFile(path));
          }
        }
        const weights = concatenate(shards);
        const expected = expectedWeightBytes(specs);
        if (expected !== null && expected !== weights.byteLength) {
          throw new ModelFilesError(
            'WEIGHTS_SIZE_MISMATCH',
            location,
            `the weight files hold ${weights.byteLength} bytes but the manifest's ${specs.length} weights need ${expected}; ` +
              'the model files are truncated or mismatched',
            { file: manifest.flatMap((group) => group.paths).join(', ') },
          );
        }
        return [specs, weights.buffer as ArrayBuffer];
      });
    },
  };
}

function parseModelJson(content: Uint8Array, location: string): ModelJSON {
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  const malformed = (detail: string, cause?: unknown): ModelFilesError =>
    new ModelFilesError('MALFORMED_MODEL_JSON', location, detail, { file: MODEL_JSON_FILE, cause });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw malformed('not valid JSON', cause);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('must be a JSON object');
  const json = parsed as Partial<ModelJSON>;
  if (typeof json.modelTopology !== 'object' || json.modelTopology === null) throw malformed('modelTopology is missing');
  if (json.weightsManifest !== undefined) {
    const groups: unknown = json.weightsManifest;
    const valid =
      Array.isArray(groups) &&
      groups.every(
        (group: { paths?: unknown; weights?: unknown }) =>
          Array.isArray(group?.paths) && group.paths.every((p) => typeof p === 'string') && Array.isArray(group?.weights),
      );
    if (!valid) throw malformed('weightsManifest must be a list of { paths: string[], weights: [...] } groups');
  }
  return json as ModelJSON;
}

/** Why a manifest path could name something outside the model's folder, or null when it cannot. */
function unsafePathProblem(path: string): string | null {
  if (path.length === 0) return 'the path is empty';
  if (path.includes('\\') || path.includes('\0')) return 'use plain forward-slash paths';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path must be relative to model.json';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'the path must stay inside the model folder (no empty, "." or ".." segments)';
  }
  return null;
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };
const BYTES_PER_QUANTIZED: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/** Total bytes the specs describe, or null when a string weight makes it data-dependent. */
function expectedWeightBytes(specs: readonly WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const spec of specs) {
    const perElement = spec.quantization ? BYTES_PER_QUANTIZED[spec.quantization.dtype] : BYTES_PER_DTYPE[spec.dtype];
    if (perElement === undefined) return null;
    total += spec.shape.reduce((product, dim) => product * dim, 1) * perElement;
  }
  return total;
}

function weightDataBytes(data: tf.io.WeightData): Uint8Array {
  const buffers = Array.isArray(data) ? data : [data];
  return concatenate(buffers.map((buffer) => new Uint8Array(buffer)));
}

/** One fresh buffer owning exactly the bytes (Node's small Buffers share a pooled ArrayBuffer). */
function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
