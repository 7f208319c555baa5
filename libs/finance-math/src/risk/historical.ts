import { empiricalTailRisk, RETURN_KINDS, type ReturnKind, type RiskEstimate, type RiskLevelOptions } from './risk-estimate';
import { checkChoice, checkHorizon, checkLevel, checkSeries, checkTailObservations } from './validation';

/**
 * How historical VaR reaches an h-period horizon:
 * 'overlapping' — the empirical distribution of the n - h + 1 overlapping h-period returns
 *   (compounded for simple returns, summed for log returns); no distributional assumption,
 *   but the windows share periods, so the effective sample is smaller than it looks.
 * 'sqrt-time' — one-period VaR and CVaR times sqrt(h) (assumes iid, zero-mean returns).
 */
export type HistoricalHorizonMethod = 'overlapping' | 'sqrt-time';

export interface HistoricalRiskOptions extends RiskLevelOptions {
  /** Default 'overlapping'. */
  horizonMethod?: HistoricalHorizonMethod;
  /** How periods combine in 'overlapping' windows; default 'simple'. */
  returnKind?: ReturnKind;
}

const HORIZON_METHODS: readonly HistoricalHorizonMethod[] = ['overlapping', 'sqrt-time'];

/**
 * Historical VaR/CVaR: minus the numpy-linear (1 - level) quantile of the (h-period) returns,
 * and minus the mean of the returns at or below it. Needs n * (1 - level) >= 1 observations
 * (of h-period windows for 'overlapping').
 */
export function historicalVaR(returns: ArrayLike<number>, options: HistoricalRiskOptions = {}): RiskEstimate {
  const level = options.level ?? 0.95;
  const horizon = options.horizon ?? 1;
  const horizonMethod = options.horizonMethod ?? 'overlapping';
  const returnKind = options.returnKind ?? 'simple';
  checkLevel(level);
  checkHorizon(horizon);
  checkChoice(horizonMethod, HORIZON_METHODS, 'options.horizonMethod');
  checkChoice(returnKind, RETURN_KINDS, 'options.returnKind');
  checkSeries(returns, 'returns', 1);

  if (horizonMethod === 'sqrt-time' || horizon === 1) {
    checkTailObservations(returns.length, level, 'returns');
    const tail = empiricalTailRisk(returns, level);
    const scale = Math.sqrt(horizon);
    return {
      method: 'historical',
      level,
      horizon,
      valueAtRisk: tail.valueAtRisk * scale,
      conditionalValueAtRisk: tail.conditionalValueAtRisk * scale,
    };
  }
  const windows = overlappingReturns(returns, horizon, returnKind);
  checkTailObservations(windows.length, level, `returns (as ${horizon}-period overlapping windows)`);
  return { method: 'historical', level, horizon, ...empiricalTailRisk(windows, level) };
}

/**
 * The n - h + 1 overlapping h-period returns: window t covers periods t .. t + h - 1.
 * Simple returns compound, prod(1 + r) - 1; log returns add.
 */
export function overlappingReturns(returns: ArrayLike<number>, horizon: number, returnKind: ReturnKind = 'simple'): Float64Array {
  checkHorizon(horizon, 'horizon');
  checkChoice(returnKind, RETURN_KINDS, 'returnKind');
  checkSeries(returns, 'returns', horizon);
  const windows = new Float64Array(returns.length - horizon + 1);
  for (let t = 0; t < windows.length; t++) {
    windows[t] = aggregateReturns(returns, t, horizon, returnKind);
  }
  return windows;
}

/** The return over periods start .. start + length - 1 of `returns`. */
export function aggregateReturns(returns: ArrayLike<number>, start: number, length: number, returnKind: ReturnKind): number {
  if (returnKind === 'log') {
    let sum = 0;
    for (let k = start; k < start + length; k++) sum += returns[k];
    return sum;
  }
  let growth = 1;
  for (let k = start; k < start + length; k++) growth *= 1 + returns[k];
  return growth - 1;
}
