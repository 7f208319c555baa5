/**
 * Deterministic JSON: object keys sorted by code unit (not locale) at every
 * depth, fixed indentation, a trailing newline. Two equal values always give
 * the same bytes, which is what makes artifacts byte-identical across runs.
 *
 * Refused, with the key path in the message: NaN and ±Infinity (JSON has no
 * spelling for them and JSON.stringify would silently write `null`), bigint,
 * functions, symbols, undefined array items, circular references, and
 * non-plain objects such as Map or Set (JSON.stringify would write `{}` and
 * lose the data). Object properties whose value is undefined are omitted, as
 * JSON.stringify does; objects with `toJSON` (Date) are serialised through it;
 * typed arrays become plain number arrays.
 */
export function canonicalJson(value: unknown, indent = 2): string {
  return serializeCanonical(value, indent, '$');
}

/** The same, with the root of key paths in messages named `rootLabel` (for example `metrics`). */
export function serializeCanonical(value: unknown, indent: number, rootLabel: string): string {
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new RangeError(`canonicalJson: indent must be an integer in [0, 10], got ${indent}`);
  }
  return `${new CanonicalWriter(indent).write(value, rootLabel, 0)}\n`;
}

class CanonicalWriter {
  private readonly ancestors = new Set<object>();

  constructor(private readonly indent: number) {}

  write(value: unknown, path: string, depth: number): string {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'boolean':
        return value ? 'true' : 'false';
      case 'string':
        return JSON.stringify(value);
      case 'number':
        if (!Number.isFinite(value)) {
          throw new RangeError(
            `canonicalJson: ${path} is ${value}; JSON cannot represent NaN or Infinity (store null or a string instead)`,
          );
        }
        return JSON.stringify(value);
      case 'object':
        return this.writeObject(value, path, depth);
      default:
        throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
    }
  }

  private writeObject(value: object, path: string, depth: number): string {
    if (this.ancestors.has(value)) {
      throw new TypeError(`canonicalJson: ${path} is a circular reference`);
    }
    this.ancestors.add(value);
    try {
      if (Array.isArray(value)) return this.writeArray(value, path, depth);
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        return this.writeArray(Array.from(value as unknown as ArrayLike<number | bigint>), path, depth);
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return this.write(toJSON.call(value), path, depth);
      const prototype = Object.getPrototypeOf(value);
      // A plain object's prototype is some realm's Object.prototype (whose own prototype
      // is null): objects from another vm context (jest's sandbox) are plain too.
      if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
        const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        throw new TypeError(`canonicalJson: ${path} is a ${name}; only plain objects and arrays can be written`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort(compareCodeUnits);
      const entries = keys.map(
        (key) => `${JSON.stringify(key)}:${this.indent > 0 ? ' ' : ''}${this.write(record[key], childPath(path, key), depth + 1)}`,
      );
      return this.wrap('{', entries, '}', depth);
    } finally {
      this.ancestors.delete(value);
    }
  }

  private writeArray(items: readonly unknown[], path: string, depth: number): string {
    const parts: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === undefined) {
        throw new TypeError(`canonicalJson: ${path}[${i}] is undefined, which JSON cannot represent`);
      }
      parts.push(this.write(item, `${path}[${i}]`, depth + 1));
    }
    return this.wrap('[', parts, ']', depth);
  }

  private wrap(open: string, parts: string[], close: string, depth: number): string {
    if (parts.length === 0) return `${open}${close}`;
    if (this.indent === 0) return `${open}${parts.join(',')}${close}`;
    const inner = ' '.repeat(this.indent * (depth + 1));
    const outer = ' '.repeat(this.indent * depth);
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`;
  }
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
