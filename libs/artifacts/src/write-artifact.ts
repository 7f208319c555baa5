import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { z } from 'zod';
import { compareCodeUnits, serializeCanonical } from './canonical-json';
import { ArtifactError, describeCause } from './errors';
import { sha256, sha256File } from './hashing';
import {
  ARTIFACT_SCHEMA_VERSION,
  type ArtifactManifest,
  createdAtSchema,
  type FileDigest,
  kindSchema,
  MANIFEST_FILE,
  METRICS_FILE,
  producerSchema,
  seedSchema,
} from './manifest';
import { relativePathProblem, resolveInside } from './relative-paths';
import { reproducibleTimestamp } from './reproducible-timestamp';
import { writeFileDurably } from './write-file-atomic';

export interface WriteArtifactOptions {
  /** The artifact directory to create or replace, for example `models/anomaly_detector`. */
  dir: string;
  /** What the artifact is (`anomaly-detector`, ...); loaders may insist on it. */
  kind: string;
  /** The package (name and version) that produced it. */
  producer: { package: string; version: string };
  /** The seed of the run, or null for deterministic producers without randomness. */
  seed: number | null;
  /** The validated params of the stage, recorded verbatim. */
  params: unknown;
  /** Files the run read (data, params); each is hashed into the manifest. */
  inputs: string[];
  /** Input paths are recorded relative to this directory (default: process.cwd()). */
  root?: string;
  /** The artifact's files: artifact-relative path (forward slashes) -> content. */
  files: Record<string, string | Uint8Array>;
  /** Evaluation metrics, written to metrics.json and into the manifest. */
  metrics: Record<string, unknown>;
  /** ISO timestamp; default reproducibleTimestamp(). */
  createdAt?: string;
}

/**
 * Writes an artifact directory — the given files, metrics.json and a
 * manifest.json with the sha256 of every input and output — atomically:
 * everything is built in a sibling temp directory and swapped in by rename,
 * so a failed run leaves the previous artifact exactly as it was.
 *
 * The same arguments always give the same bytes (sorted keys, sorted file
 * lists, no time other than `createdAt`).
 *
 * Throws ArtifactError: INVALID_ARGUMENT or INPUT_MISSING before anything
 * on disk is touched; WRITE_FAILED (with the cause) when writing or swapping
 * fails, after the previous artifact has been restored.
 */
export function writeArtifact(options: WriteArtifactOptions): ArtifactManifest {
  const { dir } = options;
  const prepared = prepareArtifact(options);
  const target = resolve(dir);
  const siblingName = (label: string): string =>
    join(dirname(target), `${basename(target)}.${label}-${process.pid}-${randomBytes(6).toString('hex')}`);

  const tempDir = siblingName('tmp');
  let backupDir: string | null = null;
  try {
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(tempDir);
    for (const [path, content] of prepared.contents) {
      const absolute = resolveInside(tempDir, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileDurably(absolute, content);
    }
    writeFileDurably(join(tempDir, MANIFEST_FILE), prepared.manifestJson);

    if (existsSync(target)) {
      backupDir = siblingName('bak');
      renameSync(target, backupDir);
    }
    renameSync(tempDir, target);
  } catch (cause) {
    removeQuietly(tempDir);
    if (backupDir !== null) restoreBackup(backupDir, target, dir);
    throw new ArtifactError(
      'WRITE_FAILED',
      dir,
      `could not write the artifact: ${describeCause(cause)}; the previous artifact (if any) is unchanged`,
      { cause },
    );
  }
  // The new artifact is in place; a backup we fail to delete is only clutter, not a failed write.
  if (backupDir !== null) removeQuietly(backupDir);
  return prepared.manifest;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Best effort: the caller is already reporting the outcome that matters.
  }
}

function restoreBackup(backupDir: string, target: string, dir: string): void {
  try {
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(backupDir, target);
  } catch (cause) {
    throw new ArtifactError(
      'WRITE_FAILED',
      dir,
      `write failed and the previous artifact could not be moved back from ${backupDir}: ${describeCause(cause)}`,
      { cause },
    );
  }
}

interface PreparedArtifact {
  /** Sorted artifact-relative path -> bytes, metrics.json included. */
  contents: Array<[string, Uint8Array]>;
  manifest: ArtifactManifest;
  manifestJson: string;
}

