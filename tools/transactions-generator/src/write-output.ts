import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from './csv';
import type { GeneratedTransactions } from './generator';
import { buildGenerationSummary } from './summary';

export const CSV_FILE = 'transactions.csv';
export const SUMMARY_FILE = 'generation.json';

/**
 * Writes `transactions.csv` and `generation.json` into `outDir`. Each file goes
 * to a temporary name first and is then renamed, so a failed run never leaves a
 * half-written file under the final name.
 */
export function writeGeneratedTransactions(
  result: GeneratedTransactions,
  outDir: string,
): { csvPath: string; summaryPath: string } {
  mkdirSync(outDir, { recursive: true });
  const csv = toCsv(result.rows);
  const summary = `${JSON.stringify(buildGenerationSummary(result, csv), null, 2)}\n`;
  const csvPath = join(outDir, CSV_FILE);
  const summaryPath = join(outDir, SUMMARY_FILE);
  writeAtomically(csvPath, csv);
  writeAtomically(summaryPath, summary);
  return { csvPath, summaryPath };
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
