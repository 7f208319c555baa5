import { ConfigError } from '@tethys/config';
import { generateTransactions } from './generator';
import { loadGeneratorParams } from './params';
import { writeGeneratedTransactions } from './write-output';

export const USAGE = `Usage: transactions-generator --params FILE --out DIR

Generates labelled synthetic card transactions (seeded, byte-for-byte reproducible).
Writes DIR/transactions.csv and DIR/generation.json.

Options:
  --params FILE  JSON params: seed, users, startDate (YYYY-MM-DD), days, anomalyRates
                 {large_amount, burst, odd_hour_far_from_home, new_category}
  --out DIR      output directory (created if missing)
  -h, --help     show this help`;

export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/** Exit codes: 0 success, 2 bad arguments or params, 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface CliArgs {
  readonly help: boolean;
  readonly params?: string;
  readonly out?: string;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const values: { params?: string; out?: string } = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--params' && flag !== '--out') throw new UsageError(`unknown argument "${arg}"`);
    const key = flag === '--params' ? 'params' : 'out';
    if (values[key] !== undefined) throw new UsageError(`${flag} given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    values[key] = value;
  }
  return { help, ...values };
}

/** The CLI without process globals, so tests can run it in-process. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`transactions-generator: ${error.message} (see --help)`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (!args.params || !args.out) {
    io.stderr(`transactions-generator: ${!args.params ? '--params' : '--out'} is required (see --help)`);
    return EXIT_USAGE;
  }
  try {
    const params = loadGeneratorParams(args.params);
    const started = performance.now();
    const result = generateTransactions(params);
    const { csvPath } = writeGeneratedTransactions(result, args.out);
    const anomalies = Object.values(result.anomalyCounts).reduce((sum, n) => sum + n, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout(`wrote ${result.rows.length} rows (${anomalies} anomalous) to ${csvPath} in ${seconds} s`);
    return EXIT_OK;
  } catch (error) {
    // Any ConfigError here comes from the params file (missing, malformed or invalid): a usage problem.
    if (error instanceof ConfigError) {
      io.stderr(`transactions-generator: ${error.message}`);
      return EXIT_USAGE;
    }
    io.stderr(`transactions-generator: ${(error as Error).message ?? String(error)}`);
    return EXIT_FAILURE;
  }
}
