/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

// The api serves these files on the same origin (port 3000), so every api call is a relative /api URL.
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@swhc/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
      '@swhc/disclosure': `${workspaceRoot}libs/disclosure/src/index.ts`,
      '@swhc/report-view': `${workspaceRoot}libs/report-view/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: the api reads it to announce a page's route chunks in the app page.
    manifest: true,
    rollupOptions: {
      // The app, and the poll page's early start (see src/early-poll-entry.ts).
      input: { index: `${here}index.html`, 'early-poll': `${here}src/early-poll-entry.ts` },
      output: {
        // What the poll page's early start needs, in one file: on a slow phone each file is a
        // round trip, and Chrome asks a host for at most 6 at once.
        codeSplitting: {
          groups: [
            {
              name: 'link-start',
              test: /src[\\/](api[\\/](request|panel-api|survey-api)|features[\\/]panel[\\/](early-poll|link-token))\.ts$/,
            },
          ],
        },
      },
    },
    // survey-core alone is ~1.6 MB (350 kB gzip); it is a lazily loaded chunk of its own.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    port: 4200,
    proxy: { '/api': 'http://localhost:3000' },
  },
  test: {
    root: here,
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    // The first test that renders SurveyJS pays for importing it into jsdom: seconds on two busy
    // cores, more than Vitest's default 5 s.
    testTimeout: 20_000,
  },
});
