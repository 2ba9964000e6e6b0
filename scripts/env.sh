# Sourced by the other scripts: tool locations, nothing else.
# shellcheck shell=bash
HERALD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export HERALD_ROOT
export PATH="$HOME/.cargo/bin:$HERALD_ROOT/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export HERALD_CHROMIUM="${HERALD_CHROMIUM:-/usr/bin/chromium}"
