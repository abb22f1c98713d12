#!/usr/bin/env bash
# `npm start`: install what is missing, build, and open examples/showcase.md with its Mathdown
# preview in a real VS Code: the desktop `code` when it is on PATH, otherwise code-server on
# 127.0.0.1 (installed into .e2e/ by scripts/e2e/setup.sh) with the extension in development mode.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[start] $*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
log "building"
node esbuild.mjs

if command -v code >/dev/null 2>&1 && [ "${MATHDOWN_USE_CODE_SERVER:-0}" != 1 ]; then
  log "opening VS Code with Mathdown in development mode"
  MATHDOWN_OPEN_PREVIEW=1 exec code --new-window --extensionDevelopmentPath="$PWD" \
    --extensionEnvironment='{"MATHDOWN_OPEN_PREVIEW":"1"}' "$PWD/examples" "$PWD/examples/showcase.md"
fi
log "no 'code' command on PATH: using code-server"
bash scripts/e2e/setup.sh
exec node scripts/e2e/serve.mjs "$@"
