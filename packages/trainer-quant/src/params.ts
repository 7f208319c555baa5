import { loadParams } from '@tethys/config';
import { z } from 'zod';

const weightBounds = z
  .tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)])
  .refine(([lower, upper]) => lower <= upper, { message: 'lower bound above upper bound' });

const profileSchema = z.discriminatedUnion('objective', [
  z.strictObject({ objective: z.literal('min_volatility'), description: z.string(), weightBounds, l2Gamma: z.number().min(0).optional() }),
  z.strictObject({ objective: z.literal('max_sharpe'), description: z.string(), weightBounds, l2Gamma: z.number().min(0).optional() }),
  z.strictObject({
    objective: z.literal('max_quadratic_utility'),
    description: z.string(),
    weightBounds,
    riskAversion: z.number().positive(),
    l2Gamma: z.number().min(0).optional(),
  }),
  z.strictObject({
    objective: z.literal('efficient_risk'),
    description: z.string(),
    weightBounds,
    targetVolatility: z.number().positive(),
    l2Gamma: z.number().min(0).optional(),
  }),
  z.strictObject({
    objective: z.literal('efficient_return'),
    description: z.string(),
    weightBounds,
    targetReturn: z.number(),
    l2Gamma: z.number().min(0).optional(),
  }),
]);

export const EXPECTED_RETURN_METHODS = ['mean_historical', 'ema_historical', 'capm'] as const;
export const RISK_MODEL_METHODS = [
  'sample_cov',
  'semicovariance',
  'exp_cov',
  'ledoit_wolf',
  'ledoit_wolf_single_factor',
  'ledoit_wolf_constant_correlation',
] as const;

/** The quant stage's params.json: validated at start-up, unknown keys refused. */
export const quantTrainerParamsSchema = z.strictObject({
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  universe: z.strictObject({
    /** Names the risk-anomaly artifact: models/risk_anomaly_<name>/. */
    name: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only'),
    prices: z.string().min(1),
  }),
  conventions: z.strictObject({
    /** Periods per year of the price data (252 for daily). */
    frequency: z.number().int().positive(),
    /** Annual risk-free rate for Sharpe ratios and excess returns. */
    riskFreeRate: z.number().gt(-1).lt(1),
  }),
  estimation: z.strictObject({
    /** Price rows behind each estimate (504 = two trading years). */
    lookbackDays: z.number().int().min(30),
    expectedReturns: z.strictObject({ method: z.enum(EXPECTED_RETURN_METHODS), span: z.number().int().positive() }),
    riskModel: z.strictObject({ method: z.enum(RISK_MODEL_METHODS), span: z.number().int().positive() }),
  }),
  profiles: z.record(z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only'), profileSchema),
  backtest: z.strictObject({
    /** Rows between rebalances (21 = monthly). */
    rebalanceEvery: z.number().int().positive(),
    /** Proportional cost per unit of turnover. */
    transactionCost: z.number().min(0).max(0.1),
  }),
  risk: z.strictObject({
    levels: z.array(z.number().gt(0.5).lt(1)).min(1),
    monteCarloSimulations: z.number().int().min(1000),
    /** Rows of history behind each rolling VaR forecast in the backtest. */
    backtestWindow: z.number().int().min(100),
  }),
  riskAnomaly: z.strictObject({
    shortWindow: z.number().int().min(5),
    longWindow: z.number().int().min(10),
    forest: z.strictObject({
      nEstimators: z.number().int().positive(),
      maxSamples: z.union([z.literal('auto'), z.number().positive()]),
      contamination: z.union([z.literal('auto'), z.number().gt(0).max(0.5)]),
    }),
    /** How many flagged days to list in the artifact. */
    listTop: z.number().int().positive(),
  }),
  factors: z.strictObject({ pcaComponents: z.number().int().min(1).max(10) }),
});

export type QuantTrainerParams = z.infer<typeof quantTrainerParamsSchema>;
export type RiskProfile = QuantTrainerParams['profiles'][string];

export function loadQuantTrainerParams(file: string): QuantTrainerParams {
  return loadParams(file, quantTrainerParamsSchema);
}
