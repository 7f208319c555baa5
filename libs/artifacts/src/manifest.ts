import { z } from 'zod';
import { relativePathProblem } from './relative-paths';

/**
 * Version of the manifest layout. Bump it when the shape or meaning of
 * manifest.json changes; loaders refuse any other version rather than guess.
 */
export const ARTIFACT_SCHEMA_VERSION = 1;

/** The file holding the manifest, at the top of every artifact directory. */
export const MANIFEST_FILE = 'manifest.json';
/** The metrics of the run that produced the artifact, also listed among the outputs. */
export const METRICS_FILE = 'metrics.json';

/** One file's identity: artifact- or root-relative path (forward slashes), sha256 hex and size. */
export interface FileDigest {
  path: string;
  sha256: string;
  bytes: number;
}

/** What manifest.json holds: how the artifact was made and what it contains. */
export interface ArtifactManifest {
  schemaVersion: number;
  kind: string;
  producer: { package: string; version: string };
  seed: number | null;
  params: unknown;
  inputs: FileDigest[];
  outputs: FileDigest[];
  metrics: Record<string, unknown>;
  createdAt: string;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');

const inputDigestSchema = z.strictObject({
  path: z.string().min(1),
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
});

const outputDigestSchema = inputDigestSchema.extend({
  path: z.string().superRefine((path, context) => {
    const problem = relativePathProblem(path);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  }),
});

function uniquePaths(digests: readonly FileDigest[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [index, digest] of digests.entries()) {
    if (seen.has(digest.path)) {
      context.addIssue({ code: 'custom', path: [index, 'path'], message: `"${digest.path}" is listed twice` });
    }
    seen.add(digest.path);
  }
}

export const producerSchema = z.strictObject({ package: z.string().min(1), version: z.string().min(1) });
export const kindSchema = z.string().min(1);
export const seedSchema = z.number().int().nullable(); // zod's int() is the safe-integer range
export const createdAtSchema = z.iso.datetime({ offset: true });

/** Shape of manifest.json at ARTIFACT_SCHEMA_VERSION. */
export const artifactManifestSchema = z.strictObject({
  schemaVersion: z.literal(ARTIFACT_SCHEMA_VERSION),
  kind: kindSchema,
  producer: producerSchema,
  seed: seedSchema,
  params: z.unknown(),
  inputs: z.array(inputDigestSchema).superRefine(uniquePaths),
  outputs: z
    .array(outputDigestSchema)
    .superRefine(uniquePaths)
    .refine((outputs) => outputs.every((output) => output.path !== MANIFEST_FILE), {
      message: `${MANIFEST_FILE} cannot list itself`,
    }),
  metrics: z.record(z.string(), z.unknown()),
  createdAt: createdAtSchema,
});

/** `a.b[2].c`, for messages. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
