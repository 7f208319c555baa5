import { MemoryStoreError } from '../memory-store-error';

/** Float32 little-endian, whatever the host's byte order, so a database file moves between machines. */
export function encodeVectorBlob(vector: Float32Array): Buffer {
  const buffer = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i += 1) buffer.writeFloatLE(vector[i], i * 4);
  return buffer;
}

export function decodeVectorBlob(blob: Uint8Array, expectedDim: number, where: string): Float32Array {
  if (blob.byteLength !== expectedDim * 4) {
    throw new MemoryStoreError(
      'PERSISTENCE_FAILED',
      `${where}: vector blob has ${blob.byteLength} bytes, expected ${expectedDim * 4} (dim ${expectedDim})`,
    );
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const vector = new Float32Array(expectedDim);
  for (let i = 0; i < expectedDim; i += 1) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}
