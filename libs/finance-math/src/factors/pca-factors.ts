import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { FactorModelError } from './factor-error';

export interface PcaFactors {
  /** returns[k][t] = z_t · v_k: the projection of the standardised returns on component k (units of σ, not a tradeable return). */
  returns: Float64Array[];
  /** loadings[k][a]: eigenvector k of the correlation matrix, sign fixed so Σ_a loadings[k][a] >= 0. */
  loadings: Float64Array[];
  /** Eigenvalues of the correlation matrix, largest first, for the kept components. */
  eigenvalues: Float64Array;
  /** λ_k / Σ λ (Σ λ = number of assets for a correlation matrix). */
  explainedVarianceRatio: Float64Array;
}

/**
 * Statistical factors: the top `components` principal components of the return
 * panel over dates [start, end), each asset standardised by its own mean and
 * sample standard deviation over that range (in-sample by construction).
 */
export function pcaFactors(
  returns: readonly Float64Array[],
  assets: readonly string[],
  start: number,
  end: number,
  components: number,
): PcaFactors {
  const observations = end - start;
  const assetCount = returns.length;
  const standardised = new Matrix(observations, assetCount);
  returns.forEach((series, a) => {
    let sum = 0;
    for (let t = start; t < end; t++) sum += series[t];
    const average = sum / observations;
    let squares = 0;
    for (let t = start; t < end; t++) squares += (series[t] - average) ** 2;
    const deviation = Math.sqrt(squares / (observations - 1));
    // Rounding leaves a ~1e-19 spread on a constant series; treat a spread that small relative to the level as none.
    if (!(deviation > Math.abs(average) * 1e-12)) {
      throw new FactorModelError(
        'DEGENERATE_DATA',
        `panel.returns[${a}] (${assets[a]})`,
        'has constant returns over the PCA range, so it cannot be standardised; drop the asset',
      );
    }
    for (let t = start; t < end; t++) standardised.set(t - start, a, (series[t] - average) / deviation);
  });
  const correlation = standardised.transpose().mmul(standardised).div(observations - 1);
  const decomposition = new EigenvalueDecomposition(correlation, { assumeSymmetric: true });
  const values = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix;
  const order = Array.from(values.keys()).sort((i, j) => values[j] - values[i]);
  const total = values.reduce((sum, value) => sum + value, 0);

  const kept = order.slice(0, components);
  const loadings = kept.map((column) => {
    const vector = Float64Array.from(vectors.getColumn(column));
    // Eigenvectors are defined up to sign; a positive sum makes PC1 read as "the market", not its negative.
    const sum = vector.reduce((acc, value) => acc + value, 0);
    return sum < 0 ? vector.map((value) => -value) : vector;
  });
  const factorReturns = loadings.map((vector) => {
    const series = new Float64Array(observations);
    for (let t = 0; t < observations; t++) {
      let projection = 0;
      for (let a = 0; a < assetCount; a++) projection += standardised.get(t, a) * vector[a];
      series[t] = projection;
    }
    return series;
  });
  return {
    returns: factorReturns,
    loadings,
    eigenvalues: Float64Array.from(kept, (column) => values[column]),
    explainedVarianceRatio: Float64Array.from(kept, (column) => values[column] / total),
  };
}
