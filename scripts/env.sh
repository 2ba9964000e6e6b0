# Sourced by the other scripts: tool locations and the release toolchain.
# shellcheck shell=bash
HERALD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export HERALD_ROOT
export PATH="$HOME/.cargo/bin:$HERALD_ROOT/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export HERALD_CHROMIUM="${HERALD_CHROMIUM:-/usr/bin/chromium}"

# The release build (scripts/build) compiles with a pinned nightly that
# rebuilds the standard library without panic messages or source locations:
# 12 KB brotli less than stable (docs/decisions.md). Tests and `trunk serve`
# use the stable toolchain.
HERALD_RELEASE_TOOLCHAIN=nightly-2026-05-20
release_env() {
  export RUSTUP_TOOLCHAIN="$HERALD_RELEASE_TOOLCHAIN"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_DIR="$HERALD_ROOT/target/release-std"
}
