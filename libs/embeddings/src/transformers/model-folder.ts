import { sha256, sha256File } from '@tethys/artifacts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { EmbeddingError } from '../embedding-error';

/** What a transformers.js sentence-embedding folder must hold. */
export const REQUIRED_MODEL_FILES = {
  config: 'config.json',
  tokenizer: 'tokenizer.json',
  onnx: 'onnx/model.onnx',
} as const;

export interface ModelFolderInfo {
  /** config.json, parsed. */
  readonly config: Record<string, unknown>;
  /** `hidden_size` from config.json when it is a positive integer. */
  readonly hiddenSize: number | null;
}

/**
 * Checks a model folder before transformers.js sees it, so a broken folder is
 * an EmbeddingError('MODEL_FILES') naming the file rather than a deep library error.
 */
export function inspectModelFolder(folder: string): ModelFolderInfo {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new EmbeddingError('MODEL_FILES', `model folder ${folder} does not exist`);
  }
  const config = readJsonObject(join(folder, REQUIRED_MODEL_FILES.config));
  if (typeof config.model_type !== 'string') {
    throw new EmbeddingError('MODEL_FILES', `${join(folder, REQUIRED_MODEL_FILES.config)} has no model_type`);
  }
  const tokenizer = readJsonObject(join(folder, REQUIRED_MODEL_FILES.tokenizer));
  const model = tokenizer.model as Record<string, unknown> | undefined;
  if (typeof model !== 'object' || model === null || typeof model.type !== 'string' || typeof model.vocab !== 'object') {
    throw new EmbeddingError('MODEL_FILES', `${join(folder, REQUIRED_MODEL_FILES.tokenizer)} has no tokenizer model (model.type and model.vocab)`);
  }
  const onnxPath = join(folder, REQUIRED_MODEL_FILES.onnx);
  if (!existsSync(onnxPath) || statSync(onnxPath).size === 0) {
    throw new EmbeddingError('MODEL_FILES', `${onnxPath} is missing or empty`);
  }
  const hiddenSize = Number.isInteger(config.hidden_size) && (config.hidden_size as number) > 0 ? (config.hidden_size as number) : null;
  return { config, hiddenSize };
}

function readJsonObject(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new EmbeddingError('MODEL_FILES', `${path} is missing`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EmbeddingError('MODEL_FILES', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EmbeddingError('MODEL_FILES', `${path} is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * sha256 over every file of the folder: sorted relative paths (with `/`) and
 * each file's sha256. Hidden files (atomic-write temporaries) are skipped.
 */
export function folderIdentityHash(folder: string): string {
  const lines = listFiles(folder)
    .map((path) => `${relative(folder, path).split(sep).join('/')} ${sha256File(path)}`)
    .sort();
  return sha256(`transformers-model-folder v1\n${lines.join('\n')}\n`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return entry.isFile() ? [path] : [];
    });
}
