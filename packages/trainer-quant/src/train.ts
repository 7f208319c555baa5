import { readdirSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson as json, loadArtifact, reproducibleTimestamp, writeArtifact, writeJsonArtifact } from '@tethys/artifacts';
import { priceReturns, readPricePanel } from '@tethys/data';
import { buildFactors, factorExposure, loadQpSolver, portfolioHistoricalVaR, portfolioParametricVaR } from '@tethys/finance-math';
import packageJson from '../package.json';
import type { QuantTrainerParams } from './params';
import { runProfile, type ProfileResult } from './portfolio-profiles';
import { detectRiskAnomalies } from './risk-anomalies';
import { assetVaR, varBacktests, varTable } from './risk-report';

export const QUANT_KINDS = {
  portfolio: 'portfolio_opt',
  riskAnomaly: 'risk_anomaly',
  factorExposure: 'factor_exposure',
  summary: 'quant_training_summary',
} as const;

export interface SummaryEntry {
  kind: string;
  path: string;
  headline: Record<string, number | string | boolean | null>;
}

export interface QuantTrainingResult {
  profiles: ProfileResult[];
  summary: SummaryEntry[];
}

/**
 * The quant stage: for each risk profile, optimised weights and a walk-forward
 * backtest (models/portfolio_opt_<profile>.json) and the factor exposure of its
 * out-of-sample returns (models/factor_exposure_<profile>.json); VaR/CVaR, VaR
 * backtests and market risk anomalies for the universe
 * (models/risk_anomaly_<universe>/); and models/quant_training_summary.json.
 * Paths in params are relative to `root`; artifacts go to `<root>/<modelsDir>`.
 */
