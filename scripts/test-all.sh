#!/usr/bin/env bash
# `npm test`: typecheck, lint, builds (functions, H5, weapp + main-package size check), then every jest
# project in turn (unit and weapp; integration on a local cloud; e2e in Chromium; unit in another time
# zone; the accessibility walk). Each run ends with jest's summary.
# Extra arguments go to jest, e.g. `npm test -- --verbose` for per-test timings.
# Time zones: cloud functions run in UTC, phones anywhere, the community in China time. Jest runs
# under TZ=UTC, then the unit project again under TZ=America/Los_Angeles (no calendar rule may read
# the process zone); the e2e browser is set to Asia/Shanghai (test/e2e/support).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
step typecheck;        npm run --silent typecheck
step lint;             npm run --silent lint
step build:functions;  npm run --silent build:functions
step build:h5;         npm run --silent build:h5
step build:weapp;      npm run --silent build:weapp
step size;             npm run --silent size -- --check
step "jest (unit, weapp; TZ=UTC)"
TZ=UTC JEST_PROJECTS=unit,weapp npx jest --ci "$@"
# Each local cloud lives in its jest run's parent process, and the test files run in a worker
# (jest.config.js): the integration races and the browser journeys each get a cloud of their own.
step "jest (integration; TZ=UTC)"
TZ=UTC JEST_PROJECTS=integration npx jest --ci "$@"
step "jest (e2e in Chromium, on its own; TZ=UTC)"
TZ=UTC JEST_PROJECTS=e2e npx jest --ci "$@"
step "jest (unit again, TZ=America/Los_Angeles)"
TZ=America/Los_Angeles JEST_PROJECTS=unit npx jest --ci "$@"
# the two text sizes' walks (a file each) side by side, one browser each
step "jest (a11y: every page, alone)"
TZ=UTC JEST_PROJECTS=a11y npx jest --ci --maxWorkers=2 "$@"
