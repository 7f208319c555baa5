import { readFileSync } from 'node:fs';
import { serializeCanonical } from './canonical-json';
import { ArtifactError, describeCause } from './errors';
import { sha256, shortHash } from './hashing';
import { parseManifest } from './load-artifact';
import type { ArtifactManifest } from './manifest';
import { buildManifest, canonicalOrThrow, type ManifestFields } from './write-artifact';
import { writeFileAtomic } from './write-file-atomic';

/** The one output a single-file artifact lists: its `content`, as canonical JSON. */
export const JSON_ARTIFACT_CONTENT = 'content';

export interface WriteJsonArtifactOptions extends ManifestFields {
  /** The artifact file, for example `models/portfolio_opt_moderate.json`. */
  file: string;
  /** The artifact's payload: plain JSON data (NaN refused). */
  content: unknown;
}

/** A verified single-file artifact. */
export interface LoadedJsonArtifact<T> {
  file: string;
  manifest: ArtifactManifest;
  content: T;
}

/**
 * Writes a single-file JSON artifact `{ manifest, content }` atomically. The
 * manifest is the same as a directory artifact's, with one output,
 * `content`, whose sha256 is over the canonical JSON of the content, so a
 * loader can verify it. For results small enough to read as one document
 * (portfolio weights, factor exposures, summaries).
 */
export function writeJsonArtifact(options: WriteJsonArtifactOptions): ArtifactManifest {
  const { file } = options;
  const invalid = (detail: string): ArtifactError => new ArtifactError('INVALID_ARGUMENT', file, detail);
  const contentJson = canonicalOrThrow(options.content, 'content', invalid);
  const { manifest } = buildManifest(
    options,
    [{ path: JSON_ARTIFACT_CONTENT, sha256: sha256(contentJson), bytes: Buffer.byteLength(contentJson) }],
    invalid,
    file,
  );
  const document = serializeCanonical({ manifest, content: JSON.parse(contentJson) as unknown }, 2, 'artifact');
  try {
    writeFileAtomic(file, document);
  } catch (cause) {
    throw new ArtifactError('WRITE_FAILED', file, `could not write the artifact: ${describeCause(cause)}; the previous file (if any) is unchanged`, {
      cause,
    });
  }
  return manifest;
}

/** Reads a single-file artifact and verifies its schema version, kind and content hash. */
export function loadJsonArtifact<T = unknown>(file: string, options: { kind?: string } = {}): LoadedJsonArtifact<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ArtifactError('NOT_FOUND', file, 'artifact file not found; train it first');
  }
  let raw: { manifest?: unknown; content?: unknown };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch (cause) {
    throw new ArtifactError('MANIFEST_MALFORMED', file, `not valid JSON (${describeCause(cause)})`, { cause });
  }
  if (typeof raw !== 'object' || raw === null || !('manifest' in raw) || !('content' in raw)) {
    throw new ArtifactError('MANIFEST_MALFORMED', file, 'expected an object with "manifest" and "content"');
  }
  const manifest = parseManifest(raw.manifest, file, 'manifest');
  if (options.kind !== undefined && manifest.kind !== options.kind) {
    throw new ArtifactError('KIND_MISMATCH', file, `expected an artifact of kind "${options.kind}", found "${manifest.kind}"`);
  }
  const listed = manifest.outputs.find((o) => o.path === JSON_ARTIFACT_CONTENT);
  if (!listed || manifest.outputs.length !== 1) {
    throw new ArtifactError('MANIFEST_MALFORMED', file, `a single-file artifact lists exactly one output, "${JSON_ARTIFACT_CONTENT}"`);
  }
  const actual = sha256(serializeCanonical(raw.content, 2, 'content'));
  if (actual !== listed.sha256) {
    throw new ArtifactError(
      'HASH_MISMATCH',
      file,
      `content sha256 mismatch (manifest ${shortHash(listed.sha256)}, file ${shortHash(actual)}) — the artifact was modified or corrupted; retrain it`,
      { file: JSON_ARTIFACT_CONTENT },
    );
  }
  return { file, manifest, content: raw.content as T };
}
