module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'finance-math',
  rootDir: __dirname,
};
