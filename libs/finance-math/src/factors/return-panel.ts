import { FactorModelError } from './factor-error';
import { assertFiniteSeries, assertLength } from './input-checks';

/** Asset returns on a shared calendar: `returns[a][t]` is asset `assets[a]` on `dates[t]` (the shape of @tethys/data's ReturnPanel). */
export interface AssetReturnPanel {
  dates: readonly string[];
  assets: readonly string[];
  returns: readonly Float64Array[];
}

/** Checks the panel's shape and that every return is finite, naming asset and date on failure. */
export function validateReturnPanel(panel: AssetReturnPanel): void {
  const { dates, assets, returns } = panel;
  if (assets.length !== returns.length) {
    throw new FactorModelError('LENGTH_MISMATCH', 'panel.returns', `has ${returns.length} series for ${assets.length} assets`);
  }
  returns.forEach((series, a) => {
    const parameter = `panel.returns[${a}] (${assets[a]})`;
    assertLength(series, dates.length, parameter, 'panel.dates');
    assertFiniteSeries(series, parameter, dates);
  });
}
