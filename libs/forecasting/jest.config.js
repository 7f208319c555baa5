module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'forecasting',
  rootDir: __dirname,
};
