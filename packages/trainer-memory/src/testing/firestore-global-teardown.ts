import { runningEmulator } from './firestore-global-setup';

/** jest globalTeardown: stops the emulator's whole process group. */
export default async function globalTeardown(): Promise<void> {
  await runningEmulator()?.stop();
}
