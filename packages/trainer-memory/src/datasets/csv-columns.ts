import { DataError, type CsvRecords } from '@tethys/data';

/** Positions of the named columns; a missing one is a MISSING_COLUMN error naming file and column. */
export function requireColumns<Name extends string>(
  records: CsvRecords,
  names: readonly Name[],
  file: string,
): Record<Name, number> {
  const positions = {} as Record<Name, number>;
  for (const name of names) {
    const position = records.header.indexOf(name);
    if (position === -1) {
      throw new DataError('MISSING_COLUMN', `required column is missing (header: ${records.header.join(', ')})`, {
        file,
        column: name,
      });
    }
    positions[name] = position;
  }
  return positions;
}
