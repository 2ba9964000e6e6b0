#!/usr/bin/env bash
# Hostile documents: every reader against 5 MB documents of each hostile
# shape (src/core/hostile.rs), natively and optimised; time and peak
# memory of each go into BENCHMARKS.md between the hostile markers.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(cargo test --release --quiet --lib core::hostile::bench -- --ignored --nocapture --test-threads=1 | grep '^|')
echo "$out"
python3 - "$out" <<'PY'
import re, sys
table = sys.argv[1]
path = "BENCHMARKS.md"
text = open(path).read()
block = "<!-- hostile:start -->\n" + table + "\n<!-- hostile:end -->"
text, n = re.subn(r"<!-- hostile:start -->.*?<!-- hostile:end -->", lambda m: block, text, flags=re.S)
if n != 1:
    sys.exit("BENCHMARKS.md has no hostile markers")
open(path, "w").write(text)
PY
