import { FactorModelError } from './factor-error';
import { assertFiniteSeries, assertIntegerInRange, assertLength, mean } from './input-checks';
import { ols, type OlsResult } from './ols';

/** Factor return series aligned with the asset returns: `returns[k][t]` is factor `names[k]` on date t. */
export interface FactorReturns {
  names: readonly string[];
  returns: readonly Float64Array[];
}

export interface FactorExposureOptions {
  /** Risk-free rate per period (a constant or one value per date), subtracted from the asset returns only; default 0. */
  riskFreeRate?: number | Float64Array;
  /** Newey-West lags; default floor(4 (T / 100)^(2/9)). */
  hacLags?: number;
  /** Periods per year for annualising alpha; default 252. */
  periods?: number;
}

/** One factor's loading, with Newey-West HAC inference. */
export interface FactorBeta {
  name: string;
  beta: number;
  /** HAC standard error. */
  standardError: number;
  tStat: number;
  pValue: number;
}

/** mean excess return = alpha + Σ_k beta_k · mean(f_k) + mean(residual) (the last is 0 up to rounding with OLS). */
export interface ReturnAttribution {
  meanExcessReturn: number;
  alpha: number;
  factors: { name: string; meanFactorReturn: number; contribution: number }[];
  residual: number;
}

export interface FactorExposure {
  alpha: {
    perPeriod: number;
    /** perPeriod · periods (arithmetic, as quantstats' greeks). */
    annualized: number;
    standardError: number;
    tStat: number;
    pValue: number;
  };
  betas: FactorBeta[];
  rSquared: number;
  adjustedRSquared: number;
  attribution: ReturnAttribution;
  hacLags: number;
  observations: number;
  periods: number;
  /** The underlying regression of excess returns on the factors (intercept first). */
  regression: OlsResult;
}

/**
 * Time-series factor regression r_t - rf_t = alpha + Σ_k beta_k f_{k,t} + e_t with
 * Newey-West HAC t-statistics, and the attribution of the mean excess return to
 * alpha, each factor (beta_k · mean f_k) and the mean residual. Factor returns
 * are used as given (long-short factors are already excess returns; pass a market
 * factor net of the risk-free rate yourself when rf is not 0).
 */
export function factorExposure(
  returns: Float64Array,
  factors: FactorReturns,
  options: FactorExposureOptions = {},
): FactorExposure {
  const periods = options.periods ?? 252;
  if (!(Number.isFinite(periods) && periods > 0)) {
    throw new FactorModelError('INVALID_PARAMETER', 'options.periods', `must be a positive number, got ${periods}`);
  }
  validateFactors(factors, returns.length);
  assertFiniteSeries(returns, 'returns');
  const excess = excessReturns(returns, options.riskFreeRate ?? 0);
  if (options.hacLags !== undefined) assertIntegerInRange(options.hacLags, 'options.hacLags', 0, returns.length - 1);

  const regression = ols(excess, factors.returns, {
    intercept: true,
    names: factors.names,
    hac: { lags: options.hacLags },
  });
  const { coefficients, hac } = regression;
  const betas = factors.names.map((name, k) => ({
    name,
    beta: coefficients[k + 1],
    standardError: hac.standardErrors[k + 1],
    tStat: hac.tStats[k + 1],
    pValue: hac.pValues[k + 1],
  }));
  const attribution: ReturnAttribution = {
    meanExcessReturn: mean(excess),
    alpha: coefficients[0],
    factors: factors.names.map((name, k) => {
      const meanFactorReturn = mean(factors.returns[k]);
      return { name, meanFactorReturn, contribution: coefficients[k + 1] * meanFactorReturn };
    }),
    residual: mean(regression.residuals),
  };
  return {
    alpha: {
      perPeriod: coefficients[0],
      annualized: coefficients[0] * periods,
      standardError: hac.standardErrors[0],
      tStat: hac.tStats[0],
      pValue: hac.pValues[0],
    },
    betas,
    rSquared: regression.rSquared,
    adjustedRSquared: regression.adjustedRSquared,
    attribution,
    hacLags: hac.lags,
    observations: regression.observations,
    periods,
    regression,
  };
}

/** Checks names against series and every series against the response length and for NaN/Inf. */
export function validateFactors(factors: FactorReturns, observations: number): void {
  const { names, returns } = factors;
  if (names.length === 0) {
    throw new FactorModelError('INVALID_PARAMETER', 'factors.names', 'needs at least one factor');
  }
  if (names.length !== returns.length) {
    throw new FactorModelError(
      'LENGTH_MISMATCH',
      'factors.returns',
      `has ${returns.length} series for ${names.length} names`,
    );
  }
  const seen = new Set<string>();
  names.forEach((name, k) => {
    if (name === '' || seen.has(name)) {
      throw new FactorModelError('INVALID_PARAMETER', `factors.names[${k}]`, `must be a unique non-empty name, got ${JSON.stringify(name)}`);
    }
    seen.add(name);
    assertLength(returns[k], observations, `factors.returns[${k}] (${name})`, 'returns');
    assertFiniteSeries(returns[k], `factors.returns[${k}] (${name})`);
  });
}

function excessReturns(returns: Float64Array, riskFreeRate: number | Float64Array): Float64Array {
  if (typeof riskFreeRate === 'number') {
    if (!Number.isFinite(riskFreeRate)) {
      throw new FactorModelError('NON_FINITE_VALUE', 'options.riskFreeRate', `must be finite, got ${riskFreeRate}`);
    }
    return returns.map((value) => value - riskFreeRate);
  }
  assertLength(riskFreeRate, returns.length, 'options.riskFreeRate', 'returns');
  assertFiniteSeries(riskFreeRate, 'options.riskFreeRate');
  return returns.map((value, t) => value - riskFreeRate[t]);
}
