module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'psychometrics',
  rootDir: __dirname,
};
