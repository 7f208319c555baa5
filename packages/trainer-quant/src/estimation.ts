import type { PricePanel } from '@tethys/data';
import {
  capmReturn,
  emaHistoricalReturn,
  expCov,
  ledoitWolf,
  meanHistoricalReturn,
  sampleCov,
  semicovariance,
} from '@tethys/finance-math';
import type { Matrix } from 'ml-matrix';
import type { EXPECTED_RETURN_METHODS, RISK_MODEL_METHODS } from './params';

export type ExpectedReturnMethod = (typeof EXPECTED_RETURN_METHODS)[number];
export type RiskModelMethod = (typeof RISK_MODEL_METHODS)[number];

export interface EstimationSettings {
  expectedReturns: { method: ExpectedReturnMethod; span: number };
  riskModel: { method: RiskModelMethod; span: number };
  frequency: number;
  riskFreeRate: number;
}

/** Annual expected returns by the named PyPortfolioOpt method. */
export function expectedReturnsOf(panel: PricePanel, method: ExpectedReturnMethod, settings: { span: number; frequency: number; riskFreeRate: number }): Float64Array {
  const { span, frequency, riskFreeRate } = settings;
  switch (method) {
    case 'mean_historical':
      return meanHistoricalReturn(panel, { frequency });
    case 'ema_historical':
      return emaHistoricalReturn(panel, { span, frequency });
    case 'capm':
      return capmReturn(panel, { frequency, riskFreeRate });
  }
}

/** Annual covariance by the named PyPortfolioOpt risk model. */
export function riskModelOf(
  panel: PricePanel,
  method: RiskModelMethod,
  settings: { span: number; frequency: number; semicovarianceBenchmark?: number },
): Matrix {
  const { span, frequency } = settings;
  switch (method) {
    case 'sample_cov':
      return sampleCov(panel, { frequency });
    case 'semicovariance':
      return semicovariance(panel, { frequency, benchmark: settings.semicovarianceBenchmark });
    case 'exp_cov':
      return expCov(panel, { span, frequency });
    case 'ledoit_wolf':
      return ledoitWolf(panel, { frequency, shrinkageTarget: 'constant_variance' }).covariance;
    case 'ledoit_wolf_single_factor':
      return ledoitWolf(panel, { frequency, shrinkageTarget: 'single_factor' }).covariance;
    case 'ledoit_wolf_constant_correlation':
      return ledoitWolf(panel, { frequency, shrinkageTarget: 'constant_correlation' }).covariance;
  }
}

export function estimate(panel: PricePanel, settings: EstimationSettings): { expectedReturns: Float64Array; covariance: Matrix } {
  return {
    expectedReturns: expectedReturnsOf(panel, settings.expectedReturns.method, { ...settings, span: settings.expectedReturns.span }),
    covariance: riskModelOf(panel, settings.riskModel.method, { ...settings, span: settings.riskModel.span }),
  };
}
