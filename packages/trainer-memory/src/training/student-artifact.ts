import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadArtifact, type ArtifactManifest, writeArtifact } from '@tethys/artifacts';
import { exportStaticModelToOnnx, loadStaticModel, saveStaticModel, StaticEmbedder, type StaticEmbeddingModel } from '@tethys/embeddings';

export const STUDENT_ARTIFACT_KIND = 'memory-embedder';
/** The transformers.js-loadable copy of the student inside the artifact. */
export const STUDENT_TRANSFORMERS_FOLDER = 'transformers';

export interface WriteStudentArtifactOptions {
  dir: string;
  model: StaticEmbeddingModel;
  fp16: boolean;
  seed: number;
  params: unknown;
  inputs: string[];
  metrics: Record<string, unknown>;
  producer: { package: string; version: string };
}

function filesUnder(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(root);
  return files;
}

/**
 * `models/embedder_student/`: the static model (static_model.json, vocab.txt,
 * table.f32) for the fast TypeScript embedder, and `transformers/` (config,
 * tokenizer.json, onnx/model.onnx) for transformers.js, with one manifest over
 * both. The files are staged in a scratch folder, then written atomically.
 */
export function writeStudentArtifact(options: WriteStudentArtifactOptions): ArtifactManifest {
  const staging = mkdtempSync(join(tmpdir(), 'tethys-student-'));
  try {
    saveStaticModel(options.model, staging);
    const exported = exportStaticModelToOnnx(options.model, join(staging, STUDENT_TRANSFORMERS_FOLDER), { fp16: options.fp16 });
    return writeArtifact({
      dir: options.dir,
      kind: STUDENT_ARTIFACT_KIND,
      producer: options.producer,
      seed: options.seed,
      params: options.params,
      inputs: options.inputs,
      files: filesUnder(staging),
      metrics: { ...options.metrics, identityHash: options.model.identityHash, onnxBytes: exported.onnxBytes },
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Verifies `models/embedder_student/` (every file hash) and returns the fast TypeScript embedder. */
export function loadStudentEmbedder(dir: string): StaticEmbedder {
  const artifact = loadArtifact(dir, { kind: STUDENT_ARTIFACT_KIND });
  return new StaticEmbedder(loadStaticModel(artifact.dir), { name: 'student' });
}
