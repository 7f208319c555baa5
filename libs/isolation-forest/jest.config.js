module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'isolation-forest',
  rootDir: __dirname,
};
