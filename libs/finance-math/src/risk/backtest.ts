import { chiSquare1Survival } from './chi-square';
import { RiskMetricError } from './risk-error';
import { checkLevel, checkSeries } from './validation';

/** Kupiec's proportion-of-failures likelihood-ratio test. */
export interface KupiecTest {
  /** LR = -2 ln[(1-p)^(n-x) p^x] + 2 ln[(1-x/n)^(n-x) (x/n)^x], with 0 ln 0 = 0. */
  lrStatistic: number;
  /** P(chi2(1) > LR). */
  pValue: number;
}

export type BacktestVerdict = 'accept' | 'reject-too-many-exceedances' | 'reject-too-few-exceedances';

export interface VarBacktest {
  observations: number;
  /** Periods whose loss exceeded the VaR: returns[t] < -var[t] (strictly). */
  exceedances: number;
  exceedanceRate: number;
  /** 1 - level, the rate a correct VaR exceeds at. */
  expectedRate: number;
  expectedExceedances: number;
  /** Indices t of the exceedances, in order. */
  exceedanceIndices: number[];
  kupiec: KupiecTest;
  significance: number;
  /** 'accept' unless the p-value is below `significance`; a rejection says in which direction. */
  verdict: BacktestVerdict;
}

/**
 * Kupiec POF test of `exceedances` failures in `observations` periods against the
 * expected failure rate p = 1 - level.
 */
export function kupiecPof(exceedances: number, observations: number, level: number): KupiecTest {
  checkLevel(level, 'level');
  if (!(Number.isSafeInteger(observations) && observations >= 1)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'observations', `must be a positive integer, got ${String(observations)}`);
  }
  if (!(Number.isSafeInteger(exceedances) && exceedances >= 0 && exceedances <= observations)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'exceedances', `must be an integer in [0, ${observations}], got ${String(exceedances)}`);
  }
  const p = 1 - level;
  const n = observations;
  const x = exceedances;
  const observed = x / n;
  const logLikelihood = (rate: number): number => xLogY(n - x, 1 - rate) + xLogY(x, rate);
  // Clamp tiny negative rounding: the unrestricted likelihood is never below the restricted one.
  const lrStatistic = Math.max(0, -2 * (logLikelihood(p) - logLikelihood(observed)));
  return { lrStatistic, pValue: chiSquare1Survival(lrStatistic) };
}

/** x ln y with the 0 ln 0 = 0 convention of a likelihood with no events of that kind. */
function xLogY(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(y);
}

/**
 * Backtest a VaR forecast (positive = loss, as the estimators return it) against realised
 * returns. `valueAtRisk[t]` must be the forecast FOR period t (made before it); a number
 * applies the same VaR to every period.
 */
export function backtestVaR(
  returns: ArrayLike<number>,
  valueAtRisk: number | ArrayLike<number>,
  options: { level?: number; significance?: number } = {},
): VarBacktest {
  const level = options.level ?? 0.95;
  const significance = options.significance ?? 0.05;
  checkLevel(level);
  if (!(significance > 0 && significance < 1)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'options.significance', `must be in (0, 1), got ${String(significance)}`);
  }
  checkSeries(returns, 'returns', 1);
  const forecastAt = varLookup(valueAtRisk, returns.length);

  const exceedanceIndices: number[] = [];
  for (let t = 0; t < returns.length; t++) {
    if (returns[t] < -forecastAt(t)) exceedanceIndices.push(t);
  }
  const observations = returns.length;
  const exceedances = exceedanceIndices.length;
  const expectedRate = 1 - level;
  const kupiec = kupiecPof(exceedances, observations, level);
  const exceedanceRate = exceedances / observations;
  let verdict: BacktestVerdict = 'accept';
  if (kupiec.pValue < significance) {
    verdict = exceedanceRate > expectedRate ? 'reject-too-many-exceedances' : 'reject-too-few-exceedances';
  }
  return {
    observations,
    exceedances,
    exceedanceRate,
    expectedRate,
    expectedExceedances: observations * expectedRate,
    exceedanceIndices,
    kupiec,
    significance,
    verdict,
  };
}

function varLookup(valueAtRisk: number | ArrayLike<number>, length: number): (t: number) => number {
  if (typeof valueAtRisk === 'number') {
    if (!Number.isFinite(valueAtRisk)) {
      throw new RiskMetricError('NON_FINITE_DATA', 'valueAtRisk', `must be finite, got ${valueAtRisk}`);
    }
    return () => valueAtRisk;
  }
  if (valueAtRisk.length !== length) {
    throw new RiskMetricError(
      'LENGTH_MISMATCH',
      'valueAtRisk',
      `forecast series has ${valueAtRisk.length} values but returns has ${length}; align forecast t with return t`,
    );
  }
  checkSeries(valueAtRisk, 'valueAtRisk', 1);
  return (t) => valueAtRisk[t];
}
