module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'embeddings',
  rootDir: __dirname,
};
