module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'vector-index',
  rootDir: __dirname,
};
