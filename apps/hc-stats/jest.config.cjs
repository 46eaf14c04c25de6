module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'hc-stats',
  rootDir: __dirname,
};
