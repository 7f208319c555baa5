/**
 * The fixed basis matrices of the interpretable N-BEATS blocks (Oreshkin et
 * al. 2019, section 3.3). A block's expansion coefficients theta multiply a
 * basis whose rows are functions of time, so each block can only produce
 * outputs of that shape (polynomials for trend, sinusoids for seasonality).
 * Each basis is a row-major matrix of `rows x length`.
 */
export interface BasisMatrix {
  rows: number;
  length: number;
  /** Row-major: `values[row * length + column]`. */
  values: Float32Array;
}

/** Times 0, 1/scale, ..., (length - 1)/scale: the paper's normalised grid t = i / H. */
function normalisedGrid(length: number, scale: number, offset = 0): number[] {
  return Array.from({ length }, (_, index) => (index + offset) / scale);
}

/**
 * Polynomial basis of degree `degree`: row k is t^k (k = 0..degree) over the
 * grid t = i / length, i = 0..length-1. For the forecast length = H; for the
 * backcast length = the lookback (each output is normalised over its own span).
 */
export function trendBasis(degree: number, length: number): BasisMatrix {
  const grid = normalisedGrid(length, length);
  const rows = degree + 1;
  const values = new Float32Array(rows * length);
  for (let power = 0; power < rows; power++) {
    for (let column = 0; column < length; column++) values[power * length + column] = grid[column] ** power;
  }
  return { rows, length, values };
}

/** The highest harmonic of the seasonality basis: floor(H/2 - 1), at least 0 (a constant only). */
export function maxHarmonic(horizon: number): number {
  return Math.max(0, Math.floor(horizon / 2 - 1));
}

/**
 * Fourier basis: rows cos(2 pi i t) for i = 0..K, then sin(2 pi i t) for
 * i = 1..K (sin 0 is identically zero and is left out), K = maxHarmonic(H).
 * Time is always measured in horizons (t = step / H) so backcast and forecast
 * share the same periods H / i; the backcast runs over t = -L/H .. -1/H, the
 * forecast over t = 0 .. (H-1)/H.
 */
export function seasonalityBasis(horizon: number, length: number, offset: number): BasisMatrix {
  const harmonics = maxHarmonic(horizon);
  const grid = normalisedGrid(length, horizon, offset);
  const rows = 1 + 2 * harmonics;
  const values = new Float32Array(rows * length);
  for (let harmonic = 0; harmonic <= harmonics; harmonic++) {
    for (let column = 0; column < length; column++) {
      values[harmonic * length + column] = Math.cos(2 * Math.PI * harmonic * grid[column]);
    }
  }
  for (let harmonic = 1; harmonic <= harmonics; harmonic++) {
    const row = harmonics + harmonic;
    for (let column = 0; column < length; column++) {
      values[row * length + column] = Math.sin(2 * Math.PI * harmonic * grid[column]);
    }
  }
  return { rows, length, values };
}

export function seasonalityForecastBasis(horizon: number): BasisMatrix {
  return seasonalityBasis(horizon, horizon, 0);
}

export function seasonalityBackcastBasis(horizon: number, lookback: number): BasisMatrix {
  return seasonalityBasis(horizon, lookback, -lookback);
}
