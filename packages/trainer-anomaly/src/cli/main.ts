import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatTable,
  optionalInteger,
  optionalString,
  requiredString,
  runCli,
  type CliIo,
  type CliProgram,
  type OptionValues,
} from '@tethys/cli';
import { formatCsv, readCsvRecords } from '@tethys/data';
import { loadAnomalyDetector } from '../detector';
import { evaluateLabelledCsv } from '../evaluate-labelled-csv';
import { loadAnomalyTrainerParams } from '../params';
import { trainAnomalyDetector } from '../train';
import { readTransactionsCsv } from '../transactions-csv';

const DEFAULT_PARAMS = 'packages/trainer-anomaly/params.json';

function train(values: OptionValues, _positionals: string[], io: CliIo): void {
  const paramsFile = optionalString(values, 'params') ?? DEFAULT_PARAMS;
  const params = loadAnomalyTrainerParams(paramsFile);
  const result = trainAnomalyDetector(params, { log: (line) => io.stdout(`${line}\n`) });
  const t = result.metrics.test;
  const rows = Object.entries(t.detectionRateByType).map(([type, d]) => [type, d.count, d.detected, d.detectionRate.toFixed(3)]);
  io.stdout(`\ndetection rate per anomaly type (test period, threshold from contamination ${params.forest.contamination}):\n`);
  io.stdout(formatTable(['type', 'count', 'detected', 'rate'], rows));
  io.stdout(`timings (ms): ${JSON.stringify(result.timingsMs)}\n`);
}

function score(values: OptionValues, _positionals: string[], io: CliIo): void {
  const modelDir = requiredString(values, 'model');
  const input = requiredString(values, 'input');
  const output = optionalString(values, 'output');
  const { detector } = loadAnomalyDetector(modelDir);
  const transactions = readTransactionsCsv(input);
  const explained = detector.explain(transactions);
  // Keep every input column as written; append the detector's columns.
  const { header, rows: records } = readCsvRecords(input);
  const outHeader = [...header, 'anomaly_score', 'is_flagged', 'top_reasons'];
  const outRecords = records.map((record, i) => [
    ...record,
    explained[i].anomalyScore.toFixed(6),
    explained[i].isFlagged ? '1' : '0',
    explained[i].contributions
      .slice(0, 3)
      .map((c) => `${c.feature}=${c.contribution.toFixed(3)}`)
      .join(';'),
  ]);
  const csv = formatCsv(outHeader, outRecords);
  if (output) {
    writeFileSync(path.resolve(output), csv);
    const flagged = explained.filter((e) => e.isFlagged).length;
    io.stdout(`scored ${explained.length} transactions, flagged ${flagged}; wrote ${output}\n`);
  } else {
    io.stdout(csv);
  }
}

function evaluate(values: OptionValues, _positionals: string[], io: CliIo): void {
  const input = requiredString(values, 'input');
  const labelColumn = requiredString(values, 'label-column');
  const seed = optionalInteger(values, 'seed', { min: 0 }) ?? 0;
  const nEstimators = optionalInteger(values, 'trees', { min: 1, max: 100000 }) ?? 100;
  const maxSamples = optionalInteger(values, 'max-samples', { min: 2 }) ?? 'auto';
  const result = evaluateLabelledCsv(input, labelColumn, { seed, nEstimators, maxSamples });
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  io.stdout(
    formatTable(
      ['metric', 'value'],
      [
        ['rows', result.rows],
        ['positives', result.positives],
        ['features', result.features.join(',')],
        ['ROC-AUC', result.rocAuc.toFixed(4)],
        ['average precision', result.averagePrecision.toFixed(4)],
        [`precision@${result.precisionAtK.k}`, result.precisionAtK.precision.toFixed(4)],
        ['fit ms', result.fitMs.toFixed(1)],
        ['score ms', result.scoreMs.toFixed(1)],
      ],
    ),
  );
}

export const anomalyCli: CliProgram = {
  name: 'tethys-anomaly',
  summary: 'train, evaluate and apply the transaction anomaly detector (Isolation Forest)',
  commands: [
    {
      name: 'train',
      summary: 'train and evaluate the detector, write models/anomaly_detector/',
      usage: `Usage: tethys-anomaly train [--params FILE]

Trains the transaction feature pipeline and Isolation Forest on the earlier part of the
labelled transactions, evaluates on the later part, and writes the artifact directory
named in params (default ${DEFAULT_PARAMS}). Paths in params are relative to the
current directory (the workspace root).`,
      options: { params: { type: 'string' } },
      run: train,
    },
    {
      name: 'score',
      summary: 'score a transactions CSV with a trained detector',
      usage: `Usage: tethys-anomaly score --model DIR --input FILE.csv [--output FILE.csv]

Verifies and loads the detector in DIR, scores every transaction in FILE.csv (columns
transaction_id,user_id,timestamp,amount,merchant,merchant_category,latitude,longitude;
other columns are kept) and appends anomaly_score, is_flagged and top_reasons (the three
features that drove the isolation, with their shares). Writes to --output or stdout.
Velocity features count each user's transactions within the file.`,
      options: { model: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' } },
      run: score,
    },
    {
      name: 'evaluate',
      summary: 'fit an Isolation Forest on any labelled CSV and report ranking quality',
      usage: `Usage: tethys-anomaly evaluate --input FILE.csv --label-column NAME [--seed N] [--trees N] [--max-samples N] [--json]

Fits an Isolation Forest (unsupervised) on the numeric columns of FILE.csv except the
label column, scores every row, and prints ROC-AUC, average precision, precision@k
(k = number of positives) and the fit and score times. Labels: 0/1 or true/false.
Defaults: --seed 0, --trees 100, --max-samples auto (min(256, rows)).`,
      options: {
        input: { type: 'string' },
        'label-column': { type: 'string' },
        seed: { type: 'string' },
        trees: { type: 'string' },
        'max-samples': { type: 'string' },
        json: { type: 'boolean' },
      },
      run: evaluate,
    },
  ],
};

export function main(argv: string[]): Promise<number> {
  return runCli(anomalyCli, argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
