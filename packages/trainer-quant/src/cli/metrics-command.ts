import { formatTable, optionalNumber, optionalString, requiredString, type CliIo, type CommandSpec, type OptionValues } from '@tethys/cli';
import { performanceReport, type PerformanceReport } from '@tethys/finance-math';
import { positiveNumberOption } from './option-parsing';
import { benchmarkOnDates, readReturnsCsv } from './returns-csv';

const DEFAULT_PERIODS = 252;
const DEFAULT_RISK_FREE_RATE = 0;

/** Scalar metrics of the report, in table order (drawdown periods are in --json only). */
const SERIES_METRICS = [
  'compoundReturn',
  'cagr',
  'volatility',
  'sharpe',
  'sortino',
  'smartSharpe',
  'smartSortino',
  'probabilisticSharpe',
  'calmar',
  'maxDrawdown',
  'ulcerIndex',
  'omega',
  'tailRatio',
  'gainToPain',
  'kelly',
  'skew',
  'kurtosis',
  'winRate',
  'payoffRatio',
  'profitFactor',
] as const satisfies readonly (keyof PerformanceReport)[];
const BENCHMARK_METRICS = ['beta', 'alpha', 'informationRatio', 'rSquared', 'treynor'] as const;

export interface MetricsResult {
  returns: string;
  benchmark: string | null;
  dates: { first: string; last: string; count: number };
  periods: number;
  riskFreeRate: number;
  /** Column name -> performanceReport of that column (period indices count rows of the returns file). */
  reports: Record<string, PerformanceReport>;
}

export function computeMetrics(returnsFile: string, benchmarkFile: string | null, periods: number, riskFreeRate: number): MetricsResult {
  const table = readReturnsCsv(returnsFile);
  const benchmark = benchmarkFile === null ? undefined : benchmarkOnDates(readReturnsCsv(benchmarkFile), table.dates, returnsFile);
  const reports = Object.fromEntries(
    table.columns.map((column, c) => [column, performanceReport(table.returns[c], { periods, riskFreeRate, benchmark })]),
  );
  const { dates } = table;
  return {
    returns: returnsFile,
    benchmark: benchmarkFile,
    dates: { first: dates[0], last: dates[dates.length - 1], count: dates.length },
    periods,
    riskFreeRate,
    reports,
  };
}

const formatMetric = (value: number | null | undefined): string => (value === null || value === undefined ? 'n/a' : value.toFixed(4));

function printResult(result: MetricsResult, io: CliIo): void {
  const columns = Object.keys(result.reports);
  const reports = Object.values(result.reports);
  io.stdout(
    `performance of ${result.returns}: ${result.dates.count} periodic simple returns ${result.dates.first} .. ${result.dates.last}; ` +
      `${result.periods} periods a year; risk-free rate ${result.riskFreeRate} (annual)` +
      `${result.benchmark ? `; benchmark ${result.benchmark}` : ''}\n\n`,
  );
  const rows: (string | number)[][] = [['observations', ...reports.map((r) => r.observations)]];
  for (const metric of SERIES_METRICS) rows.push([metric, ...reports.map((r) => formatMetric(r[metric]))]);
  if (result.benchmark) {
    for (const metric of BENCHMARK_METRICS) rows.push([metric, ...reports.map((r) => formatMetric(r.benchmark?.[metric]))]);
  }
  io.stdout(formatTable(['metric', ...columns], rows));
  const reasons = columns.flatMap((column, c) =>
    Object.entries(reports[c].undefinedMetrics).map(([metric, why]) => {
      const reason = why.message.startsWith(`${metric}: `) ? why.message.slice(metric.length + 2) : why.message;
      return `  ${column} ${metric}: ${reason}`;
    }),
  );
  if (reasons.length > 0) io.stdout(`\nn/a = undefined for this data:\n${reasons.join('\n')}\n`);
}

function run(values: OptionValues, _positionals: string[], io: CliIo): void {
  const returnsFile = requiredString(values, 'returns');
  const benchmarkFile = optionalString(values, 'benchmark') ?? null;
  const riskFreeRate = optionalNumber(values, 'risk-free-rate', { min: -0.99, max: 1 }) ?? DEFAULT_RISK_FREE_RATE;
  const periods = positiveNumberOption(values, 'periods', DEFAULT_PERIODS);
  const result = computeMetrics(returnsFile, benchmarkFile, periods, riskFreeRate);
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printResult(result, io);
}

export const metricsCommand: CommandSpec = {
  name: 'metrics',
  summary: 'performance metrics (quantstats definitions) of return series',
  usage: `Usage: tethys-quant metrics --returns FILE.csv [--benchmark FILE.csv] [--risk-free-rate R] [--periods 252] [--json]

FILE.csv has a "date" column (ISO-8601, increasing) and one or more columns of periodic
simple returns (0.01 = +1%). Prints a metric x column table: compound return, CAGR,
volatility, Sharpe, Sortino, smart Sharpe/Sortino, probabilistic Sharpe, Calmar, max
drawdown, ulcer index, Omega, tail ratio, gain-to-pain, Kelly, skew, kurtosis, win rate,
payoff ratio, profit factor; with --benchmark also beta, alpha, information ratio, R^2
and Treynor. n/a marks a metric the data leaves undefined, with the reason below the table.

  --benchmark FILE.csv  a "date" column and one return column; every date of --returns must
                        be in it (extra benchmark dates are dropped)
  --risk-free-rate R    annual, de-annualised per period as quantstats does; default ${DEFAULT_RISK_FREE_RATE}
  --periods N           return periods per year for annualising; default ${DEFAULT_PERIODS}
  --json                the full reports (every metric, drawdown periods, reasons for n/a)`,
  options: {
    returns: { type: 'string' },
    benchmark: { type: 'string' },
    'risk-free-rate': { type: 'string' },
    periods: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
