import { createRng, type Rng } from '@tethys/data';
import { meanAndSd, type Ddof } from './moments';
import { RiskMetricError } from './risk-error';
import { empiricalTailRisk, RETURN_KINDS, type ReturnKind, type RiskEstimate, type RiskLevelOptions } from './risk-estimate';
import { checkChoice, checkHorizon, checkLevel, checkSeries, checkTailObservations } from './validation';

/** 'normal': iid draws from N(sample mean, sample sd); 'bootstrap': iid resampling of the history. */
export type MonteCarloSource = 'normal' | 'bootstrap';

export interface MonteCarloRiskOptions extends RiskLevelOptions {
  /** Seed of the one Rng every draw comes from; the same seed gives the same result. */
  seed: number;
  /** Simulated h-period returns; default 10000. Must satisfy simulations * (1 - level) >= 1. */
  simulations?: number;
  /** Default 'normal'. */
  source?: MonteCarloSource;
  /** How the h simulated periods combine: 'simple' compounds, 'log' adds; default 'simple'. */
  returnKind?: ReturnKind;
  /** ddof of the fitted sd for source 'normal'; default 1. */
  ddof?: Ddof;
}

const SOURCES: readonly MonteCarloSource[] = ['normal', 'bootstrap'];

/**
 * Monte Carlo VaR/CVaR: simulate `simulations` h-period returns, each from h one-period
 * draws (fitted normal or bootstrap of the history) combined per `returnKind`, then apply
 * the historical estimator (numpy-linear quantile, mean at or beyond it) to the sample.
 */
export function monteCarloVaR(returns: ArrayLike<number>, options: MonteCarloRiskOptions): RiskEstimate {
  const level = options.level ?? 0.95;
  const horizon = options.horizon ?? 1;
  const simulations = options.simulations ?? 10000;
  const source = options.source ?? 'normal';
  const returnKind = options.returnKind ?? 'simple';
  checkLevel(level);
  checkHorizon(horizon);
  checkChoice(source, SOURCES, 'options.source');
  checkChoice(returnKind, RETURN_KINDS, 'options.returnKind');
  if (!Number.isSafeInteger(options.seed)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'options.seed', `seed must be a safe integer, got ${String(options.seed)}`);
  }
  if (!(Number.isSafeInteger(simulations) && simulations >= 1)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'options.simulations', `must be a positive integer, got ${String(simulations)}`);
  }
  checkTailObservations(simulations, level, 'options.simulations');
  checkSeries(returns, 'returns', 2);

  const rng = createRng(options.seed);
  const draw =
    source === 'normal'
      ? normalDraw(returns, options.ddof ?? 1, rng)
      : (): number => returns[rng.int(returns.length)];

  const simulated = new Float64Array(simulations);
  for (let s = 0; s < simulations; s++) {
    if (horizon === 1) {
      // No compounding round trip (1 + r) - 1 for a single period.
      simulated[s] = draw();
    } else if (returnKind === 'log') {
      let sum = 0;
      for (let k = 0; k < horizon; k++) sum += draw();
      simulated[s] = sum;
    } else {
      let growth = 1;
      for (let k = 0; k < horizon; k++) growth *= 1 + draw();
      simulated[s] = growth - 1;
    }
  }
  return { method: 'monte_carlo', level, horizon, ...empiricalTailRisk(simulated, level) };
}

function normalDraw(returns: ArrayLike<number>, ddof: Ddof, rng: Rng): () => number {
  const { mean, sd } = meanAndSd(returns, ddof);
  return () => rng.normal(mean, sd);
}
