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
# Each local cloud lives in its jest run's parent process: the integration races and the browser
# journeys each get one of their own (together, a 500-way sign-up hit the 20 s function limit and a
# journey's page waited past 15 s).
# The 500-way sign-up race gets a fresh cloud of its own: after the rest of the suite's data the
# local cloud (one process, every function in it) took 20.7 s for it in a fresh-clone run, at the
# 20 s function limit; on a fresh cloud it takes about 6 s.
step "jest (integration: the 500-way sign-up race, on a fresh cloud; TZ=UTC)"
TZ=UTC JEST_PROJECTS=integration npx jest --ci test/integration/events-race.test.ts "$@"
step "jest (integration, the rest; TZ=UTC)"
TZ=UTC JEST_PROJECTS=integration npx jest --ci --testPathIgnorePatterns='/test/integration/events-race\.test\.ts$' "$@"
step "jest (e2e in Chromium, on its own; TZ=UTC)"
TZ=UTC JEST_PROJECTS=e2e npx jest --ci "$@"
step "jest (unit again, TZ=America/Los_Angeles)"
TZ=America/Los_Angeles JEST_PROJECTS=unit npx jest --ci "$@"
# the two text sizes' walks (a file each) side by side, one browser each
step "jest (a11y: every page, alone)"
TZ=UTC JEST_PROJECTS=a11y npx jest --ci --maxWorkers=2 "$@"
