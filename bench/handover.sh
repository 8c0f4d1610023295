#!/usr/bin/env bash
# `jour handover --out FILE` end to end (client start, socket, server loads and composes, A4 text written)
# on a demo database plus 500 open cases and 2,000 deployments in the next 24 hours (HandoverData.Fill):
# the first run starts the server, the others find it running.
#   bench/handover.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
./run.sh --version >/dev/null            # build outside the measurement
dotnet build bench/Jour.Bench -c Release -v:q -nologo >/dev/null
bin=.jour-build/bin/jour
data=$(mktemp -d /tmp/jour-bench-XXXX)
trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
$bin cases --data-dir "$data" >/dev/null  # creates the demo database (and its key)
$bin server --stop --data-dir "$data" >/dev/null
dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --fill-handover "$data"
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  $bin handover --data-dir "$data" --out "$data/h.txt" 2>/dev/null
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms"
done | tee "$data/times.txt"
python3 - "$data/h.txt" "$data/times.txt" <<'PY'
import statistics, sys
text = open(sys.argv[1], encoding="utf-8").read()
ms = [int(l.split()[2]) for l in open(sys.argv[2])]
lines = text.replace("\f", "").split("\n")
print(f"first (server start) {ms[0]} ms; warm median {statistics.median(ms[1:]) if len(ms) > 1 else ms[0]} ms, max {max(ms[1:] or ms)} ms")
print(f"{len(text.encode())} bytes, {text.count(chr(12)) + 1} pages, {len(lines)} lines, longest {max(len(l) for l in lines)} columns")
PY
