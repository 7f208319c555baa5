module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trainer-quant',
  rootDir: __dirname,
};
