import { canonicalJson, sha256, writeFileAtomic } from '@tethys/artifacts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddingError } from '../embedding-error';
import { StaticEmbeddingModel, float32LittleEndian } from './static-model';

/** The three files of a saved student: a small JSON header, the vocabulary and the raw table. */
export const STATIC_MODEL_FILES = {
  header: 'static_model.json',
  vocab: 'vocab.txt',
  table: 'table.f32',
} as const;

const FORMAT = 'tethys-static-embedding';
const FORMAT_VERSION = 1;

interface StaticModelHeader {
  format: typeof FORMAT;
  version: number;
  dim: number;
  vocabSize: number;
  /** Little-endian float32, row-major [vocabSize, dim]. */
  tableDtype: 'float32-le';
  tableSha256: string;
  vocabSha256: string;
}

/** Writes `static_model.json`, `vocab.txt` (one token per line) and `table.f32` into `dir`, each atomically. */
export function saveStaticModel(model: StaticEmbeddingModel, dir: string): string[] {
  const vocabText = `${model.vocab.join('\n')}\n`;
  const table = float32LittleEndian(model.table);
  const header: StaticModelHeader = {
    format: FORMAT,
    version: FORMAT_VERSION,
    dim: model.dim,
    vocabSize: model.vocabSize,
    tableDtype: 'float32-le',
    tableSha256: sha256(table),
    vocabSha256: sha256(vocabText),
  };
  // Header last: a reader that finds it finds the matching data files.
  writeFileAtomic(join(dir, STATIC_MODEL_FILES.vocab), vocabText);
  writeFileAtomic(join(dir, STATIC_MODEL_FILES.table), table);
  writeFileAtomic(join(dir, STATIC_MODEL_FILES.header), `${canonicalJson(header)}\n`);
  return Object.values(STATIC_MODEL_FILES);
}

/** Reads a model written by `saveStaticModel`, checking the format, sizes and both digests. */
export function loadStaticModel(dir: string): StaticEmbeddingModel {
  const read = (name: string): Buffer => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new EmbeddingError('MODEL_FILES', `${path} is missing`);
    return readFileSync(path);
  };
  const headerPath = join(dir, STATIC_MODEL_FILES.header);
  const header = parseHeader(read(STATIC_MODEL_FILES.header).toString('utf8'), headerPath);
  const vocabBytes = read(STATIC_MODEL_FILES.vocab);
  const tableFile = read(STATIC_MODEL_FILES.table);
  if (sha256(vocabBytes) !== header.vocabSha256) {
    throw new EmbeddingError('MODEL_FILES', `${join(dir, STATIC_MODEL_FILES.vocab)} does not match the sha256 in ${headerPath}`);
  }
  if (sha256(tableFile) !== header.tableSha256) {
    throw new EmbeddingError('MODEL_FILES', `${join(dir, STATIC_MODEL_FILES.table)} does not match the sha256 in ${headerPath}`);
  }
  const vocab = vocabBytes.toString('utf8').replace(/\n$/, '').split('\n');
  if (vocab.length !== header.vocabSize) {
    throw new EmbeddingError('MODEL_FILES', `${join(dir, STATIC_MODEL_FILES.vocab)} has ${vocab.length} tokens, ${headerPath} says ${header.vocabSize}`);
  }
  if (tableFile.byteLength !== header.vocabSize * header.dim * 4) {
    throw new EmbeddingError('MODEL_FILES', `${join(dir, STATIC_MODEL_FILES.table)} has ${tableFile.byteLength} bytes, expected ${header.vocabSize * header.dim * 4}`);
  }
  const view = new DataView(tableFile.buffer, tableFile.byteOffset, tableFile.byteLength);
  const table = new Float32Array(header.vocabSize * header.dim);
  for (let i = 0; i < table.length; i += 1) table[i] = view.getFloat32(i * 4, true);
  return new StaticEmbeddingModel(vocab, header.dim, table);
}

function parseHeader(text: string, path: string): StaticModelHeader {
  let header: Partial<StaticModelHeader>;
  try {
    header = JSON.parse(text) as Partial<StaticModelHeader>;
  } catch (error) {
    throw new EmbeddingError('MODEL_FILES', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (header.format !== FORMAT || header.version !== FORMAT_VERSION) {
    throw new EmbeddingError('MODEL_FILES', `${path} is not a ${FORMAT} v${FORMAT_VERSION} header (format ${String(header.format)}, version ${String(header.version)})`);
  }
  if (!Number.isInteger(header.dim) || !Number.isInteger(header.vocabSize) || header.tableDtype !== 'float32-le') {
    throw new EmbeddingError('MODEL_FILES', `${path} has a bad dim, vocabSize or tableDtype`);
  }
  if (typeof header.tableSha256 !== 'string' || typeof header.vocabSha256 !== 'string') {
    throw new EmbeddingError('MODEL_FILES', `${path} lacks tableSha256/vocabSha256`);
  }
  return header as StaticModelHeader;
}
