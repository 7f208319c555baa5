import { optionalString, type CliIo, type CommandSpec, type OptionValues } from '@tethys/cli';
import { initTf, onTrainingEpoch, ttyProgressBar } from '@tethys/tf-runtime';
import { loadForecastParams } from '../forecasting/forecast-params';
import { TRAIN_FORECAST_MODELS, trainForecast } from '../forecasting/train-forecast';
import { choiceOption } from './option-parsing';

export const DEFAULT_FORECAST_PARAMS = 'packages/trainer-quant/forecast.params.json';

async function run(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const model = choiceOption(values, 'model', TRAIN_FORECAST_MODELS);
  const paramsFile = optionalString(values, 'params') ?? DEFAULT_FORECAST_PARAMS;
  const params = loadForecastParams(paramsFile);
  if (model !== 'baselines') await initTf();
  // A progress bar on a terminal (stderr); silent in logs and pipes.
  const stopProgress = onTrainingEpoch(ttyProgressBar());
  try {
    await trainForecast(params, model, {
      paramsFile,
      modelsDir: optionalString(values, 'models-dir'),
      log: (line) => io.stdout(`${line}\n`),
    });
  } finally {
    stopProgress();
  }
}

export const trainForecastCommand: CommandSpec = {
  name: 'train-forecast',
  summary: 'train and evaluate a forecaster on every series of the forecast params; write models/timeseries_<model>/',
  usage: `Usage: tethys-quant train-forecast --model ${TRAIN_FORECAST_MODELS.join('|')} [--params FILE] [--models-dir DIR]

Trains the model on every series in params (default ${DEFAULT_FORECAST_PARAMS}) on everything
before the held-out test windows (early stopping on the end of that training part), forecasts the
test windows without refitting, scores MAE, RMSE, sMAPE, MASE, pinball loss and 80% interval
coverage against seasonal naive, prints the table and writes DIR/timeseries_<model>/ (default DIR: models).
"baselines" fits naive, seasonal naive, drift and ETS. Neural models run on the tfjs backend chosen by
TETHYS_TF_BACKEND (default auto).`,
  options: { model: { type: 'string' }, params: { type: 'string' }, 'models-dir': { type: 'string' } },
  run,
};
