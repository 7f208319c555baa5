import { endianness } from 'node:os';
import { VectorIndexError } from '../shared/vector-index-error';

/** Index files are raw little-endian arrays; every supported Node platform is little-endian, and we check rather than assume. */
export function assertLittleEndian(): void {
  if (endianness() !== 'LE') {
    throw new VectorIndexError('MALFORMED_INDEX', 'platform', 'index files are little-endian; this machine is big-endian');
  }
}

export function typedBytes(array: Float32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Copies the bytes into a fresh, aligned buffer: a Buffer read from a file may
 * start at any offset of a shared pool (and Buffer#slice is a view, not a copy).
 */
export function float32FromBytes(bytes: Uint8Array, file: string): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new VectorIndexError('MALFORMED_INDEX', file, `has ${bytes.byteLength} bytes, not a whole number of float32`);
  return new Float32Array(new Uint8Array(bytes).buffer);
}

export function float64FromBytes(bytes: Uint8Array, file: string): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new VectorIndexError('MALFORMED_INDEX', file, `has ${bytes.byteLength} bytes, not a whole number of float64`);
  return new Float64Array(new Uint8Array(bytes).buffer);
}
