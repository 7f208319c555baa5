import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firestoreEmulatorEnv, startFirestoreEmulator } from './firestore-emulator';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stand-in launchers with the real one's shape: a shell script that leaves a
 * long-lived child behind (like java) and serves HTTP on --port.
 */
describe('startFirestoreEmulator (with stand-in launchers)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fake-emulator-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function launcher(body: string): string {
    const file = path.join(dir, 'cloud_firestore_emulator');
    writeFileSync(
      file,
      `#!/bin/bash
for arg in "$@"; do case "$arg" in --port=*) PORT="\${arg#--port=}";; --host=*) HOST="\${arg#--host=}";; esac; done
export PORT HOST
${body}
`,
    );
    chmodSync(file, 0o755);
    return file;
  }

  it('waits until the port answers, then stop() kills the whole process group, grandchild included', async () => {
    const childPidFile = path.join(dir, 'child.pid');
    const file = launcher(`sleep 600 &
echo $! > ${childPidFile}
exec "${process.execPath}" -e "require('http').createServer((q, s) => s.end('Ok')).listen(Number(process.env.PORT), process.env.HOST)"`);
    const emulator = await startFirestoreEmulator({ launcher: file, readyTimeoutMs: 20_000 });
    const response = await fetch(`http://${emulator.hostAndPort}/`);
    expect(await response.text()).toBe('Ok');
    expect(firestoreEmulatorEnv(emulator)).toEqual({ FIRESTORE_EMULATOR_HOST: emulator.hostAndPort, METADATA_SERVER_DETECTION: 'none' });
    const grandchild = Number(readFileSync(childPidFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);
    await emulator.stop();
    expect(alive(grandchild)).toBe(false);
    expect(alive(emulator.processGroup)).toBe(false);
  });

  it('fails with the log tail when the launcher exits before it is ready', async () => {
    const file = launcher('echo "Error: java not found on PATH" >&2; exit 3');
    await expect(startFirestoreEmulator({ launcher: file, readyTimeoutMs: 20_000 })).rejects.toThrow(
      expect.objectContaining({ name: 'FirestoreEmulatorError', message: expect.stringMatching(/exited with 3[\s\S]*java not found/) }),
    );
  });
});
