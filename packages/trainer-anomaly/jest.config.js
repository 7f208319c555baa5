module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trainer-anomaly',
  rootDir: __dirname,
};
