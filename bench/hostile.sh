#!/usr/bin/env bash
# Hostile documents: every reader against 5 MB documents of each hostile
# shape (src/core/hostile.rs). First natively and optimised (time and peak
# memory of the reading itself), then in headless Chromium through the
# release build in dist/ (bench/hostile.mjs: the main thread's tasks and
# the time until the widget has settled). Both tables go into
# BENCHMARKS.md between the hostile markers. Run ./scripts/build first.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$HERALD_ROOT"
native=$(cargo test --release --quiet --lib core::hostile::bench -- --ignored --nocapture --test-threads=1 | grep '^|')
docs=$(mktemp -d)
trap 'rm -rf "$docs"' EXIT
HERALD_HOSTILE_OUT="$docs" cargo test --release --quiet --lib core::hostile::write_documents -- --ignored --test-threads=1 >/dev/null
browser=$(node bench/hostile.mjs "$docs")
echo "$native"
echo
echo "$browser"
python3 - "$native" "$browser" <<'PY'
import re, sys
native, browser = sys.argv[1], sys.argv[2]
path = "BENCHMARKS.md"
text = open(path).read()
block = (
    "<!-- hostile:start -->\n"
    "The readers alone, natively (release mode):\n\n" + native + "\n\n"
    "In the browser: a widget of the release build given each document\n"
    "(`data-max-bytes` raised to 8 MB so that the readers, not the size cap, meet\n"
    "it); the main thread's long tasks, and the time from navigation until the\n"
    "widget shows its content or its error (delivering 5 MB through Playwright's\n"
    "request interception takes part of it):\n\n"
    + browser + "\n<!-- hostile:end -->"
)
text, n = re.subn(r"<!-- hostile:start -->.*?<!-- hostile:end -->", lambda m: block, text, flags=re.S)
if n != 1:
    sys.exit("BENCHMARKS.md has no hostile markers")
open(path, "w").write(text)
PY
