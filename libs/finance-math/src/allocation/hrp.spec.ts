import { readFileSync } from 'node:fs';
import { AllocationError } from './allocation-error';
import { annualMeanReturns, annualSampleCovariance, dataPath, expectRelClose, performance, stockData } from './allocation-data.fixture';
import { hierarchicalRiskParity, inverseVarianceClusterVariance } from './hrp';
import { ledoitWolf } from '../portfolio/shrinkage';
import { pairwiseCovariance } from './pairwise-moments';

describe('hierarchicalRiskParity (hand cases)', () => {
  it('gives two uncorrelated assets inverse-variance weights', () => {
    const result = hierarchicalRiskParity({ assets: ['A', 'B'], covariance: [[0.04, 0], [0, 0.01]] });
    expect(result.weights[0]).toBeCloseTo(0.2, 12);
    expect(result.weights[1]).toBeCloseTo(0.8, 12);
  });

  it('splits the dendrogram order in half and weights each half by inverse cluster variance', () => {
    // A,B are highly correlated, C,D are highly correlated, the pairs are uncorrelated.
    const cov = [
      [0.04, 0.036, 0, 0],
      [0.036, 0.04, 0, 0],
      [0, 0, 0.01, 0.009],
      [0, 0, 0.009, 0.01],
    ];
    const { weights, order } = hierarchicalRiskParity({ assets: ['A', 'B', 'C', 'D'], covariance: cov });
    expect(new Set(order.slice(0, 2))).toEqual(new Set(order[0] < 2 ? [0, 1] : [2, 3]));
    // Cluster variances: AB = 0.25*(0.04+0.04+2*0.036) = 0.038, CD = 0.0095; alpha_AB = 1 - 0.038/0.0475 = 0.2.
    expect(weights[0] + weights[1]).toBeCloseTo(0.2, 12);
    expect(weights[0]).toBeCloseTo(0.1, 12);
    expect(weights[2]).toBeCloseTo(0.4, 12);
  });

  it('rejects a non-symmetric covariance and a zero variance', () => {
    expect(() => hierarchicalRiskParity({ assets: ['A', 'B'], covariance: [[1, 0.5], [0.2, 1]] })).toThrow(AllocationError);
    try {
      hierarchicalRiskParity({ assets: ['A', 'B'], covariance: [[1, 0], [0, 0]] });
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toMatchObject({ code: 'NOT_POSITIVE_DEFINITE', parameter: 'covariance' });
    }
  });

  it('rejects mismatched returns and duplicate assets', () => {
    expect(() => hierarchicalRiskParity({ assets: ['A', 'B', 'C'], returns: [[0.1, 0.2], [0.3, 0.1]] })).toThrow(/returns/);
    expect(() => hierarchicalRiskParity({ assets: ['A', 'A'], covariance: [[1, 0], [0, 1]] })).toThrow(/more than once/);
  });
});

describe('hierarchicalRiskParity (PyPortfolioOpt parity on stock_prices.csv)', () => {
  const { returns } = stockData();
  const result = hierarchicalRiskParity({ assets: returns.assets, returns: returns.returns });

  it('matches weights_hrp.csv to 1e-9 relative', () => {
    const lines = readFileSync(dataPath('weights_hrp.csv'), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(20);
    for (const line of lines) {
      const [asset, value] = line.split(',');
      expectRelClose(result.weights[result.assets.indexOf(asset)], Number(value), 1e-9);
    }
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('has the asserted quasi-diagonal order prefix', () => {
    expect(result.order.slice(0, 5)).toEqual([12, 6, 15, 14, 2]);
  });

  it('matches the asserted portfolio performance', () => {
    const perf = performance(result.weights, annualMeanReturns(returns.returns), annualSampleCovariance(returns.returns));
    expectRelClose(perf[0], 0.21353402380950973, 1e-7);
    expectRelClose(perf[1], 0.17844159743748936, 1e-7);
    expectRelClose(perf[2], 1.084579081272277, 1e-7);
  });

  it('from a Ledoit-Wolf covariance (no returns) matches the asserted volatility', () => {
    const covariance = ledoitWolf(stockData().panel).covariance.to2DArray();
    const fromCov = hierarchicalRiskParity({ assets: returns.assets, covariance });
    const vol = Math.sqrt(fromCov.weights.reduce((acc, wi, i) => acc + wi * fromCov.weights.reduce((row, wj, j) => row + covariance[i][j] * wj, 0), 0));
    expectRelClose(vol, 0.10002783894982334, 1e-7);
  });

  it('matches the asserted cluster variance', () => {
    const tickers = ['SHLD', 'AMD', 'BBY', 'RRC', 'FB', 'WMT', 'T', 'BABA', 'PFE', 'UAA'];
    const cov = pairwiseCovariance(returns.returns);
    const variance = inverseVarianceClusterVariance(cov, tickers.map((t) => returns.assets.indexOf(t)));
    expectRelClose(variance, 0.00012842967106653283, 1e-7);
  });
});