export async function trainQuant(
  params: QuantTrainerParams,
  options: { root?: string; modelsDir?: string; log?: (line: string) => void } = {},
): Promise<QuantTrainingResult> {
  const root = options.root ?? process.cwd();
  const modelsDir = path.resolve(root, options.modelsDir ?? 'models');
  const log = options.log ?? (() => undefined);
  const pricesFile = path.resolve(root, params.universe.prices);
  const panel = readPricePanel(pricesFile);
  const returns = priceReturns(panel, { kind: 'simple', missing: 'error' });
  const { frequency, riskFreeRate } = params.conventions;
  const producer = { package: packageJson.name, version: packageJson.version };
  const createdAt = reproducibleTimestamp(process.env, root);
  const common = { producer, seed: params.seed, inputs: [pricesFile], root, createdAt };
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  log(`read ${panel.assets.length} assets x ${panel.dates.length} days from ${params.universe.prices}`);

  const solver = await loadQpSolver();
  const estimation = {
    expectedReturns: params.estimation.expectedReturns,
    riskModel: params.estimation.riskModel,
    frequency,
    riskFreeRate,
  };
  const factors = buildFactors(returns, { factors: ['market', 'momentum', 'lowVolatility', 'pca'], pca: { components: params.factors.pcaComponents } });
  const summary: SummaryEntry[] = [];
  const profiles: ProfileResult[] = [];

  for (const [name, profile] of Object.entries(params.profiles)) {
    const result = runProfile(solver, panel, name, profile, {
      estimation,
      lookbackDays: params.estimation.lookbackDays,
      rebalanceEvery: params.backtest.rebalanceEvery,
      transactionCost: params.backtest.transactionCost,
    });
    profiles.push(result);
    const { backtest } = result;
    const headline = {
      objective: profile.objective,
      expectedReturn: result.expectedPerformance.expectedReturn,
      expectedVolatility: result.expectedPerformance.volatility,
      expectedSharpe: result.expectedPerformance.sharpe,
      backtestCagr: backtest.portfolio.cagr,
      backtestSharpe: backtest.portfolio.sharpe,
      backtestMaxDrawdown: backtest.portfolio.maxDrawdown,
      benchmarkCagr: backtest.benchmark.cagr,
      benchmarkSharpe: backtest.benchmark.sharpe,
    };
    const file = path.join(modelsDir, `portfolio_opt_${name}.json`);
    writeJsonArtifact({
      ...common,
      file,
      kind: QUANT_KINDS.portfolio,
      params: { profile: name, ...profile, estimation: params.estimation, conventions: params.conventions, backtest: params.backtest },
      content: {
        profile: name,
        description: profile.description,
        objective: profile.objective,
        asOf: result.asOf,
        weights: result.weights,
        expectedPerformance: result.expectedPerformance,
        backtest: {
          start: backtest.walkForward.dates[0],
          end: backtest.walkForward.dates[backtest.walkForward.dates.length - 1],
          rebalances: backtest.walkForward.rebalances.length,
          averageTurnover: backtest.averageTurnover,
          fallbacks: backtest.fallbacks,
          portfolio: backtest.portfolio,
          equalWeightBenchmark: backtest.benchmark,
        },
      },
      metrics: headline,
    });
    summary.push({ kind: QUANT_KINDS.portfolio, path: relative(file), headline });
    log(
      `${name}: expected Sharpe ${headline.expectedSharpe.toFixed(2)}; walk-forward CAGR ${fmt(headline.backtestCagr)} ` +
        `vs equal weight ${fmt(headline.benchmarkCagr)}, Sharpe ${fmt(headline.backtestSharpe)} vs ${fmt(headline.benchmarkSharpe)}`,
    );

    // Factor exposure of the profile's out-of-sample returns over the dates both cover (the
    // momentum factor needs a year of history, so it may start after the backtest does).
    const { dates: wfDates, portfolioReturns } = backtest.walkForward;
    const firstShared = Math.max(0, wfDates.indexOf(factors.dates[0]));
    const factorOffset = factors.dates.indexOf(wfDates[firstShared]);
    if (factorOffset < 0) throw new Error(`factor exposure: the ${name} backtest (${wfDates[0]}..) and the factors (${factors.dates[0]}..) share no dates`);
    const sharedDates = wfDates.slice(firstShared);
    const aligned = {
      names: factors.names,
      returns: factors.returns.map((series) => series.slice(factorOffset, factorOffset + sharedDates.length)),
    };
    // Two models, because the first principal component is nearly the market factor and the two
    // together are collinear: a style model (market, momentum, low volatility) for the headline,
    // and a statistical model on the PCA factors alone.
    const excess = { riskFreeRate: (1 + riskFreeRate) ** (1 / frequency) - 1, periods: frequency };
    const select = (names: string[]) => ({
      names,
      returns: names.map((n) => aligned.returns[aligned.names.indexOf(n)]),
    });
    const styleNames = aligned.names.filter((n) => !n.startsWith('pc'));
    const pcaNames = aligned.names.filter((n) => n.startsWith('pc'));
    const styleModel = factorExposure(portfolioReturns.slice(firstShared), select(styleNames), excess);
    const statisticalModel = factorExposure(portfolioReturns.slice(firstShared), select(pcaNames), excess);
    const withoutRegression = ({ regression: _regression, ...rest }: typeof styleModel) => rest;
    const exposureFile = path.join(modelsDir, `factor_exposure_${name}.json`);
    const exposureHeadline = {
      alphaAnnualized: styleModel.alpha.annualized,
      marketBeta: styleModel.betas.find((b) => b.name === 'market')?.beta ?? null,
      rSquared: styleModel.rSquared,
    };
    writeJsonArtifact({
      ...common,
      file: exposureFile,
      kind: QUANT_KINDS.factorExposure,
      params: { profile: name, factors: params.factors, conventions: params.conventions },
      content: {
        profile: name,
        period: [sharedDates[0], sharedDates[sharedDates.length - 1]],
        styleModel: withoutRegression(styleModel),
        statisticalModel: { ...withoutRegression(statisticalModel), explainedVarianceRatio: factors.pca ? Array.from(factors.pca.explainedVarianceRatio) : null },
      },
      metrics: exposureHeadline,
    });
    summary.push({ kind: QUANT_KINDS.factorExposure, path: relative(exposureFile), headline: exposureHeadline });
  }

  // Risk: VaR per asset and per profile portfolio, VaR backtests, market risk anomalies.
  const riskSettings = { levels: params.risk.levels, seed: params.seed, monteCarloSimulations: params.risk.monteCarloSimulations, backtestWindow: params.risk.backtestWindow };
  const portfolioVaR = Object.fromEntries(
    profiles.map((p) => {
      const weights = panel.assets.map((asset) => p.weights[asset]);
      return [
        p.name,
        params.risk.levels.map((level) => ({
          level,
          historical: portfolioHistoricalVaR(weights, returns.returns, { level }),
          parametric: portfolioParametricVaR(weights, returns.returns, { level }),
        })),
      ];
    }),
  );
  const backtests = varBacktests(
    Object.fromEntries([
      ...profiles.map((p) => [p.name, p.backtest.walkForward.portfolioReturns] as const),
      ['equal_weight', profiles[0].backtest.walkForward.benchmarkReturns] as const,
    ]),
    riskSettings,
  );
  const anomalies = detectRiskAnomalies(
    returns,
    { shortWindow: params.riskAnomaly.shortWindow, longWindow: params.riskAnomaly.longWindow, frequency },
    { ...params.riskAnomaly.forest, seed: params.seed },
  );
  const riskDir = path.join(modelsDir, `risk_anomaly_${params.universe.name}`);
  const riskHeadline = {
    flaggedDays: anomalies.flagged.length,
    mostAnomalousDay: anomalies.flagged[0]?.date ?? null,
    varBacktestsRejected: backtests.filter((b) => b.verdict !== 'accept').length,
    varBacktests: backtests.length,
  };
  writeArtifact({
    ...common,
    dir: riskDir,
    kind: QUANT_KINDS.riskAnomaly,
    params: { universe: params.universe, risk: params.risk, riskAnomaly: params.riskAnomaly, conventions: params.conventions },
    files: {
      'var_assets.json': json({ levels: params.risk.levels, horizon: 1, lossSign: 'positive = loss', assets: assetVaR(returns, riskSettings) }),
      'var_portfolios.json': json({ note: 'final weights of each profile applied to the whole history', portfolios: portfolioVaR }),
      'var_equal_weight.json': json(varTable(profiles[0].backtest.walkForward.benchmarkReturns, riskSettings)),
      'var_backtests.json': json(backtests),
      'flagged_days.json': json({
        features: anomalies.featureNames,
        flaggedCount: anomalies.flagged.length,
        scoredDays: anomalies.dates.length,
        mostAnomalous: anomalies.flagged.slice(0, params.riskAnomaly.listTop),
        allFlaggedDates: anomalies.flagged.map((f) => f.date).sort(),
      }),
      'forest.json': json(anomalies.forest.toJSON()),
    },
    metrics: riskHeadline,
  });
  summary.push({ kind: QUANT_KINDS.riskAnomaly, path: relative(riskDir), headline: riskHeadline });
  log(`risk: ${anomalies.flagged.length} abnormal days flagged (most: ${riskHeadline.mostAnomalousDay}); ${riskHeadline.varBacktestsRejected}/${backtests.length} VaR backtests rejected`);

  // The forecasting stages (their own Nx targets, run first) write models/timeseries_<model>/:
  // list each, verified, with its headline metrics.
  for (const entry of readdirSync(modelsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('timeseries_')) continue;
    const artifact = loadArtifact(path.join(modelsDir, entry.name));
    summary.push({ kind: artifact.manifest.kind, path: relative(path.join(modelsDir, entry.name)), headline: headlineOf(artifact.manifest.metrics) });
  }

  const summaryFile = path.join(modelsDir, 'quant_training_summary.json');
  writeJsonArtifact({
    ...common,
    file: summaryFile,
    kind: QUANT_KINDS.summary,
    params,
    content: { artifacts: summary },
    metrics: { artifacts: summary.length },
  });
  log(`wrote ${summary.length} artifacts and ${relative(summaryFile)}`);
  return { profiles, summary };
}

/**
 * The scalar entries of a metrics object down to two nested levels, flattened as
 * `a.b.c` (per-series tables); deeper structures stay in the artifact's metrics.json.
 */
function headlineOf(metrics: Record<string, unknown>, prefix = '', depth = 0): Record<string, number | string | boolean | null> {
  const headline: Record<string, number | string | boolean | null> = {};
  for (const [key, value] of Object.entries(metrics)) {
    const name = `${prefix}${key}`;
    if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      headline[name] = value;
    } else if (depth < 2 && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(headline, headlineOf(value as Record<string, unknown>, `${name}.`, depth + 1));
    }
  }
  return headline;
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}
