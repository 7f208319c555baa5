import { ForecastError } from '@tethys/forecasting';

/** The networks forecast `trained` steps at once: a request must be a whole number of steps up to that. */
export function assertTrainedHorizon(horizon: number, trained: number, parameter: string): void {
  if (!Number.isSafeInteger(horizon) || horizon < 1) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a positive integer, got ${horizon}`);
  }
  if (horizon > trained) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `${horizon} exceeds the trained horizon ${trained}; the network forecasts at most that many steps at once`);
  }
}

/** Reads and parses the JSON state file a model's `toFiles` wrote beside model.json; bad JSON is an INVALID_JSON error naming the file. */
export function readStateFile(readFile: (relativePath: string) => Uint8Array, file: string): unknown {
  const text = Buffer.from(readFile(file)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ForecastError('INVALID_JSON', file, `is not valid JSON (${String(cause)})`);
  }
}
