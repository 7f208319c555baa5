/**
 * Stacks window batches (a row count and flat float32 or float64 buffers, row-major) of several series into one (rows of the first batch
 * first), so training shuffles windows of all series together. Every batch
 * must have the same fields; a field absent (null/undefined) in one must be
 * absent in all. One batch is returned as it is.
 */
export function concatWindowBatches<T extends { count: number }>(batches: readonly T[]): T {
  if (batches.length === 0) throw new RangeError('concatWindowBatches: no batches');
  if (batches.length === 1) return batches[0];
  const records = batches as readonly T[] as readonly Record<string, unknown>[];
  const [first] = records;
  const joined: Record<string, unknown> = { count: batches.reduce((sum, batch) => sum + batch.count, 0) };
  for (const field of Object.keys(first)) {
    if (field === 'count') continue;
    const parts = records.map((batch) => batch[field]);
    if (parts.every((part) => part === null || part === undefined)) {
      joined[field] = first[field];
      continue;
    }
    // float32 network inputs, or float64 window levels: one type per field.
    const Buffer = first[field] instanceof Float64Array ? Float64Array : Float32Array;
    if (!parts.every((part): part is Float32Array | Float64Array => part instanceof Buffer)) {
      throw new TypeError(`concatWindowBatches: field ${field} is a ${Buffer.name} in some batches only`);
    }
    const buffer = new Buffer(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      buffer.set(part, offset);
      offset += part.length;
    }
    joined[field] = buffer;
  }
  return joined as T;
}

/**
 * The training and validation windows of all series of a fit, each stacked
 * across series: `build(index, origins)` makes series `index`'s windows at
 * `origins`. `validation` is null when no series holds validation windows.
 */
export function splitWindows<T extends { count: number }>(
  splits: readonly { train: readonly number[]; validation: readonly number[] }[],
  build: (index: number, origins: readonly number[]) => T,
): { train: T; validation: T | null } {
  const stacked = (pick: 'train' | 'validation'): T[] =>
    splits.flatMap((split, index) => (split[pick].length > 0 ? [build(index, split[pick])] : []));
  const validation = stacked('validation');
  return { train: concatWindowBatches(stacked('train')), validation: validation.length > 0 ? concatWindowBatches(validation) : null };
}
