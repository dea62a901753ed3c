#!/usr/bin/env bash
# `npm test`: typecheck, lint, builds (functions, H5, weapp + main-package size check), then every jest
# project (unit, integration on a local cloud and weapp together; e2e in Chromium on its own). Jest's summary is the last thing printed.
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
step "jest (unit, integration, weapp; TZ=UTC)"
TZ=UTC JEST_PROJECTS=unit,integration,weapp npx jest --ci "$@"
# The local clouds of the integration and e2e projects both live in jest's parent process: run
# together, the integration's races starve the browser journeys' cloud (a page waits past 15 s).
step "jest (e2e in Chromium, on its own; TZ=UTC)"
TZ=UTC JEST_PROJECTS=e2e npx jest --ci "$@"
step "jest (unit again, TZ=America/Los_Angeles)"
TZ=America/Los_Angeles JEST_PROJECTS=unit npx jest --ci "$@"
step "jest (a11y: every page, alone)"
TZ=UTC JEST_PROJECTS=a11y npx jest --ci "$@"
