#!/usr/bin/env bash
# Bytes written to the terminal for one cursor move (↓) on the F2 case board at 80x24, as an SSH
# session over a slow link pays: the app runs in a pseudo-terminal, settles, gets ↓ five times, and
# every byte until the output is quiet again is counted (bench/keystroke_bytes.py).
#   bench/keystroke-bytes.sh [DATA_DIR]   (default: a fresh demo database; a generated 100,000-case
#                                          directory is used as it is — pass a copy)
set -euo pipefail
cd "$(dirname "$0")/.."
./run.sh --version >/dev/null            # build outside the measurement
bin=$PWD/.jour-build/bin/jour
if [ $# -ge 1 ]; then
  data=$1
else
  data=$(mktemp -d /tmp/jour-bench-XXXX)
  trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
fi
$bin cases --data-dir "$data" >/dev/null  # the server runs before the session starts
python3 bench/keystroke_bytes.py --presses 5 "Öppna ärenden" "$bin" --data-dir "$data"
