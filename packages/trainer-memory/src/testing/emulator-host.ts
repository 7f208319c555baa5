/** host and port of the emulator that jest's globalSetup started (FIRESTORE_EMULATOR_HOST). */
export function emulatorHostAndPort(): { host: string; port: number } {
  const value = process.env.FIRESTORE_EMULATOR_HOST;
  const match = value ? /^(.+):(\d+)$/.exec(value) : null;
  if (!match) {
    throw new Error('FIRESTORE_EMULATOR_HOST is not set: run these tests with packages/trainer-memory/jest.firestore.config.js');
  }
  return { host: match[1], port: Number(match[2]) };
}
