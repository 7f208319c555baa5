import { z } from 'zod';
import type { KeyPath } from './key-path';

/**
 * The schema that does the structural work under wrappers such as
 * `.default()`, `.prefault()`, `.optional()`, `.nullable()` or a pipe's input.
 */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNonOptional ||
      current instanceof z.ZodReadonly ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodLazy
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** The schema one step down: an object's property, a record's value, an array's element; null when there is none. */
export function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | null {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return typeof segment === 'string' && Object.hasOwn(shape, segment) ? shape[segment] : null;
  }
  if (inner instanceof z.ZodRecord) return typeof segment === 'string' ? (inner.valueType as z.ZodType) : null;
  if (inner instanceof z.ZodArray) return typeof segment === 'number' ? (inner.element as z.ZodType) : null;
  return null;
}

/** The schema at `path`, or null when the path leaves the schema. */
export function schemaAtPath(schema: z.ZodType, path: KeyPath): z.ZodType | null {
  let current: z.ZodType | null = schema;
  for (const segment of path) {
    if (current === null) return null;
    current = childSchema(current, segment);
  }
  return current;
}

/** The property names an object schema accepts, or null when the schema is not an object. */
export function objectKeys(schema: z.ZodType): string[] | null {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : null;
}
