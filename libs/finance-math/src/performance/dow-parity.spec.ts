import path from 'node:path';
import { priceReturns, readPricePanel } from '@tethys/data';
import { alpha, beta, informationRatio, rSquared, treynor } from './benchmark';
import { gainToPain, kelly, omega, payoffRatio, profitFactor, tailRatio, winRate } from './distribution';
import { calmar, drawdownPeriods, maxDrawdown, ulcerIndex } from './drawdown';
import { kurtosis, skew } from './moments';
import { probabilisticSharpe, sharpe, smartSharpe, sortino } from './ratios';
import { cagr, compoundReturn, volatility } from './returns';
import { expectRelativelyClose } from './test-helpers.fixture';

/**
 * Real data: daily simple returns of Coca-Cola (KO) 1991-2001 from the Dow Jones 30 panel,
 * against the equal-weighted average of the 30 stocks. Every expected value is computed
 * here by a textbook route that differs from the implementation (prices instead of
 * compounded returns, one-pass sums, standardised moments, regression sums of squares).
 */
const FILE = path.join(__dirname, '../../../../data/prices/dowjones30_daily_1990_2001.csv');
const panel = readPricePanel(FILE);
const { returns: assetReturns, assets } = priceReturns(panel, { kind: 'simple', missing: 'error' });
const koIndex = assets.indexOf('KO');
const ko = Array.from(assetReturns[koIndex]);
const koPrices = Array.from(panel.prices[koIndex]);
const market = ko.map((_, t) => assetReturns.reduce((sum, series) => sum + series[t], 0) / assetReturns.length);
const n = ko.length;
const P = 252;

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
const avg = (xs: number[]): number => sum(xs) / xs.length;
/** One-pass textbook variance: (sum x^2 - n mean^2) / (n - 1). */
const variance = (xs: number[]): number => (sum(xs.map((x) => x * x)) - xs.length * avg(xs) ** 2) / (xs.length - 1);

