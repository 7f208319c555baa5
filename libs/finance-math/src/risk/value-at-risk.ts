import { cornishFisherVaR, type CornishFisherRiskOptions } from './cornish-fisher';
import { historicalVaR, type HistoricalRiskOptions } from './historical';
import { monteCarloVaR, type MonteCarloRiskOptions } from './monte-carlo';
import { parametricVaR, type ParametricRiskOptions } from './parametric';
import { RiskMetricError } from './risk-error';
import type { RiskEstimate, RiskMethod } from './risk-estimate';

/** Options of `valueAtRisk`: the method's own options plus `method`. */
export type ValueAtRiskOptions =
  | ({ method: 'historical' } & HistoricalRiskOptions)
  | ({ method: 'parametric' } & ParametricRiskOptions)
  | ({ method: 'cornish_fisher' } & CornishFisherRiskOptions)
  | ({ method: 'monte_carlo' } & MonteCarloRiskOptions);

export const RISK_METHODS: readonly RiskMethod[] = ['historical', 'parametric', 'cornish_fisher', 'monte_carlo'];

/** VaR and CVaR by the named method (the CLI's `--method` values). */
export function valueAtRisk(returns: ArrayLike<number>, options: ValueAtRiskOptions): RiskEstimate {
  switch (options.method) {
    case 'historical':
      return historicalVaR(returns, options);
    case 'parametric':
      return parametricVaR(returns, options);
    case 'cornish_fisher':
      return cornishFisherVaR(returns, options);
    case 'monte_carlo':
      return monteCarloVaR(returns, options);
    default: {
      const method: unknown = (options as { method?: unknown } | undefined)?.method;
      throw new RiskMetricError(
        'INVALID_PARAMETER',
        'options.method',
        `must be one of ${RISK_METHODS.map((m) => JSON.stringify(m)).join(', ')}, got ${JSON.stringify(method)}`,
      );
    }
  }
}
