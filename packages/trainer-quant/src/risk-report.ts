import type { ReturnPanel } from '@tethys/data';
import {
  backtestVaR,
  RISK_METHODS,
  rollingValueAtRisk,
  valueAtRisk,
  type RiskMethod,
  type VarBacktest,
  type ValueAtRiskOptions,
} from '@tethys/finance-math';

export interface VaRRow {
  level: number;
  method: RiskMethod;
  valueAtRisk: number;
  conditionalValueAtRisk: number;
}

export interface VaRBacktestRow extends Omit<VarBacktest, 'exceedanceIndices'> {
  series: string;
  level: number;
  method: RiskMethod;
  window: number;
}

export interface RiskSettings {
  levels: number[];
  seed: number;
  monteCarloSimulations: number;
  backtestWindow: number;
}

function methodOptions(method: RiskMethod, level: number, settings: RiskSettings): ValueAtRiskOptions {
  return method === 'monte_carlo'
    ? { method, level, seed: settings.seed, simulations: settings.monteCarloSimulations }
    : { method, level };
}

/** One-period VaR and CVaR (losses as positive numbers) by every method at every level. */
export function varTable(returns: ArrayLike<number>, settings: RiskSettings): VaRRow[] {
  return settings.levels.flatMap((level) =>
    RISK_METHODS.map((method) => {
      const estimate = valueAtRisk(returns, methodOptions(method, level, settings));
      return { level, method, valueAtRisk: estimate.valueAtRisk, conditionalValueAtRisk: estimate.conditionalValueAtRisk };
    }),
  );
}

/** VaR per asset over the whole history. */
export function assetVaR(panel: ReturnPanel, settings: RiskSettings): Record<string, VaRRow[]> {
  return Object.fromEntries(panel.assets.map((asset, a) => [asset, varTable(panel.returns[a], settings)]));
}

/**
 * Out-of-sample VaR backtests: each day's historical and parametric VaR comes
 * from the previous `backtestWindow` returns only; Kupiec's POF test judges the
 * exceedance count at every level.
 */
export function varBacktests(series: Record<string, ArrayLike<number>>, settings: RiskSettings): VaRBacktestRow[] {
  const rows: VaRBacktestRow[] = [];
  for (const [name, returns] of Object.entries(series)) {
    const realised = Array.from(returns).slice(settings.backtestWindow);
    for (const level of settings.levels) {
      for (const method of ['historical', 'parametric'] as const) {
        const forecasts = rollingValueAtRisk(returns, settings.backtestWindow, { method, level });
        const { exceedanceIndices: _indices, ...result } = backtestVaR(realised, forecasts, { level });
        rows.push({ series: name, level, method, window: settings.backtestWindow, ...result });
      }
    }
  }
  return rows;
}
