#!/usr/bin/env bash
# Load: N sessions (client processes of one server) each doing a realistic mix for S seconds
# (`jour load --seconds`: open a case, transitions along the lifecycle, the verification steps, send a
# standby assistant, notes), then every acknowledged write counted back (`jour load --verify`).
#   bench/load.sh [seconds=120] [sessions=5] [data-dir to copy, e.g. one made by `jour generate`]
# Without a data directory it runs on a fresh demo database. The source is copied, never written.
# JOUR_BIN=path uses that binary instead of publishing .jour-build/bin/jour first.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-120}
sessions=${2:-5}
source=${3:-}
if [ -n "${JOUR_BIN:-}" ]; then bin=$JOUR_BIN; else ./run.sh --version >/dev/null; bin=.jour-build/bin/jour; fi
data=$(mktemp -d /tmp/jour-load-XXXX)
trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
if [ -n "$source" ]; then
  cp "$source"/jour.db "$source"/jour.key "$source"/jour.json "$data"/
  [ -f "$source"/jour-log.db ] && cp "$source"/jour-log.db "$data"/
fi
$bin cases --data-dir "$data" >/dev/null   # starts the server (and creates the demo database when empty)
echo "load: $sessions sessions x ${secs}s on $(du -h "$data"/jour.db | cut -f1) database; $(uptime | sed 's/.*load average/load average/')"
for i in $(seq 1 "$sessions"); do
  $bin load --seconds "$secs" --label "s$i" --acked "$data/acked$i.tsv" --data-dir "$data" >"$data/summary$i.txt" &
done
failed=0
wait || failed=1
for i in $(seq 1 "$sessions"); do grep '^label' "$data/summary$i.txt"; done
python3 - "$data"/acked*.tsv <<'EOF'
import sys
by = {}
for f in sys.argv[1:]:
    for line in open(f):
        p = line.rstrip("\n").split("\t")
        if len(p) >= 6:
            by.setdefault(p[0], []).append(float(p[4]))
allms = []
print(f"{'action':<11} {'writes':>7} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8} {'max_ms':>8}")
def row(kind, ms):
    ms = sorted(ms)
    p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    print(f"{kind:<11} {len(ms):>7} {p(.5):>8.2f} {p(.95):>8.2f} {p(.99):>8.2f} {ms[-1]:>8.2f}")
for kind in sorted(by):
    row(kind, by[kind]); allms += by[kind]
row("all writes", allms)
EOF
echo "(reads for the assign step, per session, in $data/summary*.txt: 'candidates')"
grep -h '^candidates' "$data"/summary*.txt || true
$bin load --verify "$data"/acked*.tsv --data-dir "$data" || failed=1
$bin check --data-dir "$data" | tail -1 || failed=1
echo "$(uptime | sed 's/.*load average/load average/')"
exit $failed
