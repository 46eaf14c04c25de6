module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'disclosure',
  rootDir: __dirname,
};
