import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactError, loadArtifact, loadJsonArtifact, writeArtifact } from '@tethys/artifacts';
import { loadPortfolio, loadQuantSummary, loadRiskAnomalies } from './load-artifacts';
import { quantTrainerParamsSchema, type QuantTrainerParams } from './params';
import { trainQuant, type SummaryEntry } from './train';

const DOW = path.join(__dirname, '../../../data/prices/dowjones30_daily_1990_2001.csv');

/** The first 8 Dow stocks over the first 900 days: small enough for a unit test, real all the same. */
function smallUniverse(dir: string): string {
  const lines = readFileSync(DOW, 'utf8').trimEnd().split('\n').slice(0, 901);
  const file = path.join(dir, 'prices.csv');
  writeFileSync(file, lines.map((line) => line.split(',').slice(0, 9).join(',')).join('\n') + '\n');
  return file;
}

function smallParams(): QuantTrainerParams {
  const committed = JSON.parse(readFileSync(path.join(__dirname, '../params.json'), 'utf8'));
  return quantTrainerParamsSchema.parse({
    ...committed,
    universe: { name: 'small', prices: 'prices.csv' },
    estimation: { ...committed.estimation, lookbackDays: 252 },
    profiles: {
      ...committed.profiles,
      conservative: { ...committed.profiles.conservative, weightBounds: [0, 0.3] },
      moderate: { ...committed.profiles.moderate, weightBounds: [0, 0.4] },
      aggressive: { ...committed.profiles.aggressive, weightBounds: [0, 0.6] },
    },
    backtest: { rebalanceEvery: 63, transactionCost: 0.001 },
    risk: { ...committed.risk, monteCarloSimulations: 2000, backtestWindow: 200 },
    riskAnomaly: { ...committed.riskAnomaly, forest: { nEstimators: 50, maxSamples: 'auto', contamination: 0.02 } },
  });
}

describe('trainQuant', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainer-quant-'));
  const models = path.join(dir, 'models');
  const params = smallParams();
  const sourceDateEpoch = process.env.SOURCE_DATE_EPOCH;
  let summary: SummaryEntry[];
  const snapshot = () => Object.fromEntries(readdirSync(models, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name))]));

  beforeAll(async () => {
    smallUniverse(dir);
    process.env.SOURCE_DATE_EPOCH = '1700000000'; // the temp dir is no git checkout
    // A forecasting stage's artifact, as its own Nx target leaves it before this stage runs.
    writeArtifact({
      dir: path.join(models, 'timeseries_demo'),
      kind: 'timeseries_forecaster',
      producer: { package: 'test', version: '0' },
      seed: 1,
      params: {},
      inputs: [],
      files: { 'model.json': '{}' },
      metrics: { model: 'demo', series: { airpassengers: { mase: 1.5, beatsSeasonalNaive: true, models: { demo: { mase: 1.5 } } } } },
    });
    summary = (await trainQuant(params, { root: dir })).summary;
  });
  afterAll(() => {
    if (sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = sourceDateEpoch;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every artifact the summary lists, each verifiable', () => {
    expect(summary.map((s) => s.path).sort()).toEqual([
      'models/factor_exposure_aggressive.json',
      'models/factor_exposure_conservative.json',
      'models/factor_exposure_moderate.json',
      'models/portfolio_opt_aggressive.json',
      'models/portfolio_opt_conservative.json',
      'models/portfolio_opt_moderate.json',
      'models/risk_anomaly_small',
      'models/timeseries_demo',
    ]);
    expect(summary.find((s) => s.path === 'models/timeseries_demo')).toEqual({
      kind: 'timeseries_forecaster',
      path: 'models/timeseries_demo',
      headline: { model: 'demo', 'series.airpassengers.mase': 1.5, 'series.airpassengers.beatsSeasonalNaive': true },
    });
    expect(loadQuantSummary(models).content.artifacts).toEqual(summary);
    expect(loadRiskAnomalies('small', models).allFlaggedDates.length).toBeGreaterThan(0);
    const risk = loadArtifact(path.join(models, 'risk_anomaly_small'), { kind: 'risk_anomaly' });
    expect(risk.manifest.outputs.map((o) => o.path)).toEqual([
      'flagged_days.json',
      'forest.json',
      'metrics.json',
      'var_assets.json',
      'var_backtests.json',
      'var_equal_weight.json',
      'var_portfolios.json',
    ]);
  });

  it('keeps each profile inside its bounds, fully invested, with a walk-forward backtest', () => {
    for (const [name, profile] of Object.entries(params.profiles)) {
      const { content } = loadPortfolio(name, models);
      const weights = Object.values(content.weights);
      expect(weights).toHaveLength(8);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      for (const w of weights) {
        expect(w).toBeGreaterThanOrEqual(profile.weightBounds[0] - 1e-7);
        expect(w).toBeLessThanOrEqual(profile.weightBounds[1] + 1e-7);
      }
      // 900 price rows, first rebalance at row 251, then every 63 rows.
      expect(content.backtest.rebalances).toBe(Math.ceil((900 - 1 - 251) / 63));
      expect(typeof content.backtest.portfolio.sharpe).toBe('number');
    }
  });

  it('reports factor exposures whose attribution adds up', () => {
    type Model = {
      attribution: { meanExcessReturn: number; alpha: number; factors: { contribution: number }[]; residual: number };
      betas: { name: string }[];
    };
    const { content } = loadJsonArtifact<{ styleModel: Model; statisticalModel: Model }>(
      path.join(models, 'factor_exposure_moderate.json'),
      { kind: 'factor_exposure' },
    );
    for (const model of [content.styleModel, content.statisticalModel]) {
      const a = model.attribution;
      expect(a.alpha + a.factors.reduce((s, f) => s + f.contribution, 0) + a.residual).toBeCloseTo(a.meanExcessReturn, 12);
    }
    expect(content.styleModel.betas.map((b) => b.name)).toEqual(['market', 'momentum', 'low_volatility']);
    expect(content.statisticalModel.betas.map((b) => b.name)).toEqual(['pc1', 'pc2', 'pc3']);
  });

  it('is byte-identical when rerun with the same seed', async () => {
    const before = snapshot();
    await trainQuant(params, { root: dir });
    const after = snapshot();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const file of Object.keys(before)) expect(after[file].equals(before[file])).toBe(true);
  });

  it('refuses a tampered portfolio file', () => {
    const file = path.join(models, 'portfolio_opt_moderate.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/"asOf": "(\d{4})/, (_m, year) => `"asOf": "${Number(year) - 1}`));
    expect(() => loadJsonArtifact(file)).toThrow(ArtifactError);
    writeFileSync(file, text);
  });
});
