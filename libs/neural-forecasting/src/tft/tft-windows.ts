import { fillTargetWindows } from '../training/target-windows';
import type { WindowNormalization } from '../training/window-normalization';

/** Scaled inputs of one series, aligned by position with the target. */
export interface WindowSource {
  target: Float64Array;
  /** Observed-past covariates (scaled), each at least as long as the target. */
  past: Float64Array[];
  /** Known-future covariates (scaled); positions past their end repeat the last value (see padding note). */
  future: Float64Array[];
  static: number[];
}

/** Network-ready arrays for n windows. */
export interface WindowBatch {
  count: number;
  observed: Float32Array; // [n, L, 1 + past]
  known: Float32Array; // [n, L + H, future + 1]
  static: Float32Array; // [n, S]
  /** [n, H]; only when every target step lies inside the source. */
  targets?: Float32Array;
  /** [n]: the level subtracted from each window's observed target and targets (0 with 'none'). */
  levels: Float64Array;
}

/**
 * Windows for the given origins: the past is [o - L, o), the decoder covers
 * [o, o + H). The extra known input is the relative time index (how far a
 * step lies from the origin), as in the TFT paper. Known values needed
 * beyond a covariate's end are padded with its last value: the network is
 * causal (LSTM + masked attention), so padding after step h cannot change
 * the forecast for steps <= h, and callers only read the steps they own.
 */
export function buildWindows(
  source: WindowSource,
  origins: readonly number[],
  lookback: number,
  horizon: number,
  withTargets: boolean,
  normalization: WindowNormalization = 'none',
): WindowBatch {
  const n = origins.length;
  const observedWidth = 1 + source.past.length;
  const knownWidth = source.future.length + 1;
  const span = lookback + horizon;
  const observed = new Float32Array(n * lookback * observedWidth);
  const known = new Float32Array(n * span * knownWidth);
  const staticValues = new Float32Array(n * source.static.length);
  // The target goes first at each observed step, the past covariates after it.
  const { targets, levels } = fillTargetWindows(source.target, origins, observed, { lookback, horizon, withTargets, normalization, stride: observedWidth });
  origins.forEach((origin, w) => {
    for (let p = 0; p < lookback; p++) {
      const t = origin - lookback + p;
      const row = (w * lookback + p) * observedWidth;
      source.past.forEach((values, j) => (observed[row + 1 + j] = values[t]));
    }
    for (let p = 0; p < span; p++) {
      const t = origin - lookback + p;
      const row = (w * span + p) * knownWidth;
      source.future.forEach((values, j) => (known[row + j] = values[Math.min(t, values.length - 1)]));
      known[row + knownWidth - 1] = (p - lookback) / span;
    }
    staticValues.set(source.static, w * source.static.length);
  });
  return { count: n, observed, known, static: staticValues, targets: targets ?? undefined, levels };
}
