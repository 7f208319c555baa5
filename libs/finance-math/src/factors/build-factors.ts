import { FactorModelError } from './factor-error';
import { assertFiniteSeries, assertIntegerInRange, assertLength } from './input-checks';
import { pcaFactors } from './pca-factors';
import { validateReturnPanel, type AssetReturnPanel } from './return-panel';
import { longShortReturn, momentumSignal, tercileLegs, trailingVolatility } from './tercile-sort';

export type BuiltFactor = 'market' | 'momentum' | 'lowVolatility' | 'pca';

export interface BuildFactorsOptions {
  /** Which factors to build, in this order; default ['market', 'momentum', 'lowVolatility']. */
  factors?: readonly BuiltFactor[];
  /** Market factor returns (one per panel date) instead of the equal-weighted universe mean. */
  benchmark?: Float64Array;
  /** Momentum signal window [s - lookback, s - skip); defaults 252 and 21 (12-1 months). */
  momentum?: { lookback?: number; skip?: number };
  /** Volatility signal window [s - lookback, s); default 63. */
  lowVolatility?: { lookback?: number };
  /** Holding period of the sort factors in periods; default 21 (monthly). */
  rebalanceEvery?: number;
  /** Number of principal components for 'pca'; default 3. */
  pca?: { components?: number };
}

/** One formation of a sort factor: legs held on panel dates [holdingStart, holdingEnd). */
export interface FactorRebalance {
  factor: 'momentum' | 'lowVolatility';
  holdingStart: number;
  holdingEnd: number;
  date: string;
  long: string[];
  short: string[];
}

export interface BuiltFactors {
  /** 'market', 'momentum', 'low_volatility', 'pc1', 'pc2', ... in the requested order. */
  names: string[];
  /** panel.dates from startIndex on. */
  dates: string[];
  /** returns[k][i] is factor names[k] on dates[i] (= panel date startIndex + i). */
  returns: Float64Array[];
  /** Panel index of dates[0]: the warm-up the sort signals need (0 without sort factors). */
  startIndex: number;
  rebalances: FactorRebalance[];
  pca?: { assets: string[]; loadings: Float64Array[]; eigenvalues: Float64Array; explainedVarianceRatio: Float64Array };
}

const DEFAULT_FACTORS: readonly BuiltFactor[] = ['market', 'momentum', 'lowVolatility'];
const KNOWN_FACTORS: readonly BuiltFactor[] = ['market', 'momentum', 'lowVolatility', 'pca'];

/**
 * Factors built from the return panel itself (no size/value data is available):
 * - market: equal-weighted mean return of the universe each period (or `benchmark`);
 * - momentum: top minus bottom tercile by Π(1 + r) - 1 over [s - 252, s - 21);
 * - lowVolatility ('low_volatility'): lowest minus highest tercile by the sample
 *   standard deviation over [s - 63, s);
 * - pca ('pc1'..): scores of the top principal components of the standardised panel.
 * Sort factors form at s = startIndex, startIndex + 21, ... from data strictly before s,
 * hold equal weights (rebalanced each period) on [s, s + 21); startIndex is the longest
 * signal window requested, and every factor is reported from there.
 */
