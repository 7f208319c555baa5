import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tethys-quant');
const PRICES = path.join(WORKSPACE_ROOT, 'data/pypfopt/stock_prices.csv');
const HRP_WEIGHTS = path.join(WORKSPACE_ROOT, 'data/pypfopt/weights_hrp.csv');

interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real `npx tethys-quant` bin, as a user runs it. */
function quant(args: string[]): CommandResult {
  const result = spawnSync(BIN, args, { cwd: WORKSPACE_ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function quantJson<T = Record<string, unknown>>(args: string[]): T {
  const result = quant([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** A failure: the exit code and exactly one line on stderr, nothing on stdout. */
function expectOneLineFailure(result: CommandResult, status: number, reason: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^tethys-quant: /);
  expect(result.stderr).toMatch(reason);
}

function expectRelClose(actual: number[], expected: number[], rel = 1e-5): void {
  const failures = expected.flatMap((value, i) => (Math.abs(actual[i] - value) <= rel * Math.abs(value) ? [] : [`[${i}] ${actual[i]} vs ${value}`]));
  expect(failures).toEqual([]);
}

const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);

interface OptimizeJson {
  objective: string;
  weights: Record<string, number>;
  rawWeights: Record<string, number>;
  performance: { expectedReturn: number; volatility: number; sharpe: number; riskFreeRate: number };
}
const triple = (r: OptimizeJson): number[] => [r.performance.expectedReturn, r.performance.volatility, r.performance.sharpe];

describe('tethys-quant optimize on PyPortfolioOpt stock_prices.csv', () => {
  // (expected return, volatility, Sharpe at rf 0.02) as PyPortfolioOpt's tests assert them for
  // mean_historical_return + sample_cov (see libs/finance-math/.../pypfopt-parity.spec.ts).
  it('max_sharpe matches PyPortfolioOpt and prints weights and performance with the rate', () => {
    const args = ['optimize', '--prices', PRICES, '--objective', 'max_sharpe', '--expected-returns', 'mean_historical', '--risk-model', 'sample_cov'];
    const json = quantJson<OptimizeJson>(args);
    expectRelClose(triple(json), [0.3047768672819914, 0.22165566922402932, 1.2847714127003216]);
    expect(json.performance.riskFreeRate).toBe(0.02);
    expect(Object.keys(json.weights)).toHaveLength(20);
    expect(sum(Object.values(json.weights))).toBeCloseTo(1, 3);
    expect(Object.values(json.weights).every((w) => w >= 0 && (w === 0 || w >= 1e-4))).toBe(true);

    const text = quant(args);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Sharpe ratio at risk-free rate 0.02');
    expect(text.stdout).toMatch(/^MA\s+0\.\d{5}$/m);
    expect(text.stdout).toMatch(/^expected return\s+0\.304777$/m);
    expect(text.stdout).toMatch(/^Sharpe ratio\s+1\.284771$/m);
  });

  it('min_volatility (the defaults) matches PyPortfolioOpt', () => {
    const json = quantJson<OptimizeJson>(['optimize', '--prices', PRICES, '--objective', 'min_volatility']);
    expectRelClose(triple(json), [0.15056821399482578, 0.15915084514118694, 0.8204054077060996]);
  });

  it('hrp matches weights_hrp.csv', () => {
    const json = quantJson<OptimizeJson>(['optimize', '--prices', PRICES, '--objective', 'hrp']);
    const expected = readFileSync(HRP_WEIGHTS, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    expect(expected).toHaveLength(20);
    for (const [asset, weight] of expected) {
      expect(Math.abs(json.rawWeights[asset] - Number(weight))).toBeLessThanOrEqual(1e-9 * Number(weight));
      expect(json.weights[asset]).toBeCloseTo(Number(weight), 5);
    }
    expect(json.performance.volatility).toBeGreaterThan(0);
  });

  it('efficient_risk hits --target and matches PyPortfolioOpt; market-neutral efficient_return takes --bounds -1,1', () => {
    const risk = quantJson<OptimizeJson>(['optimize', '--prices', PRICES, '--objective', 'efficient_risk', '--target', '0.19']);
    expectRelClose(triple(risk), [0.2552422849133517, 0.1900000002876062, 1.2381172871434818]);
    expect(Math.abs(risk.performance.volatility - 0.19)).toBeLessThan(1e-8);

    const neutral = quantJson<OptimizeJson>(
      ['optimize', '--prices', PRICES, '--objective', 'efficient_return', '--target', '0.25', '--bounds', '-1,1', '--market-neutral'],
    );
    expectRelClose(triple(neutral), [0.25, 0.1833060046337015, 1.2547324920403273]);
    expect(sum(Object.values(neutral.rawWeights))).toBeCloseTo(0, 9);
  });

  it('an infeasible efficient_risk target exits 1 with one line naming the minimum volatility', () => {
    const result = quant(['optimize', '--prices', PRICES, '--objective', 'efficient_risk', '--target', '0.1']);
    expectOneLineFailure(result, 1, /efficient_risk \(TARGET_VOLATILITY_TOO_LOW\): --target: 0\.1 is below the minimum volatility 0\.159151/);
  });

  it('bad options exit 2 with one line', () => {
    expectOneLineFailure(quant(['optimize', '--prices', PRICES, '--objective', 'max_return']), 2, /--objective must be one of min_volatility, .*hrp, got "max_return"/);
    expectOneLineFailure(quant(['optimize', '--prices', PRICES, '--objective', 'efficient_risk']), 2, /--target is required for efficient_risk/);
    expectOneLineFailure(quant(['optimize', '--prices', PRICES, '--objective', 'max_sharpe', '--target', '0.2']), 2, /--target applies only to efficient_risk/);
    expectOneLineFailure(quant(['optimize', '--prices', PRICES, '--objective', 'max_sharpe', '--risk-model', 'cov']), 2, /--risk-model must be one of/);
  });

  it('a missing prices file exits 1 naming the file', () => {
    expectOneLineFailure(quant(['optimize', '--prices', 'no/such/prices.csv', '--objective', 'hrp']), 1, /no\/such\/prices\.csv: file not found/);
  });
});

describe('tethys-quant metrics and var on small returns files', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  // A: wins 0.01, 0.02, 0.015; loss -0.005; a zero (no trade): win rate 3/4. B: 2 wins of 4 trades.
  const A = [0.01, -0.005, 0.02, 0, 0.015];
  const B = [-0.02, 0.01, 0, 0.03, -0.01];
  const DATES = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'];
  const SPY = [0.004, -0.002, 0.01, 0.003, 0.006];
  // 20 returns -0.010, -0.009, ..., 0.009: hand-computable tails.
  const LADDER = Array.from({ length: 20 }, (_, i) => (i - 10) / 1000);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tethys-quant-cli-'));
    writeFileSync(file('returns.csv'), `date,A,B\n${DATES.map((d, t) => `${d},${A[t]},${B[t]}`).join('\n')}\n`);
    // The benchmark has an extra leading date, which the join drops.
    writeFileSync(file('spy.csv'), `date,SPY\n2023-12-29,0.05\n${DATES.map((d, t) => `${d},${SPY[t]}`).join('\n')}\n`);
    writeFileSync(file('spy-gaps.csv'), `date,SPY\n${[0, 1, 4].map((t) => `${DATES[t]},${SPY[t]}`).join('\n')}\n`);
    writeFileSync(file('spy-2020.csv'), 'date,SPY\n2020-01-02,0.01\n2020-01-03,0.02\n');
    const ladderDates = Array.from({ length: 20 }, (_, i) => `2024-02-${String(i + 1).padStart(2, '0')}`);
    writeFileSync(file('ladder.csv'), `date,L,M\n${ladderDates.map((d, t) => `${d},${LADDER[t]},${LADDER[19 - t] * 2}`).join('\n')}\n`);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('metrics: a metric x column table with hand-checkable values; --json parses', () => {
    const text = quant(['metrics', '--returns', file('returns.csv')]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('5 periodic simple returns 2024-01-02 .. 2024-01-08; 252 periods a year; risk-free rate 0 (annual)');
    expect(text.stdout).toMatch(/^metric\s+A\s+B$/m);
    expect(text.stdout).toMatch(/^winRate\s+0\.7500\s+0\.5000$/m);
    expect(text.stdout).not.toMatch(/^beta/m);

    const json = quantJson<{ reports: Record<string, Record<string, number>> }>(['metrics', '--returns', file('returns.csv'), '--periods', '12']);
    expect(json.reports.A.winRate).toBe(0.75);
    expect(json.reports.B.winRate).toBe(0.5);
    expect(json.reports.A.periods).toBe(12);
    expect(json.reports.A.compoundReturn).toBeCloseTo(1.01 * 0.995 * 1.02 * 1.015 - 1, 12);
    expect(json.reports.A.maxDrawdown).toBeCloseTo(-0.005, 12);
  });

  it('metrics with a benchmark: aligned on dates, beta = cov / var', () => {
    const mean = (x: number[]) => sum(x) / x.length;
    const cov = (x: number[], y: number[]) => sum(x.map((v, i) => (v - mean(x)) * (y[i] - mean(y)))) / (x.length - 1);
    const json = quantJson<{ benchmark: string; reports: Record<string, { benchmark: { beta: number } }> }>(
      ['metrics', '--returns', file('returns.csv'), '--benchmark', file('spy.csv')],
    );
    expect(json.reports.A.benchmark.beta).toBeCloseTo(cov(A, SPY) / cov(SPY, SPY), 10);
    expect(json.reports.B.benchmark.beta).toBeCloseTo(cov(B, SPY) / cov(SPY, SPY), 10);
    const text = quant(['metrics', '--returns', file('returns.csv'), '--benchmark', file('spy.csv')]);
    expect(text.stdout).toMatch(/^beta\s+-?\d+\.\d{4}\s+-?\d+\.\d{4}$/m);
  });

  it('metrics refuses a benchmark missing dates of the returns, or with no overlap, in one line', () => {
    expectOneLineFailure(
      quant(['metrics', '--returns', file('returns.csv'), '--benchmark', file('spy-gaps.csv')]),
      1,
      /spy-gaps\.csv: 2 date\(s\) of .*returns\.csv missing from the benchmark, first 2024-01-04, 2024-01-05/,
    );
    expectOneLineFailure(quant(['metrics', '--returns', file('returns.csv'), '--benchmark', file('spy-2020.csv')]), 1, /no dates in common/);
    expectOneLineFailure(quant(['metrics', '--returns', file('returns.csv'), '--periods', '0']), 2, /--periods must be a number > 0, got "0"/);
  });

  it('var: every method, losses as positive numbers; historical and parametric by hand', () => {
    const historical = quantJson<{ columns: Record<string, { valueAtRisk: number; conditionalValueAtRisk: number }> }>(
      ['var', '--returns', file('ladder.csv'), '--level', '0.95', '--method', 'historical'],
    );
    // numpy-linear 5% quantile: -0.010 + 0.95 * 0.001; CVaR: the one value at or below it.
    expect(historical.columns.L.valueAtRisk).toBeCloseTo(0.00905, 12);
    expect(historical.columns.L.conditionalValueAtRisk).toBeCloseTo(0.01, 12);
    expect(historical.columns.M.valueAtRisk).toBeCloseTo(0.0181, 12);

    const parametric = quantJson<{ columns: Record<string, { valueAtRisk: number }> }>(['var', '--returns', file('ladder.csv'), '--method', 'parametric']);
    const mean = sum(LADDER) / 20;
    const sd = Math.sqrt(sum(LADDER.map((r) => (r - mean) ** 2)) / 19);
    expect(parametric.columns.L.valueAtRisk).toBeCloseTo(-(mean - 1.6448536269514722 * sd), 10);

    for (const method of ['cornish_fisher', 'monte_carlo']) {
      const json = quantJson<{ lossConvention: string; columns: Record<string, { valueAtRisk: number; conditionalValueAtRisk: number }> }>(
        ['var', '--returns', file('ladder.csv'), '--method', method],
      );
      expect(json.lossConvention).toMatch(/losses as positive returns/);
      for (const column of ['L', 'M']) {
        expect(json.columns[column].valueAtRisk).toBeGreaterThan(0);
        expect(json.columns[column].conditionalValueAtRisk).toBeGreaterThanOrEqual(json.columns[column].valueAtRisk);
      }
    }
    // Parametric over 2 periods: mean x 2, sd x sqrt(2).
    const text = quant(['var', '--returns', file('ladder.csv'), '--method', 'parametric', '--horizon', '2']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('at level 0.95, horizon 2 period(s)');
    expect(text.stdout).toContain('losses as positive returns');
    const twoPeriod = -(2 * mean - 1.6448536269514722 * Math.SQRT2 * sd);
    expect(text.stdout).toMatch(new RegExp(`^L\\s+${twoPeriod.toFixed(6)}\\s+\\d\\.\\d{6}$`, 'm'));
  });

  it('var monte_carlo is deterministic for a seed', () => {
    const args = ['var', '--returns', file('ladder.csv'), '--method', 'monte_carlo', '--simulations', '2000'];
    const first = quant([...args, '--seed', '7']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2000 simulations, seed 7');
    expect(quant([...args, '--seed', '7']).stdout).toBe(first.stdout);
    expect(quant([...args, '--seed', '8']).stdout).not.toBe(first.stdout);
  });

  it('var refuses a bad level, a missing method, --seed without monte_carlo and too short a history', () => {
    expectOneLineFailure(quant(['var', '--returns', file('ladder.csv'), '--level', '1.5', '--method', 'historical']), 2, /--level must be a confidence level strictly between 0 and 1/);
    expectOneLineFailure(quant(['var', '--returns', file('ladder.csv')]), 2, /--method is required \(one of historical, parametric, cornish_fisher, monte_carlo\)/);
    expectOneLineFailure(quant(['var', '--returns', file('ladder.csv'), '--method', 'historical', '--seed', '1']), 2, /--seed applies only to --method monte_carlo/);
    expectOneLineFailure(quant(['var', '--returns', file('returns.csv'), '--method', 'historical']), 1, /column "A": .*needs at least 20 observations/);
  });

  it('every command has --help', () => {
    for (const command of ['optimize', 'metrics', 'var', 'train']) {
      const result = quant([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: tethys-quant ${command} `));
    }
    expect(quant(['--help']).stdout).toMatch(/optimize .*\n\s+metrics .*\n\s+var /);
  });
});
