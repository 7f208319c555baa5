import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '@tethys/artifacts';
import { tf } from '../tf';
import { describeCause } from '../backend/backend-error';
import { ModelFilesError } from './model-files-error';
import { MODEL_JSON_FILE, modelArtifactsToFiles, modelFilesLoadHandler, WEIGHTS_FILE } from './model-files';

/** The only files a model directory may hold, so replacing it can never delete anything else. */
const MODEL_DIRECTORY_FILES = new Set([MODEL_JSON_FILE, WEIGHTS_FILE]);

/**
 * A tf.io save handler writing `dir/model.json` + `dir/weights.bin` (what
 * tfjs-node's `file://` does, without tfjs-node). The directory is written
 * as a unit: both files go to a sibling temp directory that is then swapped
 * in by rename, so readers see the old model or the new one, never a mix.
 * A directory holding anything else (an artifact with a manifest, say) is
 * refused: put model files into artifacts with modelArtifactsToFiles +
 * writeArtifact instead.
 */
export function fileSystemSaveHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts) => {
      const files = modelArtifactsToFiles(artifacts);
      writeModelDirectory(dir, files);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/** A tf.io load handler reading `dir/model.json` and the weight files its manifest lists. */
export function fileSystemLoadHandler(dir: string): tf.io.IOHandler {
  const absolute = resolve(dir);
  return modelFilesLoadHandler((relativePath) => {
    const path = join(absolute, ...relativePath.split('/'));
    try {
      return readFileSync(path);
    } catch (cause) {
      const missing = (cause as { code?: unknown }).code === 'ENOENT';
      const detail = missing ? 'file not found; save the model first' : `cannot read: ${describeCause(cause)}`;
      throw new ModelFilesError('NOT_FOUND', dir, detail, { file: relativePath, cause });
    }
  }, dir);
}

function writeModelDirectory(dir: string, files: Record<string, Uint8Array | string>): void {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new ModelFilesError('UNEXPECTED_FILE', dir, 'exists and is not a directory');
    const foreign = readdirSync(target).filter((name) => !MODEL_DIRECTORY_FILES.has(name));
    if (foreign.length > 0) {
      throw new ModelFilesError(
        'UNEXPECTED_FILE',
        dir,
        `holds files other than model files (${foreign.sort().join(', ')}); refusing to replace it. ` +
          'To keep a model inside an artifact, pass modelArtifactsToFiles(...) to writeArtifact',
      );
    }
  }
  const sibling = (label: string): string =>
    join(dirname(target), `.${basename(target)}.${label}-${process.pid}-${randomBytes(6).toString('hex')}`);
  const tempDir = sibling('tmp');
  let backupDir: string | null = null;
  try {
    mkdirSync(tempDir, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileAtomic(join(tempDir, name), content);
    if (existsSync(target)) {
      backupDir = sibling('bak');
      renameSync(target, backupDir);
    }
    renameSync(tempDir, target);
  } catch (cause) {
    rmSync(tempDir, { recursive: true, force: true });
    if (backupDir !== null && !existsSync(target)) renameSync(backupDir, target);
    const detail = `could not write the model: ${describeCause(cause)}; the previous model (if any) is unchanged`;
    throw new ModelFilesError('WRITE_FAILED', dir, detail, { cause });
  }
  if (backupDir !== null) rmSync(backupDir, { recursive: true, force: true });
}
