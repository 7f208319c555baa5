import { join } from 'node:path';
import { UsageError } from '@tethys/cli';
import { type Embedder, HashingEmbedder, TransformersEmbedder, UseLiteEmbedder } from '@tethys/embeddings';
import { MEMORY_OUTPUTS } from '../training/train-memory';
import { loadStudentEmbedder, STUDENT_TRANSFORMERS_FOLDER } from '../training/student-artifact';

export const EMBEDDER_NAMES = ['student', 'student-onnx', 'use-lite', 'hashing'] as const;

export interface ResolvedEmbedder {
  embedder: Embedder;
  dispose(): void;
}

/**
 * `student` (the trained static embedder, verified from models/embedder_student),
 * `student-onnx` (the same model served by transformers.js), `use-lite` (the
 * teacher), `hashing` (the lexical baseline) or `transformers:DIR` (any local
 * sentence-embedding folder: config.json, tokenizer.json, onnx/model.onnx).
 */
export async function resolveEmbedder(name: string, modelsDir: string): Promise<ResolvedEmbedder> {
  const none = () => undefined;
  if (name === 'student') return { embedder: loadStudentEmbedder(join(modelsDir, MEMORY_OUTPUTS.student)), dispose: none };
  if (name === 'hashing') return { embedder: new HashingEmbedder(), dispose: none };
  if (name === 'use-lite') {
    const teacher = await UseLiteEmbedder.load();
    return { embedder: teacher, dispose: () => teacher.dispose() };
  }
  const folder =
    name === 'student-onnx'
      ? join(modelsDir, MEMORY_OUTPUTS.student, STUDENT_TRANSFORMERS_FOLDER)
      : name.startsWith('transformers:')
        ? name.slice('transformers:'.length)
        : null;
  if (folder === null || folder === '') {
    throw new UsageError(`--embedder must be one of ${EMBEDDER_NAMES.join(', ')} or transformers:DIR, got "${name}"`);
  }
  const served = await TransformersEmbedder.load(folder, { name: name === 'student-onnx' ? 'student-onnx' : undefined });
  return { embedder: served, dispose: () => served.dispose() };
}
