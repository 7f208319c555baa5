import type { Embedder } from '../embedder';
import { EmbeddingError } from '../embedding-error';

/**
 * Teacher vectors for `texts`, `batchSize` at a time. A text the teacher
 * refuses as empty (a punctuation-only token for a word-level teacher) gets
 * `null` instead of failing the whole run; any other error propagates.
 */
export async function teacherVectors(teacher: Embedder, texts: readonly string[], batchSize: number): Promise<(Float32Array | null)[]> {
  const out: (Float32Array | null)[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const chunk = texts.slice(start, start + batchSize);
    try {
      out.push(...checked(teacher, await teacher.embed(chunk), chunk.length));
    } catch (error) {
      if (!(error instanceof EmbeddingError && error.code === 'EMPTY_TEXT')) throw error;
      for (const text of chunk) out.push(await embedOneOrNull(teacher, text));
    }
  }
  return out;
}

async function embedOneOrNull(teacher: Embedder, text: string): Promise<Float32Array | null> {
  if (text.trim() === '') return null;
  try {
    return checked(teacher, await teacher.embed([text]), 1)[0];
  } catch (error) {
    if (error instanceof EmbeddingError && error.code === 'EMPTY_TEXT') return null;
    throw error;
  }
}

function checked(teacher: Embedder, vectors: Float32Array[], expected: number): Float32Array[] {
  if (vectors.length !== expected || vectors.some((vector) => vector.length !== teacher.dim)) {
    throw new EmbeddingError('DIMENSION_MISMATCH', `teacher ${teacher.name} returned ${vectors.length} vectors for ${expected} texts (or a vector not of length ${teacher.dim})`);
  }
  return vectors;
}
