#!/usr/bin/env bash
# npm test: every check and test in the workspace. Tests run in UTC.
# Without DATABASE_URL the database tests start an embedded PGlite server of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NX_DAEMON=false
npx prettier --check . --log-level warn
npx nx run-many -t typecheck lint --outputStyle=static --parallel=2
npx nx run-many -t test --outputStyle=static --parallel=1
