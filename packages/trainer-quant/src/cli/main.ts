import { optionalString, runCli, type CliIo, type CliProgram, type OptionValues } from '@tethys/cli';
import { loadQuantTrainerParams } from '../params';
import { trainQuant } from '../train';
import { metricsCommand } from './metrics-command';
import { optimizeCommand } from './optimize-command';
import { varCommand } from './var-command';
import { backtestCommand } from './backtest-command';
import { forecastCommand } from './forecast-command';
import { trainForecastCommand } from './train-forecast-command';

const DEFAULT_PARAMS = 'packages/trainer-quant/params.json';

async function train(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const params = loadQuantTrainerParams(optionalString(values, 'params') ?? DEFAULT_PARAMS);
  await trainQuant(params, { log: (line) => io.stdout(`${line}\n`) });
}

export const quantCli: CliProgram = {
  name: 'tethys-quant',
  summary: 'portfolio optimisation, risk and performance analytics on price data',
  commands: [
    {
      name: 'train',
      summary: 'optimise every risk profile, backtest, assess risk; write models/',
      usage: `Usage: tethys-quant train [--params FILE]

Runs the quant stage on the universe named in params (default ${DEFAULT_PARAMS}):
portfolio_opt_<profile>.json, factor_exposure_<profile>.json, risk_anomaly_<universe>/
and quant_training_summary.json under models/.`,
      options: { params: { type: 'string' } },
      run: train,
    },
    optimizeCommand,
    metricsCommand,
    varCommand,
    trainForecastCommand,
    forecastCommand,
    backtestCommand,
  ],
};

export function main(argv: string[]): Promise<number> {
  return runCli(quantCli, argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
