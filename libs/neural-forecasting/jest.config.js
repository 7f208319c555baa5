module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'neural-forecasting',
  rootDir: __dirname,
};
