import { createHash } from 'node:crypto';
import { CSV_COLUMNS } from './csv';
import type { GeneratedTransactions } from './generator';

export const GENERATOR_NAME = '@tethys/transactions-generator';
export const GENERATOR_VERSION = '0.1.0';

const DESCRIPTION =
  'Synthetic card transactions from a seeded simulation (no real labelled transaction data is reachable). ' +
  'Each user lives around one of eight real city centres and has an income factor, a Poisson daily activity rate, ' +
  'an hour-of-day mixture (day or night-shift worker), preferred merchant categories with per-category log-normal ' +
  'amounts and a few regular merchants near home, and occasional trips to other cities. Labelled anomalies are added ' +
  'on top: large_amount (8-25x the usual amount for a category the user uses), burst (4-8 online charges within ' +
  '10 minutes, card testing), odd_hour_far_from_home (02:00-05:00 local time, at least 300 km from home) and ' +
  'new_category (a category the user never uses, mostly rare ones: jewelry, gambling, crypto_exchange, wire_transfer). ' +
  'Timestamps are UTC and hours are treated as local hours. The same params produce byte-identical files.';

/** The `generation.json` record: deterministic (no run time), so it is byte-identical for the same params. */
export function buildGenerationSummary(result: GeneratedTransactions, csv: string): Record<string, unknown> {
  const anomalyRows = Object.values(result.anomalyCounts).reduce((sum, n) => sum + n, 0);
  const rowCount = result.rows.length;
  return {
    generator: GENERATOR_NAME,
    version: GENERATOR_VERSION,
    description: DESCRIPTION,
    seed: result.params.seed,
    params: result.params,
    columns: CSV_COLUMNS,
    rowCount,
    userCount: result.users.length,
    anomalyRowCount: anomalyRows,
    anomalyFraction: rowCount === 0 ? 0 : Number((anomalyRows / rowCount).toFixed(6)),
    anomalyCounts: result.anomalyCounts,
    timeZoneNote: 'timestamps are UTC; hours are treated as the users local hours',
    csvSha256: createHash('sha256').update(csv).digest('hex'),
  };
}
