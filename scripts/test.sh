#!/usr/bin/env bash
# `npm test`: set up everything the tests need on a fresh machine, then run every test.
# Unit tests of the core (node:test), then the integration tests inside a real VS Code.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
log() { echo "[test] $*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

log "building and type-checking"
node esbuild.mjs --tests
npx tsc --noEmit -p .
# The core again without Node's types: a Node global or built-in there is an error (it runs anywhere).
npx tsc --noEmit -p src/core
[ -f src/webview/tsconfig.json ] && npx tsc --noEmit -p src/webview
[ -f test/browser/tsconfig.json ] && npx tsc --noEmit -p test/browser

log "lint (ESLint: import boundaries and typescript-eslint), format (Prettier) and import cycles"
npx eslint .
npx prettier --check . > /dev/null || { echo "[test] Prettier: files not formatted (npm run format writes them)"; npx prettier --list-different .; exit 1; }
node scripts/check-cycles.mjs

log "unit tests"
command -v cmark-gfm >/dev/null || bash scripts/e2e/setup.sh   # installs GitHub's cmark-gfm (the lint oracle)
node --test --test-reporter=spec --test-reporter-destination=stdout out/test/unit/*.test.js

if compgen -G "out/test/browser/*.test.js" > /dev/null; then
  log "browser tests (headless Chromium)"
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || bash scripts/e2e/setup.sh   # installs Debian's Chromium
  node --test --test-reporter=spec --test-reporter-destination=stdout out/test/browser/*.test.js
fi

if [ -x scripts/e2e/run.sh ] && [ "${MATHDOWN_SKIP_E2E:-0}" != 1 ]; then
  log "integration tests in a real VS Code"
  bash scripts/e2e/run.sh
fi
log "all tests passed in $((SECONDS - t0)) s"
