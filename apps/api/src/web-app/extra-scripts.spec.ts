import { extraScripts } from './extra-scripts';

/** The shape of Vite's .vite/manifest.json, cut down. */
const manifest = {
  'index.html': {
    file: 'assets/index-a1b2c3d4.js',
    imports: ['_ui-e5f6a7b8.js', '_early-poll-11223344.js'],
  },
  '_ui-e5f6a7b8.js': { file: 'assets/ui-e5f6a7b8.js' },
  '_early-poll-11223344.js': {
    file: 'assets/early-poll-11223344.js',
    imports: ['_request-5566.js'],
  },
  '_request-5566.js': { file: 'assets/request-5566.js' },
  '_tokens-778899aa.js': { file: 'assets/tokens-778899aa.js', imports: ['_ui-e5f6a7b8.js'] },
  'src/early-poll-entry.ts': {
    file: 'assets/early-poll-99aabbcc.js',
    imports: ['_early-poll-11223344.js', '_tokens-778899aa.js'],
  },
};

describe('extraScripts', () => {
  it('runs the entry and announces what it imports, less what the app page loads anyway', () => {
    expect(extraScripts(manifest, ['src/early-poll-entry.ts'])).toEqual({
      run: ['/assets/early-poll-99aabbcc.js'],
      preload: ['/assets/tokens-778899aa.js'],
    });
  });

  it('leaves out an entry the build does not know', () => {
    expect(extraScripts(manifest, ['src/gone.ts'])).toEqual({ run: [], preload: [] });
  });
});
