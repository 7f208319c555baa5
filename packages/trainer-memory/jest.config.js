module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trainer-memory',
  rootDir: __dirname,
  // *.firestore.spec.ts need the Firestore emulator: jest.firestore.config.js runs them.
  testPathIgnorePatterns: ['/node_modules/', '\\.firestore\\.spec\\.ts$'],
};
