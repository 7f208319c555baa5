// Slow end-to-end runs (the real CLI on the trained models): `nx run trainer-memory:e2e` (after train).
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'trainer-memory-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testTimeout: 120000,
};
