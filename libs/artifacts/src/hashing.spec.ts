import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256, sha256File } from './hashing';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256('abc'));
  });

  it('hashes a file across chunk boundaries exactly like its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tethys-hash-'));
    try {
      const bytes = Buffer.alloc((1 << 20) * 2 + 17);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
      const file = join(dir, 'big.bin');
      writeFileSync(file, bytes);
      expect(sha256File(file)).toBe(sha256(bytes));
      writeFileSync(join(dir, 'empty'), '');
      expect(sha256File(join(dir, 'empty'))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
