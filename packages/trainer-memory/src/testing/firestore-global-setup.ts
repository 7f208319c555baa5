import { firestoreEmulatorEnv, startFirestoreEmulator, type FirestoreEmulator } from './firestore-emulator';

/** Shared with firestore-global-teardown.ts: jest runs both in the same parent process. */
export const EMULATOR_GLOBAL = '__tethysFirestoreEmulator';

/** jest globalSetup: one emulator for the whole firestore test run; workers inherit the env. */
export default async function globalSetup(): Promise<void> {
  const emulator = await startFirestoreEmulator();
  Object.assign(process.env, firestoreEmulatorEnv(emulator));
  (globalThis as Record<string, unknown>)[EMULATOR_GLOBAL] = emulator;
  // If jest dies before globalTeardown, still take the java process down with us.
  process.once('exit', () => emulator.killNow());
}

export function runningEmulator(): FirestoreEmulator | undefined {
  return (globalThis as Record<string, unknown>)[EMULATOR_GLOBAL] as FirestoreEmulator | undefined;
}
