/**
 * Efficient-frontier benchmark: minVolatility and maxSharpe (long-only,
 * default bounds, rf 0.02) on HiGHS for 20, 100 and 500 assets. Inputs are a
 * seeded 5-factor model: Sigma = B F B' + D with loadings B ~ N(0.8, 0.4) on the
 * market factor and N(0, 0.3) on four style factors, factor vols 16% / 6%,
 * idiosyncratic vols U(15%, 45%); mu = 0.02 + 0.5 * beta * 0.06 + N(0, 0.03).
 * Reports the median of RUNS timed solves after one warm-up (construction and
 * its covariance checks excluded, reported separately), and each time's ratio
 * to the 20-asset time.
 *
 * Run: tsx libs/finance-math/bench/efficient-frontier.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '@tethys/data';
import { Matrix } from 'ml-matrix';
import { median } from '../src/statistics/robust';
import { EfficientFrontier, loadQpSolver, portfolioPerformance } from '../src/portfolio/efficient-frontier';

const SIZES = [20, 100, 500];
const RUNS = 7;
const FACTORS = 5;
const FACTOR_VOLS = [0.16, 0.06, 0.06, 0.06, 0.06];

function factorModel(n: number, seed: number): { assets: string[]; mu: Float64Array; covariance: Matrix } {
  const rng = createRng(seed);
  const loadings = Array.from({ length: n }, () => Array.from({ length: FACTORS }, (_, f) => (f === 0 ? rng.normal(0.8, 0.4) : rng.normal(0, 0.3))));
  const idiosyncratic = Array.from({ length: n }, () => rng.uniform(0.15, 0.45));
  const covariance = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let value = 0;
      for (let f = 0; f < FACTORS; f++) value += loadings[i][f] * loadings[j][f] * FACTOR_VOLS[f] ** 2;
      if (i === j) value += idiosyncratic[i] ** 2;
      covariance.set(i, j, value);
      covariance.set(j, i, value);
    }
  }
  const mu = Float64Array.from(loadings, (beta) => 0.02 + 0.5 * beta[0] * 0.06 + rng.normal(0, 0.03));
  return { assets: Array.from({ length: n }, (_, i) => `A${i}`), mu, covariance };
}

function timeMedian(action: () => void): number {
  action(); // warm-up
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const solver = await loadQpSolver();
  const rows: { n: number; buildMs: number; minVolMs: number; maxSharpeMs: number; minVol: number; sharpe: number; held: number }[] = [];
  for (const n of SIZES) {
    const { assets, mu, covariance } = factorModel(n, 42 + n);
    const buildMs = timeMedian(() => void new EfficientFrontier(solver, { assets, expectedReturns: mu, covariance }));
    const ef = new EfficientFrontier(solver, { assets, expectedReturns: mu, covariance });
    const minVolMs = timeMedian(() => void ef.minVolatility());
    const maxSharpeMs = timeMedian(() => void ef.maxSharpe());
    const minVol = portfolioPerformance(ef.minVolatility().weights, mu, covariance).volatility;
    const tangency = ef.maxSharpe().weights;
    const sharpe = portfolioPerformance(tangency, mu, covariance).sharpe;
    rows.push({ n, buildMs, minVolMs, maxSharpeMs, minVol, sharpe, held: tangency.filter((w) => w > 1e-4).length });
  }
  const base = rows[0];
  console.log(`efficient frontier (HiGHS WASM, Node ${process.version}), median of ${RUNS} runs after a warm-up, milliseconds`);
  console.log('assets | build+checks | minVolatility (x20) | maxSharpe (x20) | min vol | max Sharpe | names held');
  for (const r of rows) {
    console.log(
      [
        String(r.n).padStart(6),
        r.buildMs.toFixed(2).padStart(12),
        `${r.minVolMs.toFixed(2)} (${(r.minVolMs / base.minVolMs).toFixed(1)}x)`.padStart(19),
        `${r.maxSharpeMs.toFixed(2)} (${(r.maxSharpeMs / base.maxSharpeMs).toFixed(1)}x)`.padStart(15),
        r.minVol.toFixed(4).padStart(7),
        r.sharpe.toFixed(4).padStart(10),
        String(r.held).padStart(10),
      ].join(' | '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
