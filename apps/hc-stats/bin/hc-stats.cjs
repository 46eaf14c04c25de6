#!/usr/bin/env node
// hc-stats: `npm run -s hc-stats -- <command> [options]`, `npx hc-stats …`, or this file directly.
// Runs the bundled CLI (dist/hc-stats/hc-stats.cjs), building it first if it is missing or stale.
'use strict';
// Node ≥ 22.1 keeps the compiled bundle on disk between runs (a no-op on Node 20).
require('node:module').enableCompileCache?.();
require(require('./bundle.cjs').ensureBundle());
