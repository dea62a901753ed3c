#!/usr/bin/env bash
# `npm test`: typecheck, lint, builds (functions, H5, weapp + main-package size check), then every jest
# project (unit, integration on a local cloud, e2e in Chromium). Jest's summary is the last thing printed.
# Extra arguments go to jest, e.g. `npm test -- --verbose` for per-test timings.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
step typecheck;        npm run --silent typecheck
step lint;             npm run --silent lint
step build:functions;  npm run --silent build:functions
step build:h5;         npm run --silent build:h5
step build:weapp;      npm run --silent build:weapp
step size;             npm run --silent size -- --check
step "jest (unit, integration, weapp, e2e)"
npx jest --ci "$@"
step "jest (a11y: every page, alone)"
JEST_PROJECTS=a11y npx jest --ci "$@"
