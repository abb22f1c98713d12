#!/usr/bin/env bash
# Integration tests in a real VS Code (code-server + headless Chromium), then the UI end-to-end
# drive. Called by scripts/test.sh after the build; sets up the toolchain first (cached in .e2e/).
#   bash scripts/e2e/run.sh            everything
#   E2E_UI=0 bash scripts/e2e/run.sh   integration tests only
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$SECONDS
bash scripts/e2e/setup.sh
[ -f out/test/integration/index.js ] && [ -f dist/extension.js ] || node esbuild.mjs --tests

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# A hard cap on each run on top of the drivers' own timeouts, so that a hang cannot stall CI.
rc=0
timeout --kill-after=20 1860 node test/e2e/runExtensionTests.mjs --timeout 1800 2>&1 | tee -a "$out" || rc=$?
# A green run must have run the tests. The minimum is the number of `test(` calls in the suites'
# sources, counted here rather than kept as a constant, so adding a test raises it by itself. Fewer
# passes mean a suite was not bundled into out/ or not loaded (mocha alone would still say 0 failed).
# A test declared in a loop runs more than once, so the count is a floor, not the exact number.
# With MATHDOWN_TEST_GREP only a subset runs: then at least one test must have run.
declared=1
if [ -z "${MATHDOWN_TEST_GREP:-}" ]; then
  declared=$(cat test/integration/*.test.ts | grep -cE '^[[:space:]]*test\(' || true)
  [ "${declared:-0}" -gt 0 ] || declared=1
fi
ran=$(grep -E '^integration: [0-9]+ passed' "$out" | tail -n 1 | awk '{print $2}')
if [ "$rc" = 0 ] && [ "${ran:-0}" -lt "$declared" ]; then
  echo "[e2e] ${ran:-0} integration tests passed, fewer than the $declared the suites declare"
  rc=1
fi
# The settings-file suites need a multi-root workspace of their own (test/fixtures/multi-root).
if [ "$rc" = 0 ] && [ -z "${MATHDOWN_TEST_GREP:-}" ]; then
  timeout --kill-after=20 960 node test/e2e/runExtensionTests.mjs --timeout 900 --workspace test/fixtures/multi-root \
    --open mathdown.code-workspace --tests out/test/integration/multiRoot/index.js 2>&1 | tee -a "$out" || rc=$?
fi
if [ "$rc" = 0 ] && [ "${E2E_UI:-1}" != 0 ]; then
  timeout --kill-after=20 600 node test/e2e/uiDrive.mjs 2>&1 | tee -a "$out" || rc=$?
fi
passed=$(grep -E '^(integration|ui): [0-9]+ passed' "$out" | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^(integration|ui): [0-9]+ passed' "$out" | awk '{s += $4} END {print s + 0}')
[ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "[e2e] finished in $((SECONDS - t0)) s, exit code $rc"
echo "e2e: $passed passed, $failed failed"
exit "$rc"
