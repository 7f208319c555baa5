import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '@tethys/data';

/**
 * The workspace root: the nearest folder at or above `start` holding nx.json.
 * Walking up (rather than a fixed `../../..`) keeps working from tests, tsx
 * scripts and the CLI alike.
 */
export function findWorkspaceRoot(start: string = __dirname): string {
  let current = start;
  for (;;) {
    if (existsSync(join(current, 'nx.json'))) return current;
    const parent = dirname(current);
    if (parent === current) {
      throw new DataError('FILE_NOT_FOUND', `no nx.json in ${start} or any folder above it`, { file: 'nx.json' });
    }
    current = parent;
  }
}

/** The real text data shipped with the workspace. */
export function defaultTextDataFile(name: 'reuters_acq_crude.csv' | 'nasdaq_listing.csv'): string {
  return join(findWorkspaceRoot(), 'data', 'text', name);
}
