#!/usr/bin/env bash
# Installs what the real-editor tests need, OUTSIDE the repository's dependencies:
# Debian's Chromium (driven by playwright-core), ripgrep, Neovim (the language server in a second
# editor: test/e2e/neovim.test.ts), and code-server 4.99.4 (VS Code 1.99.3,
# the newest that runs on Node 20) in $KEYFENCE_E2E_DIR (default /opt/keyfence-e2e).
# Idempotent; run as root (as CI does). Then: npm run test:e2e (see test/e2e/).
set -euo pipefail

CODE_SERVER_VERSION=4.99.4
DIR="${KEYFENCE_E2E_DIR:-/opt/keyfence-e2e}"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

installed="$(node -p "try{require('$DIR/node_modules/code-server/package.json').version}catch{''}" 2>/dev/null || true)"
if [ "$installed" = "$CODE_SERVER_VERSION" ] && [ -x "$DIR/node_modules/.bin/code-server" ]; then
  echo "code-server $CODE_SERVER_VERSION already in $DIR"
  exit 0
fi

# code-server's @vscode/ripgrep postinstall downloads from GitHub, which these machines cannot
# reach: seed its cache with Debian's rg, packed under the name it looks for.
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"keyfence-e2e-tools","private":true}' > package.json
# unsafe_perm: root install; yes: node-pty's postinstall runs `npx node-gyp`.
# --ignore-scripts would leave the server without its native modules.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION"
# A throw-away HOME: --version would otherwise write ~/.config/code-server/config.yaml.
HOME="$(mktemp -d)" "$DIR/node_modules/.bin/code-server" --version
