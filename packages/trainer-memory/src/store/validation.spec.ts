import { MEMORY_LIMITS, validateFilters, validateK, validateMetadata, validateText, validateUserId } from './validation';

describe('validateUserId', () => {
  it.each(['alice', 'user_42', 'A-b_9', 'x'.repeat(MEMORY_LIMITS.maxUserIdLength)])('accepts %s', (id) => {
    expect(validateUserId(id)).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['a path separator', 'alice/memories'],
    ['a dot segment', '..'],
    ['a space', 'al ice'],
    ['non-ASCII', 'zoë'],
    ['the reserved __x__ form', '__name__'],
    ['too long', 'x'.repeat(MEMORY_LIMITS.maxUserIdLength + 1)],
    ['not a string', 42],
  ])('refuses %s with INVALID_USER_ID', (_label, id) => {
    expect(() => validateUserId(id)).toThrow(expect.objectContaining({ name: 'MemoryStoreError', code: 'INVALID_USER_ID' }));
  });
});

describe('validateText', () => {
  it('refuses empty, whitespace-only and over-long texts, naming the parameter', () => {
    expect(() => validateText('   ', 'items[3].text')).toThrow(/items\[3\]\.text must be a non-empty string/);
    expect(() => validateText('x'.repeat(MEMORY_LIMITS.maxTextLength + 1))).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(validateText('x'.repeat(MEMORY_LIMITS.maxTextLength))).toHaveLength(MEMORY_LIMITS.maxTextLength);
  });
});

describe('validateMetadata', () => {
  it('accepts flat string/number/boolean values and returns a frozen copy', () => {
    const input = { source: 'chat', score: 0.5, pinned: true };
    const checked = validateMetadata(input);
    expect(checked).toEqual(input);
    expect(checked).not.toBe(input);
    expect(Object.isFrozen(checked)).toBe(true);
    expect(validateMetadata(undefined)).toEqual({});
  });

  it.each([
    ['a nested object', { nested: { a: 1 } }, /metadata\.nested must be a string, number or boolean, got object/],
    ['null', { gone: null }, /got null/],
    ['an array', [1, 2], /plain object/],
    ['NaN', { x: Number.NaN }, /finite number/],
    ['a dotted key', { 'a.b': 1 }, /key "a\.b"/],
    ['a key with a slash', { 'a/b': 1 }, /key "a\/b"/],
  ])('refuses %s', (_label, metadata, message) => {
    expect(() => validateMetadata(metadata)).toThrow(message);
  });

  it('limits the number of keys', () => {
    const many = Object.fromEntries(Array.from({ length: MEMORY_LIMITS.maxMetadataKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect(() => validateMetadata(many)).toThrow(expect.objectContaining({ code: 'INVALID_METADATA' }));
  });
});

describe('validateFilters and validateK', () => {
  it('checks createdAt bounds and metadata', () => {
    expect(validateFilters({ createdAt: { from: 1 } })).toEqual({ metadata: {}, createdAt: { from: 1, until: undefined } });
    expect(() => validateFilters({ createdAt: { until: 'yesterday' } } as never)).toThrow(/filters\.createdAt\.until/);
    expect(() => validateFilters({ metadata: { a: { b: 1 } } } as never)).toThrow(/filters\.metadata\.a/);
  });

  it.each([0, -1, 1.5, MEMORY_LIMITS.maxSearchK + 1, Number.NaN])('refuses k = %s', (k) => {
    expect(() => validateK(k)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
