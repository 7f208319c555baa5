import { DataError } from '../errors/data-error';

/**
 * How a column's cells are read: `number`/`integer` become JS numbers (stored as
 * Float64Array), `string` stays as text, `boolean` accepts true/false/1/0, and
 * `date` keeps the ISO-8601 text after validating it.
 */
export type ColumnType = 'number' | 'integer' | 'string' | 'date' | 'boolean';

export interface ColumnSpec {
  type: ColumnType;
  /**
   * Default false: an empty cell is a MISSING_VALUE error. When true, an empty
   * cell becomes NaN in number and integer columns and null in the others.
   */
  nullable?: boolean;
}

export interface CsvSchema {
  /** The expected columns, in the order the loaded table will have them. */
  columns: Record<string, ColumnSpec>;
  /** Columns in the file but not in `columns`: 'error' (default) rejects them, 'ignore' drops them. */
  extraColumns?: 'error' | 'ignore';
  /** A non-nullable date column whose values must be strictly increasing. */
  orderBy?: string;
}

const COLUMN_TYPES: readonly ColumnType[] = ['number', 'integer', 'string', 'date', 'boolean'];

/** Schemas often come from JSON params, so check them at run time too. */
export function validateCsvSchema(schema: CsvSchema): void {
  const names = Object.keys(schema?.columns ?? {});
  if (names.length === 0) {
    throw new DataError('INVALID_ARGUMENT', 'schema.columns must declare at least one column', {
      parameter: 'schema.columns',
    });
  }
  for (const name of names) {
    const spec = schema.columns[name];
    if (!COLUMN_TYPES.includes(spec?.type)) {
      throw new DataError(
        'INVALID_ARGUMENT',
        `schema.columns[${JSON.stringify(name)}].type must be one of ${COLUMN_TYPES.join(', ')}, got ${JSON.stringify(spec?.type)}`,
        { parameter: `schema.columns.${name}.type`, column: name },
      );
    }
    if (spec.nullable !== undefined && typeof spec.nullable !== 'boolean') {
      throw new DataError('INVALID_ARGUMENT', `schema.columns[${JSON.stringify(name)}].nullable must be a boolean`, {
        parameter: `schema.columns.${name}.nullable`,
        column: name,
      });
    }
  }
  if (schema.extraColumns !== undefined && schema.extraColumns !== 'error' && schema.extraColumns !== 'ignore') {
    throw new DataError(
      'INVALID_ARGUMENT',
      `schema.extraColumns must be 'error' or 'ignore', got ${JSON.stringify(schema.extraColumns)}`,
      { parameter: 'schema.extraColumns' },
    );
  }
  if (schema.orderBy !== undefined) {
    const spec = Object.hasOwn(schema.columns, schema.orderBy) ? schema.columns[schema.orderBy] : undefined;
    if (spec === undefined || spec.type !== 'date' || spec.nullable === true) {
      throw new DataError(
        'INVALID_ARGUMENT',
        `schema.orderBy must name a non-nullable date column of the schema, got ${JSON.stringify(schema.orderBy)}`,
        { parameter: 'schema.orderBy' },
      );
    }
  }
}
