// Slow end-to-end runs (real CLI processes, real data): `nx run trainer-quant:e2e`.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'trainer-quant-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testTimeout: 120000,
};
