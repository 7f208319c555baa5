import { ForecastError } from '../errors/forecast-error';
import type { Covariates } from './forecaster';

/** Univariate models refuse covariates: ignoring them silently would misreport what was evaluated. */
export function refuseCovariates(covariates: Covariates | undefined, model: string): void {
  if (covariates === undefined) return;
  const given = Object.entries(covariates).filter(
    ([, group]) => group !== undefined && Object.keys(group as object).length > 0,
  );
  if (given.length > 0) {
    throw new ForecastError(
      'UNSUPPORTED_COVARIATES',
      'covariates',
      `${model} is univariate and takes no covariates (got ${given.map(([kind]) => kind).join(', ')})`,
    );
  }
}
