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
timeout --kill-after=20 660 node test/e2e/runExtensionTests.mjs --timeout 600 2>&1 | tee -a "$out" || rc=$?
if [ "$rc" = 0 ] && [ "${E2E_UI:-1}" != 0 ]; then
  timeout --kill-after=20 600 node test/e2e/uiDrive.mjs 2>&1 | tee -a "$out" || rc=$?
fi
passed=$(grep -E '^(integration|ui): [0-9]+ passed' "$out" | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^(integration|ui): [0-9]+ passed' "$out" | awk '{s += $4} END {print s + 0}')
[ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "[e2e] finished in $((SECONDS - t0)) s, exit code $rc"
echo "e2e: $passed passed, $failed failed"
exit "$rc"
