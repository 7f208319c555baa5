module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trainer-memory',
  rootDir: __dirname,
};
