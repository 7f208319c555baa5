import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArtifactError, describeCause } from './errors';
import { sha256, sha256File, shortHash } from './hashing';
import {
  ARTIFACT_SCHEMA_VERSION,
  type ArtifactManifest,
  artifactManifestSchema,
  type FileDigest,
  formatIssuePath,
  MANIFEST_FILE,
} from './manifest';
import { listFilesRecursively, resolveInside } from './relative-paths';

/** A verified artifact directory and typed access to its listed files. */
export interface LoadedArtifact {
  /** The directory as given to loadArtifact. */
  dir: string;
  manifest: ArtifactManifest;
  /** UTF-8 text of a listed output; the bytes are re-checked against the manifest. */
  readText(rel: string): string;
  /** JSON.parse of a listed output (re-checked like readText). */
  readJson<T = unknown>(rel: string): T;
  /** Bytes of a listed output (re-checked like readText). */
  readBytes(rel: string): Buffer;
  /** Absolute path of a listed output, for loaders that want a path (verified at load time only). */
  filePath(rel: string): string;
}

export interface LoadArtifactOptions {
  /** Refuse the artifact unless its manifest has this kind. */
  kind?: string;
}

const RETRAIN = 'the artifact was modified or corrupted; retrain it';

/**
 * Opens an artifact directory and verifies it completely before returning:
 * manifest present and well-formed, schema version supported, kind as
 * expected, every listed output present with the recorded size and sha256,
 * and nothing else in the directory. Any failure is an ArtifactError naming
 * the directory and, where it applies, the file.
 */
export function loadArtifact(dir: string, options: LoadArtifactOptions = {}): LoadedArtifact {
  const absoluteDir = resolve(dir);
  if (!existsSync(absoluteDir) || !statSync(absoluteDir).isDirectory()) {
    throw new ArtifactError('NOT_FOUND', dir, 'artifact directory not found; train it first');
  }
  const manifest = readManifest(dir, absoluteDir);
  if (options.kind !== undefined && manifest.kind !== options.kind) {
    throw new ArtifactError('KIND_MISMATCH', dir, `expected an artifact of kind "${options.kind}", found "${manifest.kind}"`, {
      file: MANIFEST_FILE,
    });
  }
  for (const output of manifest.outputs) verifyOutputOnDisk(dir, absoluteDir, output);
  refuseUnlistedFiles(dir, absoluteDir, manifest.outputs);
  return createLoadedArtifact(dir, absoluteDir, manifest);
}

function readManifest(dir: string, absoluteDir: string): ArtifactManifest {
  const manifestPath = resolveInside(absoluteDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new ArtifactError('MANIFEST_MISSING', dir, `no ${MANIFEST_FILE}; this is not an artifact directory, or its write never finished`);
  }
  const malformed = (detail: string, cause?: unknown): ArtifactError =>
    new ArtifactError('MANIFEST_MALFORMED', dir, detail, { file: MANIFEST_FILE, cause });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (cause) {
    throw malformed(`not valid JSON (${describeCause(cause)})`, cause);
  }
  return parseManifest(raw, dir, MANIFEST_FILE);
}

function verifyOutputOnDisk(dir: string, absoluteDir: string, output: FileDigest): void {
  const absolute = resolveInside(absoluteDir, output.path);
  const stats = existsSync(absolute) ? statSync(absolute) : null;
  if (stats === null || !stats.isFile()) {
    throw new ArtifactError('FILE_MISSING', dir, `listed in the manifest but missing; ${RETRAIN}`, { file: output.path });
  }
  // Size first: a cheap check that catches truncation without hashing.
  if (stats.size !== output.bytes) throw sizeMismatch(dir, output, stats.size);
  const actual = sha256File(absolute);
  if (actual !== output.sha256) throw hashMismatch(dir, output, actual);
}

function sizeMismatch(dir: string, output: FileDigest, actualBytes: number): ArtifactError {
  return new ArtifactError(
    'HASH_MISMATCH',
    dir,
    `size mismatch (manifest ${output.bytes} bytes, file ${actualBytes} bytes) — ${RETRAIN}`,
    { file: output.path },
  );
}

function hashMismatch(dir: string, output: FileDigest, actual: string): ArtifactError {
  return new ArtifactError(
    'HASH_MISMATCH',
    dir,
    `sha256 mismatch (manifest ${shortHash(output.sha256)}, file ${shortHash(actual)}) — ${RETRAIN}`,
    { file: output.path },
  );
}

function refuseUnlistedFiles(dir: string, absoluteDir: string, outputs: readonly FileDigest[]): void {
  const listed = new Set(outputs.map((output) => output.path));
  listed.add(MANIFEST_FILE);
  for (const path of listFilesRecursively(absoluteDir)) {
    if (!listed.has(path)) {
      throw new ArtifactError('UNEXPECTED_FILE', dir, `not listed in the manifest; ${RETRAIN}, or remove the file`, {
        file: path,
      });
    }
  }
}

function createLoadedArtifact(dir: string, absoluteDir: string, manifest: ArtifactManifest): LoadedArtifact {
  const outputsByPath = new Map(manifest.outputs.map((output) => [output.path, output]));
  const listedOutput = (rel: string): FileDigest => {
    const output = outputsByPath.get(rel);
    if (output === undefined) {
      throw new ArtifactError('NOT_LISTED', dir, `not an output of this artifact (outputs: ${[...outputsByPath.keys()].join(', ')})`, {
        file: rel,
      });
    }
    return output;
  };
  const readBytes = (rel: string): Buffer => {
    const output = listedOutput(rel);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolveInside(absoluteDir, rel));
    } catch (cause) {
      throw new ArtifactError('FILE_MISSING', dir, `could not be read (${describeCause(cause)}); ${RETRAIN}`, { file: rel, cause });
    }
    // Re-checked on every read: the file may have changed since loadArtifact verified it.
    if (bytes.byteLength !== output.bytes) throw sizeMismatch(dir, output, bytes.byteLength);
    const actual = sha256(bytes);
    if (actual !== output.sha256) throw hashMismatch(dir, output, actual);
    return bytes;
  };
  const readText = (rel: string): string => readBytes(rel).toString('utf8');
  return {
    dir,
    manifest,
    readBytes,
    readText,
    readJson<T = unknown>(rel: string): T {
      const text = readText(rel);
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        throw new ArtifactError('INVALID_JSON', dir, `not valid JSON (${describeCause(cause)})`, { file: rel, cause });
      }
    },
    filePath(rel: string): string {
      listedOutput(rel);
      return resolveInside(absoluteDir, rel);
    },
  };
}

/**
 * Validates a parsed manifest: the schema version first (a manifest from
 * another version may well have another shape, and "unsupported version" is
 * the useful message), then the shape. `file` names where it was read from.
 */
export function parseManifest(raw: unknown, dir: string, file: string): ArtifactManifest {
  const malformed = (detail: string): ArtifactError => new ArtifactError('MANIFEST_MALFORMED', dir, detail, { file });
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version !== 'number') {
    throw malformed('schemaVersion is missing or not a number');
  }
  if (version !== ARTIFACT_SCHEMA_VERSION) {
    throw new ArtifactError(
      'SCHEMA_VERSION',
      dir,
      `manifest schema version ${version} found, this library supports version ${ARTIFACT_SCHEMA_VERSION}; retrain the artifact with this version`,
      { file },
    );
  }
  const parsed = artifactManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `${formatIssuePath(issue.path)}: ` : '';
    throw malformed(`${where}${issue.message}`);
  }
  return parsed.data as ArtifactManifest;
}
