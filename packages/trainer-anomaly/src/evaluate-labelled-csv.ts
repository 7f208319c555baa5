import { performance } from 'node:perf_hooks';
import { DataError, readCsvInferred, tableToMatrix } from '@tethys/data';
import { averagePrecision, countPositives, precisionAtK, rocAuc } from '@tethys/finance-math';
import { IsolationForest, type IsolationForestParams } from '@tethys/isolation-forest';

export interface LabelledCsvEvaluation {
  file: string;
  rows: number;
  positives: number;
  features: string[];
  rocAuc: number;
  averagePrecision: number;
  precisionAtK: { k: number; precision: number };
  fitMs: number;
  scoreMs: number;
}

/**
 * Fits an Isolation Forest on the numeric columns of any labelled CSV (the
 * label column excluded; labels are used only to score the evaluation) and
 * ranks every row. Timings are wall-clock and vary from run to run.
 */
export function evaluateLabelledCsv(
  file: string,
  labelColumn: string,
  forestParams: Partial<IsolationForestParams>,
): LabelledCsvEvaluation {
  const { table, numericColumns } = readCsvInferred(file);
  if (!table.columnNames().includes(labelColumn)) {
    throw new DataError('MISSING_COLUMN', `label column "${labelColumn}" not found (columns: ${table.columnNames().join(', ')})`, {
      file,
      column: labelColumn,
    });
  }
  const rawLabels = table.array(labelColumn) as unknown[];
  const labels = new Uint8Array(rawLabels.length);
  rawLabels.forEach((value, i) => {
    const text = String(value).trim().toLowerCase();
    if (text === '1' || text === 'true') labels[i] = 1;
    else if (text !== '0' && text !== 'false') {
      throw new DataError('INVALID_VALUE', `label must be 0/1 or true/false, got "${String(value)}"`, {
        file,
        row: i + 1,
        column: labelColumn,
      });
    }
  });
  const features = numericColumns.filter((c) => c !== labelColumn);
  if (features.length === 0) throw new DataError('MISSING_COLUMN', 'no numeric feature columns besides the label', { file });
  const positives = countPositives(labels);
  if (positives === 0 || positives === labels.length) {
    throw new DataError('INVALID_VALUE', `label column "${labelColumn}" needs both classes (found ${positives} positives in ${labels.length} rows)`, {
      file,
      column: labelColumn,
    });
  }
  const matrix = tableToMatrix(table, features);

  const fitStart = performance.now();
  const forest = new IsolationForest(forestParams).fit(matrix);
  const fitMs = performance.now() - fitStart;
  const scoreStart = performance.now();
  const samples = forest.scoreSamples(matrix);
  const scoreMs = performance.now() - scoreStart;

  const anomalyScores = samples.map((s) => -s);
  return {
    file,
    rows: labels.length,
    positives,
    features,
    rocAuc: rocAuc(anomalyScores, labels),
    averagePrecision: averagePrecision(anomalyScores, labels),
    precisionAtK: { k: positives, precision: precisionAtK(anomalyScores, labels, positives) },
    fitMs,
    scoreMs,
  };
}
