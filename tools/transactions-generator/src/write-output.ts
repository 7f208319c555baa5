import { join } from 'node:path';
import { writeFileAtomic } from '@tethys/artifacts';
import { toCsv } from './csv';
import type { GeneratedTransactions } from './generator';
import { buildGenerationSummary } from './summary';

export const CSV_FILE = 'transactions.csv';
export const SUMMARY_FILE = 'generation.json';

/**
 * Writes `transactions.csv` and `generation.json` into `outDir`. Each file is
 * written atomically (temp file + rename), so a failed run never leaves a
 * half-written file under the final name; `outDir` is created when missing.
 */
export function writeGeneratedTransactions(
  result: GeneratedTransactions,
  outDir: string,
): { csvPath: string; summaryPath: string } {
  const csv = toCsv(result.rows);
  const summary = `${JSON.stringify(buildGenerationSummary(result, csv), null, 2)}\n`;
  const csvPath = join(outDir, CSV_FILE);
  const summaryPath = join(outDir, SUMMARY_FILE);
  writeFileAtomic(csvPath, csv);
  writeFileAtomic(summaryPath, summary);
  return { csvPath, summaryPath };
}
