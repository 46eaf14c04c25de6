#!/usr/bin/env bash
# npm test: every check and test in the workspace, in the order a failure is cheapest to find.
# With DATABASE_URL the database tests create throw-away databases on that server; without it
# they start embedded PGlite servers of their own. Tests run in UTC.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NX_DAEMON=false NX_TUI=false
# Nx keeps a machine-wide cache; in CI every check runs for real.
if [ "${CI:-}" = "true" ]; then export NX_SKIP_NX_CACHE=true; fi

step() { printf '\n== %s ==\n' "$*"; }

step "format"
npx prettier --check . --log-level warn

step "typecheck and lint (module boundaries are errors)"
npx nx run-many -t typecheck lint --outputStyle=static --parallel=2

step "unit tests"
npx nx run-many -t test --exclude=e2e --outputStyle=static --parallel=1

step "build"
npm run -s build

step "api, database and start-up tests"
npx nx run e2e:test --outputStyle=static

step "browser tests (Chromium)"
npx playwright test -c test/browser/playwright.config.ts
