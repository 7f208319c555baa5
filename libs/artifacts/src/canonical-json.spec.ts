import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and ends with a newline', () => {
    const text = canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } });
    expect(text).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('gives the same bytes whatever the insertion order, sorting integer-like keys as strings', () => {
    const first = canonicalJson({ '10': 'ten', '2': 'two', b: true, a: null });
    const second = canonicalJson({ a: null, b: true, '2': 'two', '10': 'ten' });
    expect(first).toBe(second);
    expect(first.indexOf('"10"')).toBeLessThan(first.indexOf('"2"'));
  });

  it('round-trips through JSON.parse', () => {
    const value = { name: 'résumé "quoted"\n', list: [1, -0.5, 1e-12, true, false, null], nested: { empty: {}, none: [] } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('writes compact JSON with indent 0', () => {
    expect(canonicalJson({ b: [1, 2], a: {} }, 0)).toBe('{"a":{},"b":[1,2]}\n');
  });

  it('refuses NaN and Infinity, naming the key path', () => {
    expect(() => canonicalJson({ metrics: { auc: Number.NaN } })).toThrow(/\$\.metrics\.auc is NaN/);
    expect(() => canonicalJson({ a: [1, Number.POSITIVE_INFINITY] })).toThrow(/\$\.a\[1\] is Infinity/);
    expect(() => canonicalJson({ 'odd key': -Infinity })).toThrow(/\$\["odd key"\] is -Infinity/);
  });

  it('omits undefined properties but refuses undefined array items', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{\n  "a": 1\n}\n');
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\] is undefined/);
  });

  it('refuses values JSON.stringify would silently mangle', () => {
    expect(() => canonicalJson({ m: new Map([[1, 2]]) })).toThrow(/\$\.m is a Map/);
    expect(() => canonicalJson({ n: 10n })).toThrow(/\$\.n is a bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/\$\.f is a function/);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => canonicalJson(circular)).toThrow(/\$\.self is a circular reference/);
  });

  it('serialises Dates through toJSON and typed arrays as arrays; shared (non-circular) references are fine', () => {
    const shared = { x: 1 };
    expect(JSON.parse(canonicalJson({ at: new Date(0), w: new Float64Array([0.5, 2]), p: shared, q: shared }))).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      w: [0.5, 2],
      p: { x: 1 },
      q: { x: 1 },
    });
  });

  it('refuses a bad indent', () => {
    expect(() => canonicalJson({}, -1)).toThrow(RangeError);
  });
});
