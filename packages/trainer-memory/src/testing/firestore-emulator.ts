import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs the real Google Cloud Firestore emulator (Debian package
 * google-cloud-cli-firestore-emulator) for tests. Only node built-ins here:
 * jest's globalSetup loads this file outside the module mapper.
 */

/** Where the Debian package puts its launcher when `dpkg` cannot be asked. */
const KNOWN_LAUNCHER = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator';
const DEBIAN_PACKAGE = 'google-cloud-cli-firestore-emulator';

export class FirestoreEmulatorError extends Error {
  override readonly name = 'FirestoreEmulatorError';
}

export interface FirestoreEmulator {
  readonly host: string;
  readonly port: number;
  /** `host:port`, the value for FIRESTORE_EMULATOR_HOST. */
  readonly hostAndPort: string;
  /** Process-group id of the launcher and its java child. */
  readonly processGroup: number;
  readonly logFile: string;
  /** Stops the whole process group (SIGTERM, then SIGKILL) and waits until it is gone. */
  stop(): Promise<void>;
  /** Synchronous SIGKILL of the group, for process 'exit' handlers. */
  killNow(): void;
}

export interface StartFirestoreEmulatorOptions {
  readonly host?: string;
  /** Default: a free port chosen by the OS. */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
  /** Path of `cloud_firestore_emulator`; default: found through dpkg. */
  readonly launcher?: string;
}

/** The launcher path from `dpkg -L`, else the package's usual path; a clear error when neither it nor java exists. */
export function findFirestoreEmulatorLauncher(): string {
  const listed = spawnSync('dpkg', ['-L', DEBIAN_PACKAGE], { encoding: 'utf8' });
  const fromDpkg =
    listed.status === 0 ? listed.stdout.split('\n').find((line) => line.trim().endsWith('/cloud_firestore_emulator')) : undefined;
  const launcher = fromDpkg?.trim() ?? (existsSync(KNOWN_LAUNCHER) ? KNOWN_LAUNCHER : undefined);
  const javaPresent = spawnSync(process.env.JAVA ?? 'java', ['-version'], { stdio: 'ignore' }).status === 0;
  if (!launcher || !javaPresent) {
    const missing = [!launcher && `the Debian package ${DEBIAN_PACKAGE}`, !javaPresent && 'a java runtime (11+)'].filter(Boolean).join(' and ');
    throw new FirestoreEmulatorError(
      `The Firestore emulator tests need ${missing}. Install them (apt-get install ${DEBIAN_PACKAGE} default-jre-headless) ` +
        'or run only the default test target, which does not need the emulator.',
    );
  }
  return launcher;
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function groupAlive(processGroup: number): boolean {
  try {
    process.kill(-processGroup, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts the emulator detached in its own process group: the launcher is a shell
 * script whose java child would survive a kill of the script alone, so stop()
 * signals the whole group.
 */
export async function startFirestoreEmulator(options: StartFirestoreEmulatorOptions = {}): Promise<FirestoreEmulator> {
  const launcher = options.launcher ?? findFirestoreEmulatorLauncher();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const logDir = mkdtempSync(path.join(tmpdir(), 'firestore-emulator-'));
  const logFile = path.join(logDir, 'emulator.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(launcher, ['start', `--host=${host}`, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env },
  });
  closeSync(logFd);
  child.unref();
  const processGroup = child.pid;
  if (processGroup === undefined) throw new FirestoreEmulatorError(`could not spawn ${launcher}`);

  let exited: string | undefined;
  // After stop() the group id may be reused by an unrelated process: never signal it again.
  let stopped = false;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });

  const emulator: FirestoreEmulator = {
    host,
    port,
    hostAndPort: `${host}:${port}`,
    processGroup,
    logFile,
    killNow() {
      if (!stopped && groupAlive(processGroup)) process.kill(-processGroup, 'SIGKILL');
    },
    async stop() {
      if (stopped) return;
      if (groupAlive(processGroup)) process.kill(-processGroup, 'SIGTERM');
      for (let waited = 0; groupAlive(processGroup) && waited < 5000; waited += 50) await sleep(50);
      if (groupAlive(processGroup)) {
        process.kill(-processGroup, 'SIGKILL');
        for (let waited = 0; groupAlive(processGroup) && waited < 5000; waited += 50) await sleep(50);
      }
      stopped = true;
      rmSync(logDir, { recursive: true, force: true });
    },
  };

  const started = Date.now();
  while (!(await answers(`http://${host}:${port}/`))) {
    if (exited !== undefined || Date.now() - started > readyTimeoutMs) {
      const why = exited ?? `not ready after ${readyTimeoutMs} ms`;
      const log = tail(logFile);
      await emulator.stop();
      throw new FirestoreEmulatorError(`Firestore emulator on ${host}:${port} ${why}. Log tail:\n${log}`);
    }
    await sleep(100);
  }
  return emulator;
}

/** Settings firebase-admin needs to talk to the emulator without looking for cloud credentials. */
export function firestoreEmulatorEnv(emulator: Pick<FirestoreEmulator, 'hostAndPort'>): Record<string, string> {
  return { FIRESTORE_EMULATOR_HOST: emulator.hostAndPort, METADATA_SERVER_DETECTION: 'none' };
}
