module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'report-view',
  rootDir: __dirname,
};
