import { formatTable, optionalInteger, requiredString, type CliIo, type CommandSpec, type OptionValues } from '@tethys/cli';
import { RISK_METHODS, RiskMetricError, valueAtRisk, type RiskMethod, type ValueAtRiskOptions } from '@tethys/finance-math';
import { choiceOption, levelOption, refuseUnless } from './option-parsing';
import { readReturnsCsv } from './returns-csv';

const DEFAULT_LEVEL = 0.95;
const DEFAULT_SEED = 0;
const DEFAULT_SIMULATIONS = 10000;
const LOSS_CONVENTION = 'losses as positive returns: 0.02 = a 2% loss over the horizon; a negative value means even the tail is a gain';

export interface VarSettings {
  method: RiskMethod;
  level: number;
  horizon: number;
  /** Monte Carlo only; null for the other methods. */
  seed: number | null;
  simulations: number | null;
}

export interface VarResult extends VarSettings {
  returns: string;
  observations: number;
  lossConvention: string;
  /** Column name -> VaR and CVaR (expected shortfall) of that column. */
  columns: Record<string, { valueAtRisk: number; conditionalValueAtRisk: number }>;
}

function methodOptions(settings: VarSettings): ValueAtRiskOptions {
  const { method, level, horizon } = settings;
  return method === 'monte_carlo'
    ? { method, level, horizon, seed: settings.seed ?? DEFAULT_SEED, simulations: settings.simulations ?? DEFAULT_SIMULATIONS }
    : { method, level, horizon };
}

export function computeVar(returnsFile: string, settings: VarSettings): VarResult {
  const table = readReturnsCsv(returnsFile);
  const options = methodOptions(settings);
  const columns = Object.fromEntries(
    table.columns.map((column, c) => {
      try {
        // Every column is simulated from the same seed, so a column's numbers do not depend on its neighbours.
        const { valueAtRisk: v, conditionalValueAtRisk: cv } = valueAtRisk(table.returns[c], options);
        return [column, { valueAtRisk: v, conditionalValueAtRisk: cv }];
      } catch (error) {
        if (error instanceof RiskMetricError) throw new Error(`${returnsFile}: column ${JSON.stringify(column)}: ${error.message}`);
        throw error;
      }
    }),
  );
  return { returns: returnsFile, observations: table.dates.length, ...settings, lossConvention: LOSS_CONVENTION, columns };
}

function printResult(result: VarResult, io: CliIo): void {
  const mc = result.method === 'monte_carlo' ? `, ${result.simulations} simulations, seed ${result.seed}` : '';
  io.stdout(
    `${result.method} VaR and CVaR of ${result.returns} (${result.observations} returns) at level ${result.level}, ` +
      `horizon ${result.horizon} period(s)${mc}\n${LOSS_CONVENTION}\n\n`,
  );
  const rows = Object.entries(result.columns).map(([column, r]) => [column, r.valueAtRisk.toFixed(6), r.conditionalValueAtRisk.toFixed(6)]);
  io.stdout(formatTable(['column', 'VaR', 'CVaR'], rows));
}

function run(values: OptionValues, _positionals: string[], io: CliIo): void {
  const returnsFile = requiredString(values, 'returns');
  const method = choiceOption(values, 'method', RISK_METHODS);
  const monteCarlo = method === 'monte_carlo';
  refuseUnless(values, 'seed', monteCarlo, 'to --method monte_carlo');
  refuseUnless(values, 'simulations', monteCarlo, 'to --method monte_carlo');
  const settings: VarSettings = {
    method,
    level: levelOption(values, 'level', DEFAULT_LEVEL),
    horizon: optionalInteger(values, 'horizon', { min: 1 }) ?? 1,
    seed: monteCarlo ? (optionalInteger(values, 'seed', { min: 0 }) ?? DEFAULT_SEED) : null,
    simulations: monteCarlo ? (optionalInteger(values, 'simulations', { min: 1, max: 10_000_000 }) ?? DEFAULT_SIMULATIONS) : null,
  };
  const result = computeVar(returnsFile, settings);
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printResult(result, io);
}

export const varCommand: CommandSpec = {
  name: 'var',
  summary: 'value at risk and expected shortfall (CVaR) of return series',
  usage: `Usage: tethys-quant var --returns FILE.csv [--level 0.95] --method ${RISK_METHODS.join('|')}
         [--horizon H] [--seed N] [--simulations N] [--json]

FILE.csv has a "date" column and one or more columns of periodic simple returns. Prints the
VaR and CVaR (expected shortfall) of each column at the confidence level, as LOSSES EXPRESSED
AS POSITIVE RETURNS (0.02 = a 2% loss over the horizon).

  --level L        confidence level in (0, 1); default ${DEFAULT_LEVEL}
  --method         historical: empirical quantile (numpy linear) and tail mean;
                   parametric: normal fit; cornish_fisher: modified VaR/ES (skew, kurtosis);
                   monte_carlo: simulated from a normal fit
  --horizon H      periods; default 1. historical: overlapping H-period compounded returns;
                   parametric/cornish_fisher: iid moment scaling; monte_carlo: H compounded draws
  --seed N         monte_carlo only; default ${DEFAULT_SEED} (same seed, same numbers)
  --simulations N  monte_carlo only; default ${DEFAULT_SIMULATIONS}
  --json           the result as JSON`,
  options: {
    returns: { type: 'string' },
    level: { type: 'string' },
    method: { type: 'string' },
    horizon: { type: 'string' },
    seed: { type: 'string' },
    simulations: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
