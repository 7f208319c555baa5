import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Lower-case hex sha256 of a string (UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const CHUNK_BYTES = 1 << 20;

/**
 * Lower-case hex sha256 of a file's bytes. Reads in 1 MiB chunks so large
 * weight files are never held in memory whole.
 */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The first 8 hex digits, enough to tell two digests apart in a message. */
export function shortHash(hex: string): string {
  return `${hex.slice(0, 8)}…`;
}