export function buildFactors(panel: AssetReturnPanel, options: BuildFactorsOptions = {}): BuiltFactors {
  validateReturnPanel(panel);
  const { dates, assets, returns } = panel;
  const observations = dates.length;
  const requested = requestedFactors(options.factors);
  const momentumLookback = options.momentum?.lookback ?? 252;
  const momentumSkip = options.momentum?.skip ?? 21;
  const volatilityLookback = options.lowVolatility?.lookback ?? 63;
  const rebalanceEvery = options.rebalanceEvery ?? 21;
  const components = options.pca?.components ?? 3;
  assertIntegerInRange(momentumLookback, 'options.momentum.lookback', 1);
  assertIntegerInRange(momentumSkip, 'options.momentum.skip', 0, momentumLookback - 1);
  assertIntegerInRange(volatilityLookback, 'options.lowVolatility.lookback', 2);
  assertIntegerInRange(rebalanceEvery, 'options.rebalanceEvery', 1);
  if (requested.includes('pca')) assertIntegerInRange(components, 'options.pca.components', 1, assets.length);

  const sorts = requested.filter((name) => name === 'momentum' || name === 'lowVolatility');
  if (sorts.length > 0 && assets.length < 3) {
    throw new FactorModelError('INVALID_PARAMETER', 'panel.assets', `tercile sorts need at least 3 assets, got ${assets.length}`);
  }
  const startIndex = Math.max(
    0,
    ...sorts.map((name) => (name === 'momentum' ? momentumLookback : volatilityLookback)),
  );
  const minimum = startIndex + (requested.includes('pca') ? 2 : 1);
  if (observations < minimum) {
    throw new FactorModelError(
      'TOO_FEW_OBSERVATIONS',
      'panel.dates',
      `${observations} dates leave nothing after the ${startIndex}-period signal warm-up; need at least ${minimum}`,
    );
  }
  if (options.benchmark !== undefined) {
    assertLength(options.benchmark, observations, 'options.benchmark', 'panel.dates');
    assertFiniteSeries(options.benchmark, 'options.benchmark', dates);
  }

  const length = observations - startIndex;
  const names: string[] = [];
  const series: Float64Array[] = [];
  const rebalances: FactorRebalance[] = [];
  let pca: BuiltFactors['pca'];
  for (const factor of requested) {
    if (factor === 'market') {
      names.push('market');
      series.push(marketFactor(returns, startIndex, observations, options.benchmark));
    } else if (factor === 'pca') {
      const result = pcaFactors(returns, assets, startIndex, observations, components);
      result.returns.forEach((values, k) => {
        names.push(`pc${k + 1}`);
        series.push(values);
      });
      pca = {
        assets: [...assets],
        loadings: result.loadings,
        eigenvalues: result.eigenvalues,
        explainedVarianceRatio: result.explainedVarianceRatio,
      };
    } else {
      // Momentum is long the winners; low volatility is long the calm, so its signal is -σ.
      const signalAt =
        factor === 'momentum'
          ? (a: number, s: number) => momentumSignal(returns[a], s, momentumLookback, momentumSkip)
          : (a: number, s: number) => -trailingVolatility(returns[a], s, volatilityLookback);
      const values = new Float64Array(length);
      for (let s = startIndex; s < observations; s += rebalanceEvery) {
        const legs = tercileLegs(Float64Array.from(assets, (_, a) => signalAt(a, s)));
        const holdingEnd = Math.min(s + rebalanceEvery, observations);
        for (let t = s; t < holdingEnd; t++) values[t - startIndex] = longShortReturn(returns, legs, t);
        rebalances.push({
          factor,
          holdingStart: s,
          holdingEnd,
          date: dates[s],
          long: legs.long.map((a) => assets[a]),
          short: legs.short.map((a) => assets[a]),
        });
      }
      names.push(factor === 'momentum' ? 'momentum' : 'low_volatility');
      series.push(values);
    }
  }
  return { names, dates: dates.slice(startIndex), returns: series, startIndex, rebalances, ...(pca ? { pca } : {}) };
}

function requestedFactors(factors: readonly BuiltFactor[] | undefined): BuiltFactor[] {
  const requested = [...(factors ?? DEFAULT_FACTORS)];
  if (requested.length === 0) {
    throw new FactorModelError('INVALID_PARAMETER', 'options.factors', `must name at least one of ${KNOWN_FACTORS.join(', ')}`);
  }
  requested.forEach((name, i) => {
    if (!KNOWN_FACTORS.includes(name) || requested.indexOf(name) !== i) {
      throw new FactorModelError(
        'INVALID_PARAMETER',
        `options.factors[${i}]`,
        `must be one of ${KNOWN_FACTORS.join(', ')} and listed once, got ${JSON.stringify(name)}`,
      );
    }
  });
  return requested;
}

function marketFactor(
  returns: readonly Float64Array[],
  start: number,
  end: number,
  benchmark: Float64Array | undefined,
): Float64Array {
  if (benchmark !== undefined) return benchmark.slice(start, end);
  const market = new Float64Array(end - start);
  for (let t = start; t < end; t++) {
    let sum = 0;
    for (const series of returns) sum += series[t];
    market[t - start] = sum / returns.length;
  }
  return market;
}
