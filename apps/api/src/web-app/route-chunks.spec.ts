import { routeChunks } from './route-chunks';

/** The shape of Vite's .vite/manifest.json, cut down. */
const manifest = {
  'index.html': {
    file: 'assets/index-a1b2c3d4.js',
    isEntry: true,
    imports: ['_ui-e5f6a7b8.js'],
    css: ['assets/index-c0ffee00.css'],
  },
  '_ui-e5f6a7b8.js': { file: 'assets/ui-e5f6a7b8.js', css: ['assets/ui-0badf00d.css'] },
  '_answering-11223344.js': { file: 'assets/answering-11223344.js', imports: ['index.html'] },
  '_survey-api-55667788.js': { file: 'assets/survey-api-55667788.js' },
  'src/features/take-survey/take-survey-page.tsx': {
    file: 'assets/take-survey-page-99aabbcc.js',
    isDynamicEntry: true,
    imports: ['_ui-e5f6a7b8.js', '_survey-api-55667788.js', '_answering-11223344.js', 'index.html'],
    dynamicImports: ['src/survey/survey-form.tsx'],
    css: ['assets/take-survey-page-ddeeff00.css'],
  },
  'src/survey/survey-form.tsx': {
    file: 'assets/survey-form-12345678.js',
    isDynamicEntry: true,
    css: ['assets/survey-form-87654321.css'],
  },
};

describe('routeChunks', () => {
  it('lists the route’s chunk and what it imports, less what the page loads anyway and what it loads lazily', () => {
    expect(routeChunks(manifest, 'src/features/take-survey/take-survey-page.tsx')).toEqual({
      scripts: [
        '/assets/take-survey-page-99aabbcc.js',
        '/assets/survey-api-55667788.js',
        '/assets/answering-11223344.js',
      ],
      styles: ['/assets/take-survey-page-ddeeff00.css'],
    });
  });

  it('lists nothing for a module the build does not know', () => {
    expect(routeChunks(manifest, 'src/features/gone.tsx')).toEqual({ scripts: [], styles: [] });
  });
});
