import { IsolationForestParamError } from './errors';

/**
 * Hyperparameters, named after scikit-learn's (`n_estimators`, `max_samples`, ...).
 *
 * `maxSamples` and `maxFeatures` take either a fraction or a count. JavaScript
 * has one number type, so `1` cannot mean both "the integer 1" and "the float
 * 1.0": a number in (0, 1] is a fraction and an integer >= 2 is a count (a
 * count of one is written as a small fraction).
 */
export interface IsolationForestParams {
  /** Number of trees, an integer >= 1. Default 100. */
  nEstimators: number;
  /** Samples drawn per tree: 'auto' = min(256, n), a count (> n uses n), or a fraction of n. Default 'auto'. */
  maxSamples: 'auto' | number;
  /** Features each tree may split on: a count, or a fraction of the columns (at least one). Default 1.0 (all). */
  maxFeatures: number;
  /** 'auto' gives offset -0.5; a proportion in (0, 0.5] sets the offset at that quantile of the training scores. */
  contamination: 'auto' | number;
  /** Draw each tree's samples with replacement. Default false. */
  bootstrap: boolean;
  /** Seed of the one random stream the forest is grown from (a safe integer). Default 0. */
  seed: number;
}

export const DEFAULT_ISOLATION_FOREST_PARAMS: Readonly<IsolationForestParams> = Object.freeze({
  nEstimators: 100,
  maxSamples: 'auto',
  maxFeatures: 1.0,
  contamination: 'auto',
  bootstrap: false,
  seed: 0,
});

const PARAM_NAMES = Object.keys(DEFAULT_ISOLATION_FOREST_PARAMS) as (keyof IsolationForestParams)[];

const COUNT_OR_FRACTION = 'a fraction in (0, 1] or an integer count >= 2';

function isFraction(value: number): boolean {
  return value > 0 && value <= 1;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 2;
}

/** Merges overrides into the defaults and validates every value; the result is frozen. */
export function resolveParams(overrides: unknown = {}): Readonly<IsolationForestParams> {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new IsolationForestParamError('params', 'must be an object of hyperparameters');
  }
  for (const key of Object.keys(overrides)) {
    if (!(PARAM_NAMES as string[]).includes(key)) {
      throw new IsolationForestParamError(key, `unknown parameter; allowed are ${PARAM_NAMES.join(', ')}`);
    }
  }
  const given = overrides as Partial<Record<keyof IsolationForestParams, unknown>>;
  const params = { ...DEFAULT_ISOLATION_FOREST_PARAMS };
  for (const key of PARAM_NAMES) {
    if (given[key] !== undefined) (params as Record<string, unknown>)[key] = given[key];
  }

  const { nEstimators, maxSamples, maxFeatures, contamination, bootstrap, seed } = params as Record<string, unknown>;
  if (typeof nEstimators !== 'number' || !Number.isSafeInteger(nEstimators) || nEstimators < 1) {
    throw new IsolationForestParamError('nEstimators', `must be an integer >= 1, got ${String(nEstimators)}`);
  }
  if (maxSamples !== 'auto' && !(typeof maxSamples === 'number' && (isFraction(maxSamples) || isCount(maxSamples)))) {
    throw new IsolationForestParamError('maxSamples', `must be 'auto', ${COUNT_OR_FRACTION}, got ${String(maxSamples)}`);
  }
  if (!(typeof maxFeatures === 'number' && (isFraction(maxFeatures) || isCount(maxFeatures)))) {
    throw new IsolationForestParamError('maxFeatures', `must be ${COUNT_OR_FRACTION}, got ${String(maxFeatures)}`);
  }
  if (contamination !== 'auto' && !(typeof contamination === 'number' && contamination > 0 && contamination <= 0.5)) {
    throw new IsolationForestParamError('contamination', `must be 'auto' or a number in (0, 0.5], got ${String(contamination)}`);
  }
  if (typeof bootstrap !== 'boolean') {
    throw new IsolationForestParamError('bootstrap', `must be true or false, got ${String(bootstrap)}`);
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new IsolationForestParamError('seed', `must be a safe integer, got ${String(seed)}`);
  }
  return Object.freeze(params);
}

/** The per-tree sample count for n training rows, plus a note when a count had to be clipped to n. */
export function resolveMaxSamples(
  maxSamples: IsolationForestParams['maxSamples'],
  nSamples: number,
): { count: number; warning?: string } {
  if (maxSamples === 'auto') return { count: Math.min(256, nSamples) };
  if (isCount(maxSamples)) {
    if (maxSamples > nSamples) {
      // scikit-learn warns and uses n here; we record the same note instead of printing.
      return {
        count: nSamples,
        warning: `maxSamples (${maxSamples}) is greater than the number of samples (${nSamples}): using ${nSamples}`,
      };
    }
    return { count: maxSamples };
  }
  const count = Math.floor(maxSamples * nSamples);
  if (count < 1) {
    throw new IsolationForestParamError(
      'maxSamples',
      `the fraction ${maxSamples} of ${nSamples} samples draws no sample; allowed range is [${1 / nSamples}, 1]`,
    );
  }
  return { count };
}

/** The number of features each tree may use, for a matrix of `nFeatures` columns. */
export function resolveMaxFeatures(maxFeatures: number, nFeatures: number): number {
  if (isCount(maxFeatures)) {
    if (maxFeatures > nFeatures) {
      throw new IsolationForestParamError(
        'maxFeatures',
        `the count ${maxFeatures} exceeds the ${nFeatures} features of X; allowed range is [1, ${nFeatures}]`,
      );
    }
    return maxFeatures;
  }
  return Math.max(1, Math.floor(maxFeatures * nFeatures));
}
