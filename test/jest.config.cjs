// Black-box tests over HTTP against a real database (DATABASE_URL, or an embedded PGlite server).
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/browser/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
