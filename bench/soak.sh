#!/usr/bin/env bash
# Soak (on demand, not in CI): a server and N sessions under a steady mix (`jour load --seconds
# --pause-ms`) for M minutes, the resident memory (RSS) of the server and of each session sampled every
# few seconds into a CSV, then: is memory flat? (mean of the first 5 minutes against the last 5; for a run
# shorter than 15 minutes, the first and last fifth), and every acknowledged write counted back.
#   bench/soak.sh [minutes=30] [sessions=5] [pause-ms=100] [csv=bench/soak-TIME.csv]
# JOUR_BIN=path uses that binary instead of publishing .jour-build/bin/jour first.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
sessions=${2:-5}
pause=${3:-100}
csv=${4:-bench/soak-$(date -u +%Y%m%dT%H%M%SZ).csv}
interval=${SOAK_INTERVAL:-5}
if [ -n "${JOUR_BIN:-}" ]; then bin=$JOUR_BIN; else ./run.sh --version >/dev/null; bin=.jour-build/bin/jour; fi
data=$(mktemp -d /tmp/jour-soak-XXXX)
trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
$bin cases --data-dir "$data" >/dev/null
server_pid() { pgrep -f -- "server --background.*$data" | head -1 || true; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
echo "soak: $sessions sessions, ${minutes} min, pause ${pause} ms; $(uptime | sed 's/.*load average/load average/')"
pids=()
for i in $(seq 1 "$sessions"); do
  $bin load --seconds $((minutes * 60)) --pause-ms "$pause" --label "soak$i" --acked "$data/acked$i.tsv" --data-dir "$data" >"$data/summary$i.txt" &
  pids+=($!)
done
echo "seconds,server_rss_kb,session_rss_kb_max,session_rss_kb_mean,acked_writes,db_kb" >"$csv"
start=$(date +%s)
while kill -0 "${pids[0]}" 2>/dev/null; do
  sp=$(server_pid)
  s_rss=$([ -n "$sp" ] && rss_kb "$sp" || echo 0)
  c_max=0 c_sum=0 c_n=0
  for p in "${pids[@]}"; do
    r=$(rss_kb "$p"); [ "${r:-0}" -gt 0 ] || continue
    c_sum=$((c_sum + r)); c_n=$((c_n + 1)); [ "$r" -gt "$c_max" ] && c_max=$r
  done
  acked=$(cat "$data"/acked*.tsv 2>/dev/null | wc -l)
  db=$(du -k -c "$data"/jour*.db 2>/dev/null | tail -1 | cut -f1)
  echo "$(($(date +%s) - start)),$s_rss,$c_max,$((c_n > 0 ? c_sum / c_n : 0)),$acked,$db" >>"$csv"
  sleep "$interval"
done
failed=0
wait || failed=1
grep -h '^label' "$data"/summary*.txt
python3 - "$csv" "$minutes" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if int(r["server_rss_kb"]) > 0]
minutes = float(sys.argv[2])
end = int(rows[-1]["seconds"])
window = 300 if minutes >= 15 else end / 5
first = [r for r in rows if int(r["seconds"]) <= window]
last = [r for r in rows if int(r["seconds"]) >= end - window]
mean = lambda rs, k: sum(int(r[k]) for r in rs) / len(rs) / 1024
print(f"samples {len(rows)} over {end} s; windows of {window:.0f} s; writes acknowledged {rows[-1]['acked_writes']}, database {int(rows[-1]['db_kb'])/1024:.1f} MB")
for k, name in (("server_rss_kb", "server RSS"), ("session_rss_kb_max", "session RSS (largest)")):
    a, b = mean(first, k), mean(last, k)
    peak = max(int(r[k]) for r in rows) / 1024
    verdict = "flat" if b <= a * 1.10 + 5 else "GROWS"
    print(f"{name}: first {a:.1f} MB, last {b:.1f} MB ({(b - a) / a * 100:+.1f} %), peak {peak:.1f} MB: {verdict}")
EOF
$bin load --verify "$data"/acked*.tsv --data-dir "$data" | tail -1 || failed=1
$bin check --data-dir "$data" | tail -1 || failed=1
echo "csv: $csv; $(uptime | sed 's/.*load average/load average/')"
exit $failed
