module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'transactions-generator',
  rootDir: __dirname,
};
