#!/usr/bin/env bash
# A committed use case through the socket (`jour load`: add a note to a case, acknowledged only once the
# commit is fsynced in LiteDB's log, issue 16), timed by the client: the median with one session writing,
# the p99 with five.
#   bench/roundtrip.sh [writes-per-session] [DATA_DIR]
# DATA_DIR: measure on that data directory as it is (e.g. one bound to PostgreSQL by `jour store migrate`; the
# notes stay in it); without it, a fresh demo database that is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
./run.sh --version >/dev/null            # build outside the measurement
bin=.jour-build/bin/jour
given=${2:-}
data=${given:-$(mktemp -d /tmp/jour-bench-XXXX)}
trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; [ -n "$given" ] || rm -rf "$data"' EXIT
$bin cases --data-dir "$data" >/dev/null  # creates the demo database and starts the server
case_id=$($bin cases --data-dir "$data" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
stats() {
  python3 -c '
import statistics, sys
ms = sorted(float(l.split()[-1].replace(",", ".")) for l in sys.stdin if l.startswith("ack "))
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print(f"{sys.argv[1]}: writes={len(ms)} median_ms={statistics.median(ms):.2f} p95_ms={p(0.95):.2f} p99_ms={p(0.99):.2f} max_ms={ms[-1]:.2f}")
' "$1"
}
$bin load --case "$case_id" --notes "$n" --label one --data-dir "$data" | stats "1 session"
for i in 1 2 3 4 5; do
  $bin load --case "$case_id" --notes "$n" --label "s$i" --data-dir "$data" >"$data/load$i.out" &
done
wait
cat "$data"/load?.out | stats "5 sessions"