describe('performance metrics on KO daily returns (Dow 30, 1991-2001)', () => {
  it('has a decade of daily data', () => {
    expect(koIndex).toBeGreaterThanOrEqual(0);
    expect(n).toBe(panel.dates.length - 1);
    expect(n).toBeGreaterThan(2500);
  });

  it('compound return and CAGR follow from the first and last price', () => {
    const growth = koPrices[koPrices.length - 1] / koPrices[0];
    expectRelativelyClose(compoundReturn(ko), growth - 1, 1e-9);
    expectRelativelyClose(cagr(ko), growth ** (P / n) - 1, 1e-9);
  });

  it('volatility, Sharpe and Sortino match the textbook formulas', () => {
    const sd = Math.sqrt(variance(ko));
    expectRelativelyClose(volatility(ko), sd * Math.sqrt(P), 1e-9);
    expectRelativelyClose(sharpe(ko), (avg(ko) / sd) * Math.sqrt(P), 1e-9);
    const rf = 0.05;
    const excess = ko.map((r) => r - ((1 + rf) ** (1 / P) - 1));
    expectRelativelyClose(sharpe(ko, { riskFreeRate: rf }), (avg(excess) / Math.sqrt(variance(excess))) * Math.sqrt(P), 1e-9);
    const downside = Math.sqrt(sum(ko.filter((r) => r < 0).map((r) => r * r)) / n);
    expectRelativelyClose(sortino(ko), (avg(ko) / downside) * Math.sqrt(P), 1e-9);
  });

  it('smart Sharpe applies the lag-1 autocorrelation penalty', () => {
    const x = ko.slice(0, -1);
    const y = ko.slice(1);
    const mx = avg(x);
    const my = avg(y);
    const rho = Math.abs(
      sum(x.map((v, i) => (v - mx) * (y[i] - my))) /
        Math.sqrt(sum(x.map((v) => (v - mx) ** 2)) * sum(y.map((v) => (v - my) ** 2))),
    );
    let weighted = 0;
    for (let k = 1; k < n; k++) weighted += ((n - k) / n) * rho ** k;
    expectRelativelyClose(smartSharpe(ko), sharpe(ko) / Math.sqrt(1 + 2 * weighted), 1e-9);
  });

  it('skew and excess kurtosis match the standardised-moment forms', () => {
    const m = avg(ko);
    const s = Math.sqrt(variance(ko));
    const z = ko.map((r) => (r - m) / s);
    const g3 = (n / ((n - 1) * (n - 2))) * sum(z.map((v) => v ** 3));
    const g4 =
      ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum(z.map((v) => v ** 4)) -
      (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
    expectRelativelyClose(skew(ko), g3, 1e-8);
    expectRelativelyClose(kurtosis(ko), g4, 1e-8);
    // PSR lies in (0, 1), above 1/2 exactly when the Sharpe ratio beats the benchmark.
    const psr = probabilisticSharpe(ko);
    expect(psr).toBeGreaterThan(0.5);
    expect(psr).toBeLessThan(1);
  });

  it('max drawdown, its spells, Calmar and the ulcer index follow from the price path', () => {
    let peak = koPrices[0];
    let worst = 0;
    let squares = 0;
    for (let t = 1; t < koPrices.length; t++) {
      peak = Math.max(peak, koPrices[t]);
      const dd = koPrices[t] / peak - 1;
      worst = Math.min(worst, dd);
      squares += dd * dd;
    }
    expectRelativelyClose(maxDrawdown(ko), worst, 1e-9);
    expectRelativelyClose(ulcerIndex(ko), Math.sqrt(squares / (n - 1)), 1e-9);
    const growth = koPrices[koPrices.length - 1] / koPrices[0];
    expectRelativelyClose(calmar(ko), (growth ** (P / n) - 1) / Math.abs(worst), 1e-9);
    const spells = drawdownPeriods(ko);
    expect(Math.min(...spells.map((spell) => spell.depth))).toBeCloseTo(worst, 12);
    for (const spell of spells) {
      // Price at `start` (index into returns; price index start + 1) is below the previous peak.
      expect(koPrices[spell.start + 1]).toBeLessThan(Math.max(...koPrices.slice(0, spell.start + 1)));
      if (spell.recovery !== null) {
        expect(koPrices[spell.recovery + 1]).toBeGreaterThanOrEqual(Math.max(...koPrices.slice(0, spell.start + 1)) * (1 - 1e-12));
      }
    }
  });

  it('win rate, payoff, profit factor, Kelly, gain-to-pain, omega and tail ratio by counting', () => {
    const wins = ko.filter((r) => r > 0);
    const losses = ko.filter((r) => r < 0);
    const p = wins.length / (wins.length + losses.length);
    const b = avg(wins) / Math.abs(avg(losses));
    expectRelativelyClose(winRate(ko), p, 1e-12);
    expectRelativelyClose(payoffRatio(ko), b, 1e-9);
    expectRelativelyClose(kelly(ko), p - (1 - p) / b, 1e-9);
    expectRelativelyClose(profitFactor(ko), sum(wins) / Math.abs(sum(losses)), 1e-9);
    expectRelativelyClose(omega(ko), sum(wins) / Math.abs(sum(losses)), 1e-9);
    expectRelativelyClose(gainToPain(ko), sum(ko) / Math.abs(sum(losses)), 1e-9);
    const sorted = [...ko].sort((a, c) => a - c);
    const linear = (q: number): number => {
      const h = (n - 1) * q;
      return sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    };
    expectRelativelyClose(tailRatio(ko), Math.abs(linear(0.95) / linear(0.05)), 1e-9);
  });

  it('beta, alpha, R^2, information ratio and Treynor match the least-squares regression on the market', () => {
    const sx = sum(market);
    const sy = sum(ko);
    const sxy = sum(market.map((x, i) => x * ko[i]));
    const sxx = sum(market.map((x) => x * x));
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const intercept = (sy - slope * sx) / n;
    const residuals = ko.map((y, i) => y - intercept - slope * market[i]);
    const totalSquares = sum(ko.map((y) => (y - sy / n) ** 2));
    expectRelativelyClose(beta(ko, market), slope, 1e-8);
    expectRelativelyClose(alpha(ko, market), intercept * P, 1e-7);
    expectRelativelyClose(rSquared(ko, market), 1 - sum(residuals.map((e) => e * e)) / totalSquares, 1e-8);
    const active = ko.map((r, i) => r - market[i]);
    expectRelativelyClose(informationRatio(ko, market), avg(active) / Math.sqrt(variance(active)), 1e-8);
    const growth = koPrices[koPrices.length - 1] / koPrices[0];
    expectRelativelyClose(treynor(ko, market), (growth - 1) / slope, 1e-8);
  });
});
