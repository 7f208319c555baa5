/** A path into a settings object: object keys and array indexes. */
export type KeyPath = ReadonlyArray<string | number>;

/** `forest.nEstimators`, `forecasting.quantiles[1]`: how keys are named in messages. */
export function formatKeyPath(path: KeyPath): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** The value at `path` inside `root`, or undefined when any step is missing. */
export function valueAtPath(root: unknown, path: KeyPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** True when `prefix` is a (not necessarily proper) prefix of `path`. */
export function startsWithPath(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
