#!/usr/bin/env bash
# Installs what the integration tests need to run a real VS Code offline (Debian 12):
# Debian's Chromium, GitHub's cmark-gfm (the lint oracle's real renderer, test/unit/lintOracle.test.ts)
# and the build headers for code-server's native modules (apt, as root),
# Node 24 and code-server from npm into .e2e/. Idempotent: each piece is skipped when present.
set -euo pipefail
cd "$(dirname "$0")/../.."
E2E_DIR=${E2E_DIR:-$PWD/.e2e}
NODE_MAJOR=24
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium cmark-gfm build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
log() { echo "[e2e-setup] $*"; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "[e2e-setup] missing system packages: ${missing[*]}" >&2
    echo "[e2e-setup] install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    echo "[e2e-setup] (on other systems: a Chromium at /usr/bin/chromium or \$CHROMIUM, cmark-gfm on the PATH, a C/C++ toolchain," >&2
    echo "[e2e-setup]  python3, and the headers of krb5, libx11, libxkbfile, libsecret)" >&2
    exit 1
  fi
fi

NODE24_BIN="$E2E_DIR/node24/node_modules/node/bin"
if ! "$NODE24_BIN/node" -v 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "installing Node $NODE_MAJOR from npm into $E2E_DIR/node24"
  rm -rf "$E2E_DIR/node24" && mkdir -p "$E2E_DIR/node24"
  (cd "$E2E_DIR/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR")
fi

CS_DIR="$E2E_DIR/code-server"
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$CS_MARKER" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes)"
  # A clean folder every time: a retry inside a half-installed one breaks argon2's install script.
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    # Under `npm test` the outer npm exports npm_config_user_agent (node/v20), which the inner npm
    # would pass on to code-server's postinstall and fail its Node 24 check: drop the outer npm's config.
    env $(env | sed -n 's/^\(npm_config_[^=]*\)=.*/-u \1/p') PATH="$NODE24_BIN:$PATH" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || { echo "[e2e-setup] code-server install incomplete" >&2; exit 1; }
  touch "$CS_MARKER"
fi
log "ready: node $("$NODE24_BIN/node" -v), code-server $CODE_SERVER_VERSION"
