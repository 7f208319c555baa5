// Firestore tests: the real Cloud Firestore emulator, started once for the run by
// globalSetup and stopped (its whole process group) by globalTeardown. Run with
// --runInBand: the suites share one emulator and are I/O bound.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trainer-memory:firestore',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.firestore.spec.ts'],
  globalSetup: '<rootDir>/src/testing/firestore-global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/firestore-global-teardown.ts',
  testTimeout: 30000,
};