/** Everything that can be checked and computed without touching the artifact directory. */
function prepareArtifact(options: WriteArtifactOptions): PreparedArtifact {
  const { dir } = options;
  const invalid = (detail: string, file?: string): ArtifactError =>
    new ArtifactError('INVALID_ARGUMENT', dir, detail, file === undefined ? {} : { file });

  // Fail fast on the cheap fields before any content is serialised.
  checkField(kindSchema, options.kind, 'kind', invalid);
  const createdAt = options.createdAt ?? reproducibleTimestamp();

  const contents = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(options.files)) {
    const problem = relativePathProblem(path);
    if (problem !== null) throw invalid(`invalid file name: ${problem}`, path);
    if (path === MANIFEST_FILE || path === METRICS_FILE) {
      throw invalid(`${path} is written by writeArtifact itself; choose another name`, path);
    }
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      throw invalid('file content must be a string or a Uint8Array', path);
    }
    contents.set(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  contents.set(METRICS_FILE, Buffer.from(canonicalOrThrow(options.metrics, 'metrics', invalid), 'utf8'));

  const outputs: FileDigest[] = [...contents.keys()].sort(compareCodeUnits).map((path) => {
    const bytes = contents.get(path) as Uint8Array;
    return { path, sha256: sha256(bytes), bytes: bytes.byteLength };
  });

  const { manifest, manifestJson } = buildManifest({ ...options, createdAt }, outputs, invalid, dir);
  return {
    contents: [...contents.entries()].sort(([a], [b]) => compareCodeUnits(a, b)),
    manifest,
    manifestJson,
  };
}

/** What every manifest records besides its outputs; shared by directory and single-file artifacts. */
export type ManifestFields = Omit<WriteArtifactOptions, 'dir' | 'files'>;

/**
 * Validates the manifest fields, hashes the inputs and returns the manifest with
 * its canonical JSON. `invalid` builds the INVALID_ARGUMENT error for the caller's target.
 */
export function buildManifest(
  fields: ManifestFields,
  outputs: FileDigest[],
  invalid: (detail: string, file?: string) => ArtifactError,
  target = '',
): { manifest: ArtifactManifest; manifestJson: string } {
  checkField(kindSchema, fields.kind, 'kind', invalid);
  checkField(producerSchema, fields.producer, 'producer', invalid);
  checkField(seedSchema, fields.seed, 'seed', invalid);
  const createdAt = fields.createdAt ?? reproducibleTimestamp();
  checkField(createdAtSchema, createdAt, 'createdAt', invalid);
  const manifest: ArtifactManifest = {
    schemaVersion: ARTIFACT_SCHEMA_VERSION,
    kind: fields.kind,
    producer: { package: fields.producer.package, version: fields.producer.version },
    seed: fields.seed,
    params: fields.params ?? null,
    inputs: hashInputs(fields.inputs, fields.root ?? process.cwd(), target),
    outputs,
    metrics: fields.metrics,
    createdAt,
  };
  const manifestJson = canonicalOrThrow(manifest, 'manifest', invalid);
  // Hand back exactly what a later load will read (no shared references, Dates as strings).
  return { manifest: JSON.parse(manifestJson) as ArtifactManifest, manifestJson };
}

function checkField(
  schema: z.ZodType,
  value: unknown,
  field: string,
  invalid: (detail: string) => ArtifactError,
): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalid(`${field}: ${result.error.issues[0]?.message ?? 'invalid'}, got ${JSON.stringify(value)}`);
  }
}

export function canonicalOrThrow(value: unknown, label: string, invalid: (detail: string) => ArtifactError): string {
  try {
    return serializeCanonical(value, 2, label);
  } catch (cause) {
    throw invalid(describeCause(cause).replace(/^canonicalJson: /, ''));
  }
}

/** sha256 of every input, recorded relative to `root` with forward slashes, sorted, duplicates merged. */
function hashInputs(inputs: readonly string[], root: string, dir: string): FileDigest[] {
  const digests = new Map<string, FileDigest>();
  for (const input of inputs) {
    const absolute = resolve(input);
    let isFile = false;
    let bytes = 0;
    try {
      const stats = statSync(absolute);
      isFile = stats.isFile();
      bytes = stats.size;
    } catch {
      throw new ArtifactError('INPUT_MISSING', dir, `input file does not exist (looked for ${absolute})`, { file: input });
    }
    if (!isFile) {
      throw new ArtifactError('INPUT_MISSING', dir, `input is not a regular file (${absolute})`, { file: input });
    }
    const path = relative(resolve(root), absolute).split(sep).join('/');
    digests.set(path, { path, sha256: sha256File(absolute), bytes });
  }
  return [...digests.values()].sort((a, b) => compareCodeUnits(a.path, b.path));
}
