import type { MemoryFilters, MemoryMetadata } from './memory-record';
import { MemoryStoreError } from './memory-store-error';

/** Limits shared by the store, both persistences and firestore.rules (keep them in step). */
export const MEMORY_LIMITS = {
  maxUserIdLength: 128,
  maxMemoryIdLength: 128,
  maxTextLength: 8000,
  maxMetadataKeys: 32,
  maxMetadataKeyLength: 64,
  maxMetadataStringLength: 1024,
  maxSearchK: 1000,
} as const;

// Ids become Firestore path segments and SQL keys: a closed charset rules out `/`,
// `.`/`..` and anything needing escaping.
export const SAFE_ID = /^[A-Za-z0-9_-]+$/;
// Metadata keys become Firestore field paths (`metadata.<key>`), which must be plain identifiers.
const SAFE_METADATA_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Firestore reserves ids of the form __name__.
const RESERVED_ID = /^__.*__$/;

function validateSafeId(value: unknown, what: 'userId' | 'memory id', maxLength: number): string {
  const code = what === 'userId' ? 'INVALID_USER_ID' : 'INVALID_MEMORY_ID';
  if (typeof value !== 'string' || value.length === 0) {
    throw new MemoryStoreError(code, `${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  if (value.length > maxLength) {
    throw new MemoryStoreError(code, `${what} is ${value.length} characters; the limit is ${maxLength}`);
  }
  if (!SAFE_ID.test(value)) {
    throw new MemoryStoreError(code, `${what} ${JSON.stringify(value)} may only contain A-Z, a-z, 0-9, '_' and '-'`);
  }
  if (RESERVED_ID.test(value)) {
    throw new MemoryStoreError(code, `${what} ${JSON.stringify(value)} has the reserved form __name__`);
  }
  return value;
}

export function validateUserId(userId: unknown): string {
  return validateSafeId(userId, 'userId', MEMORY_LIMITS.maxUserIdLength);
}

export function validateMemoryId(id: unknown): string {
  return validateSafeId(id, 'memory id', MEMORY_LIMITS.maxMemoryIdLength);
}

export function validateText(text: unknown, parameter = 'text'): string {
  if (typeof text !== 'string' || text.trim().length === 0) {
    throw new MemoryStoreError('INVALID_TEXT', `${parameter} must be a non-empty string, got ${JSON.stringify(text)}`);
  }
  if (text.length > MEMORY_LIMITS.maxTextLength) {
    throw new MemoryStoreError(
      'INVALID_TEXT',
      `${parameter} is ${text.length} characters; the limit is ${MEMORY_LIMITS.maxTextLength}`,
    );
  }
  return text;
}

export function validateMetadata(metadata: unknown, parameter = 'metadata'): MemoryMetadata {
  if (metadata === undefined) return {};
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new MemoryStoreError('INVALID_METADATA', `${parameter} must be a plain object of flat values`);
  }
  const entries = Object.entries(metadata);
  if (entries.length > MEMORY_LIMITS.maxMetadataKeys) {
    throw new MemoryStoreError(
      'INVALID_METADATA',
      `${parameter} has ${entries.length} keys; the limit is ${MEMORY_LIMITS.maxMetadataKeys}`,
    );
  }
  const copy: Record<string, string | number | boolean> = {};
  for (const [key, value] of entries) {
    if (key.length > MEMORY_LIMITS.maxMetadataKeyLength || !SAFE_METADATA_KEY.test(key)) {
      throw new MemoryStoreError(
        'INVALID_METADATA',
        `${parameter} key ${JSON.stringify(key)} must match [A-Za-z_][A-Za-z0-9_]* and be at most ${MEMORY_LIMITS.maxMetadataKeyLength} characters`,
      );
    }
    if (typeof value === 'string') {
      if (value.length > MEMORY_LIMITS.maxMetadataStringLength) {
        throw new MemoryStoreError(
          'INVALID_METADATA',
          `${parameter}.${key} is ${value.length} characters; the limit is ${MEMORY_LIMITS.maxMetadataStringLength}`,
        );
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        throw new MemoryStoreError('INVALID_METADATA', `${parameter}.${key} must be a finite number, got ${value}`);
      }
    } else if (typeof value !== 'boolean') {
      throw new MemoryStoreError(
        'INVALID_METADATA',
        `${parameter}.${key} must be a string, number or boolean, got ${value === null ? 'null' : typeof value}`,
      );
    }
    copy[key] = value;
  }
  return Object.freeze(copy);
}

export function validateFilters(filters: unknown): MemoryFilters | undefined {
  if (filters === undefined) return undefined;
  if (filters === null || typeof filters !== 'object') {
    throw new MemoryStoreError('INVALID_ARGUMENT', 'filters must be an object');
  }
  const { metadata, createdAt } = filters as MemoryFilters;
  const checkedMetadata = validateMetadata(metadata, 'filters.metadata');
  const bound = (value: unknown, name: string): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new MemoryStoreError('INVALID_ARGUMENT', `filters.createdAt.${name} must be a finite number (epoch ms), got ${String(value)}`);
    }
    return value;
  };
  const from = bound(createdAt?.from, 'from');
  const until = bound(createdAt?.until, 'until');
  return { metadata: checkedMetadata, createdAt: { from, until } };
}

export function validateK(k: unknown): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MEMORY_LIMITS.maxSearchK) {
    throw new MemoryStoreError('INVALID_ARGUMENT', `k must be an integer in [1, ${MEMORY_LIMITS.maxSearchK}], got ${String(k)}`);
  }
  return k;
}
