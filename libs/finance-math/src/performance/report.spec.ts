import path from 'node:path';
import { priceReturns, readPricePanel } from '@tethys/data';
import { alpha, beta, informationRatio, rSquared, treynor } from './benchmark';
import { calmar, drawdownPeriods, maxDrawdown } from './drawdown';
import { kelly, omega, tailRatio } from './distribution';
import { probabilisticSharpe, sharpe, sortino } from './ratios';
import { cagr, volatility } from './returns';
import { performanceReport } from './report';
import { expectMetricError, SERIES_A } from './test-helpers.fixture';

describe('performanceReport', () => {
  it('gathers every metric with the shared options', () => {
    const options = { periods: 12, riskFreeRate: 0.03, requiredReturn: 0.01, benchmarkSharpe: 0.2, tailCutoff: 0.9 };
    const report = performanceReport(SERIES_A, options);
    expect(report.observations).toBe(5);
    expect(report.periods).toBe(12);
    expect(report.riskFreeRate).toBe(0.03);
    expect(report.sharpe).toBe(sharpe(SERIES_A, options));
    expect(report.sortino).toBe(sortino(SERIES_A, options));
    expect(report.volatility).toBe(volatility(SERIES_A, options));
    expect(report.cagr).toBe(cagr(SERIES_A, options));
    expect(report.calmar).toBe(calmar(SERIES_A, options));
    expect(report.omega).toBe(omega(SERIES_A, options));
    expect(report.probabilisticSharpe).toBe(probabilisticSharpe(SERIES_A, options));
    expect(report.tailRatio).toBe(tailRatio(SERIES_A, { cutoff: 0.9 }));
    expect(report.kelly).toBe(kelly(SERIES_A));
    expect(report.maxDrawdown).toBe(maxDrawdown(SERIES_A));
    expect(report.drawdownPeriods).toEqual(drawdownPeriods(SERIES_A));
    expect(report.benchmark).toBeUndefined();
    expect(report.undefinedMetrics).toEqual({});
  });

  it('adds the benchmark metrics when a benchmark is given', () => {
    const benchmark = [0.05, -0.02, 0.01, -0.04, 0.03];
    const report = performanceReport(SERIES_A, { benchmark, riskFreeRate: 0.02 });
    expect(report.benchmark).toEqual({
      beta: beta(SERIES_A, benchmark),
      alpha: alpha(SERIES_A, benchmark),
      informationRatio: informationRatio(SERIES_A, benchmark),
      rSquared: rSquared(SERIES_A, benchmark),
      treynor: treynor(SERIES_A, benchmark, { riskFreeRate: 0.02 }),
    });
  });

  it('reports metrics the data cannot define as null with the reason, never NaN', () => {
    const rising = [0.01, 0.02, 0.015, 0.03];
    const report = performanceReport(rising);
    expect(report.maxDrawdown).toBe(0);
    expect(report.calmar).toBeNull();
    expect(report.sortino).toBeNull();
    expect(report.profitFactor).toBeNull();
    expect(report.undefinedMetrics.calmar.code).toBe('UNDEFINED_RATIO');
    expect(report.undefinedMetrics.sortino.code).toBe('ZERO_VOLATILITY');
    expect(report.sharpe).not.toBeNull();
    for (const value of Object.values(report)) {
      if (typeof value === 'number') expect(Number.isNaN(value)).toBe(false);
    }
  });

  it('throws for bad input instead of nulling it', () => {
    expectMetricError(() => performanceReport([]), 'EMPTY_SERIES', 'returns');
    expectMetricError(() => performanceReport([0.01, NaN]), 'INVALID_VALUE', 'returns');
    expectMetricError(() => performanceReport(SERIES_A, { periods: -1 }), 'INVALID_PARAMETER', 'options.periods');
    expectMetricError(() => performanceReport(SERIES_A, { benchmark: [0.01] }), 'LENGTH_MISMATCH', 'benchmark');
    expectMetricError(
      () => performanceReport(SERIES_A, { requiredReturn: -2 }),
      'INVALID_PARAMETER',
      'options.requiredReturn',
    );
  });

  it('runs on a real decade of daily returns (KO vs GE, Dow 30) with every metric defined', () => {
    const file = path.join(__dirname, '../../../../data/prices/dowjones30_daily_1990_2001.csv');
    const panel = readPricePanel(file, { assets: ['KO', 'GE'] });
    const [ko, ge] = priceReturns(panel, { kind: 'simple', missing: 'error' }).returns;
    const report = performanceReport(ko, { benchmark: ge });
    expect(report.undefinedMetrics).toEqual({});
    expect(report.observations).toBe(ko.length);
    expect(report.maxDrawdown).toBeLessThan(0);
    expect(report.winRate).toBeGreaterThan(0.4);
    expect(report.winRate).toBeLessThan(0.6);
    expect(report.benchmark?.rSquared).toBeGreaterThan(0);
    expect(report.benchmark?.rSquared).toBeLessThan(1);
  });
});
