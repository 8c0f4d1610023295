#!/usr/bin/env bash
# Every measurement of issue 9 in one run, on the standard 100,000-case database, written as a
# markdown table (the load average beside each figure: measure on a quiet machine).
#   bench/run-all.sh [--data DIR] [--out FILE] [--no-dotnet-bench] [--runs N] [--postgres]
#     --data DIR   a data directory made by `jour generate` (copied, never written); default: generate one
#     --out FILE   where the table goes (default bench/results/run-UTCSTAMP.md); also printed
#     --postgres   also the PostgreSQL store (issue 22): bench/pg-compare.sh on the same database (its move,
#                  first frame and round trip on both stores, two servers under jour load) and
#                  bench/pg-failover.sh; their output goes beside the table (FILE without .md, -postgres.log)
# Takes about 15–20 minutes on 2 quiet cores, most of it BenchmarkDotNet.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
data_src="" out="" dotnet_bench=1 runs=5 postgres=0
while [ $# -gt 0 ]; do
  case $1 in
    --data) data_src=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-dotnet-bench) dotnet_bench=0; shift ;;
    --runs) runs=$2; shift 2 ;;
    --postgres) postgres=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
stamp=$(date -u +%Y%m%dT%H%MZ)
out=${out:-bench/results/run-$stamp.md}
mkdir -p "$(dirname "$out")"
work=$(mktemp -d /tmp/jour-runall-XXXX)
bin=$ROOT/.jour-build/bin/jour
db=$work/db
trap '$bin server --stop --data-dir "$db" >/dev/null 2>&1 || true; tmux kill-session -t jour-runall-rss 2>/dev/null || true; rm -rf "$work"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); printf '%-44s %-40s load %s\n' "$1" "$2" "$4" >&2; }
say() { printf 'run-all: %s\n' "$*" >&2; }

say "building (outside the measurements)"
./run.sh --version >/dev/null
[ $dotnet_bench = 1 ] && dotnet build bench/Jour.Bench -c Release -v:q -nologo >/dev/null
command -v htop >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq htop >/dev/null; }

if [ -n "$data_src" ]; then
  say "copying $data_src"
  mkdir -p "$db" && cp "$data_src"/jour.db "$data_src"/jour.key "$data_src"/jour.json "$db"/
else
  say "generating the standard database (jour generate defaults)"
  l=$(load); t0=$(now_ms)
  $bin generate --data-dir "$db" >"$work/generate.out"
  row "\`jour generate\` (defaults: 100,000 cases)" "$(( ($(now_ms) - t0) / 1000 )) s, $(( $(stat -c %s "$db/jour.db") / 1048576 )) MB" "" "$l"
fi
# Starts a server; a file from an older build gets its new indexes/facts once, here (can outlast one call's wait).
for _ in 1 2 3 4 5 6 7 8 9 10; do $bin cases --data-dir "$db" >/dev/null 2>&1 && break; sleep 5; done
$bin server --stop --data-dir "$db" >/dev/null

say "jour check (offline)"
l=$(load); t0=$(now_ms)
$bin check --data-dir "$db" >"$work/check.out" || true
row "\`jour check\` of it, offline" "$(awk "BEGIN{printf \"%.1f\", ($(now_ms) - $t0)/1000}") s, $(tail -1 "$work/check.out" | cut -d: -f1)" "< 60 s" "$l"

say "server start and backup"
l=$(load); t0=$(now_ms)
$bin cases --data-dir "$db" >/dev/null
row "server start + \`jour cases\` (cold)" "$(( $(now_ms) - t0 )) ms" "" "$l"
l=$(load); t0=$(now_ms)
$bin backup "$work/backup.db" --data-dir "$db" >"$work/backup.out"
inside=$(grep -o 'på [0-9,]* s' "$work/backup.out" | tr -d 'på s' || true)
row "\`jour backup\` ($(( $(stat -c %s "$work/backup.db") / 1048576 )) MB), server running" "$(awk "BEGIN{printf \"%.1f\", ($(now_ms) - $t0)/1000}") s wall (copy+hash+verify ${inside} s)" "< 10 s" "$l"
rm -f "$work"/backup.db*

say "first frame vs htop (server running)"
ff=../shared/tools/firstframe.py
l=$(load)
htop_line=$(python3 $ff --runs "$runs" --label htop "Load average" htop)
jour_line=$(python3 $ff --runs "$runs" --limit 60 --label jour "Öppna ärenden" ./run.sh --data-dir "$db")
h=$(grep -o 'median_ms=[0-9]*' <<<"$htop_line" | cut -d= -f2)
j=$(grep -o 'median_ms=[0-9]*' <<<"$jour_line" | cut -d= -f2)
row "first frame at 80x24, server running (median of $runs)" "jour $j ms, htop $h ms: $(awk "BEGIN{printf \"%.2f\", $j/$h}")×" "≤ 1.5× htop" "$l"

say "first frame, the call starts the server"
l=$(load); cold=()
for _ in $(seq "$runs"); do
  $bin server --stop --data-dir "$db" >/dev/null
  cold+=("$(python3 $ff --runs 1 --limit 60 --label cold "Öppna ärenden" ./run.sh --data-dir "$db" | grep -o 'median_ms=[0-9]*' | cut -d= -f2)")
done
c=$(printf '%s\n' "${cold[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
row "first frame, the call starts the server (median of $runs)" "jour $c ms, htop $h ms: $(awk "BEGIN{printf \"%.2f\", $c/$h}")×" "(reported)" "$l"

say "idle RSS"
l=$(load)
tmux new-session -d -s jour-runall-rss -x 80 -y 24 "$bin --data-dir $db"
sleep 8
client=$(pgrep -f "^$bin --data-dir $db" | head -1)
server=$(pgrep -f "$bin server .*--data-dir $db" | head -1)
kb() { awk -v k="$2" '$1==k":" {print $2}' "/proc/$1/status"; }
row "idle session RSS (client), peak" "$(( $(kb "$client" VmRSS) / 1024 )) MB, peak $(( $(kb "$client" VmHWM) / 1024 )) MB" "< 100 MB" "$l"
row "server RSS with that session, peak" "$(( $(kb "$server" VmRSS) / 1024 )) MB, peak $(( $(kb "$server" VmHWM) / 1024 )) MB" "" "$l"
tmux kill-session -t jour-runall-rss

say "bytes for one cursor move on the board"
l=$(load)
kb_line=$(python3 bench/keystroke_bytes.py --presses 5 "Öppna ärenden" "$bin" --data-dir "$db")
row "bytes written for one ↓ on the board at 80x24 (median of 5)" "$(grep -o 'median=[0-9.]*' <<<"$kb_line" | cut -d= -f2) B" "≤ 300 B" "$l"
$bin server --stop --data-dir "$db" >/dev/null

say "twelve months of the on-call schedule as a calendar (bench/calendar.sh on a copy of the database)"
l=$(load)
cal=$(bench/calendar.sh "$runs" "$db")
row "\`jour oncall --format ics --months 12 --out FILE\` (median of $runs)" "$(grep -o 'median_ms=[0-9]*' <<<"$cal" | cut -d= -f2) ms, $(grep -o 'events=[0-9]*' <<<"$cal" | cut -d= -f2) events" "< 200 ms" "$l"

say "the PDFs finance makes (bench/pdf-exports.sh on a copy of the database)"
l=$(load)
pdfs=$(bench/pdf-exports.sh "$runs" "$db")
pdf_ms() { grep "^BENCH pdf-$1 " <<<"$pdfs" | grep -o 'median_ms=[0-9]*' | cut -d= -f2; }
pdf_pages() { grep "^BENCH pdf-$1 " <<<"$pdfs" | grep -o 'pages=[0-9]*' | cut -d= -f2; }
row "PDFs with the server running: the month's invoicing basis; provider basis; a year's statistics (median of $runs)" "$(pdf_ms invoice) ms ($(pdf_pages invoice) pages); $(pdf_ms provider-basis) ms; $(pdf_ms year-statistics) ms" "< 1 s each" "$l"

say "socket round trip of a durable committed write (bench/roundtrip.sh 500, demo database)"
l=$(load)
rt=$(bench/roundtrip.sh 500 2>/dev/null)
one=$(grep '^1 session' <<<"$rt" | grep -o 'median_ms=[0-9.]*' | cut -d= -f2)
five=$(grep '^5 sessions' <<<"$rt" | grep -o 'p99_ms=[0-9.]*' | cut -d= -f2)
row "durable write round trip: median 1 session, p99 5 sessions" "$one ms, $five ms" "< 5 ms, < 20 ms" "$l"

say "follow-up in process on the copy (Jour.Bench --profile-followup, the last of 3 runs)"
dotnet build bench/Jour.Bench -c Release -v:q -nologo >/dev/null
l=$(load)
fu=$(dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --profile-followup "$db" 2>/dev/null | grep '^year of statistics' | tail -1)
row "a quarter's statistics; a month's invoicing basis; provider basis (in process)" "$(grep -o 'quarter: [0-9]* ms' <<<"$fu" | cut -d' ' -f2) ms; $(grep -o 'invoicing basis: [0-9]* ms' <<<"$fu" | cut -d' ' -f3) ms; $(grep -o 'provider basis: [0-9]* ms' <<<"$fu" | cut -d' ' -f3) ms" "< 300 ms each" "$l"

if [ $dotnet_bench = 1 ]; then
  say "BenchmarkDotNet (board and filter, candidates, coverage gaps, statistics, handover)"
  l=$(load)
  # In process: no generated project to build per class (minutes on 2 cores); the jobs' counts stay as declared.
  dotnet bench/Jour.Bench/bin/Release/net10.0/Jour.Bench.dll --filter '*' --exporters github \
    --artifacts "$work/BenchmarkDotNet.Artifacts" >"$work/bdn.out" 2>&1 || { say "BenchmarkDotNet failed:"; tail -20 "$work/bdn.out" >&2; }
  cp "$work/bdn.out" "${out%.md}-benchmarkdotnet.log"
  l2=$(load)
fi

if [ $postgres = 1 ]; then
  say "PostgreSQL: bench/pg-compare.sh and bench/pg-failover.sh (output in ${out%.md}-postgres.log)"
  { bench/pg-compare.sh "$db" "$runs" 120 5; bench/pg-failover.sh 40 5 15 3; } >"${out%.md}-postgres.log" 2>&1 || say "a PostgreSQL bench failed; see the log"
  grep -E '^(migrate|jour \(server running\)|1 session|5 sessions|acknowledged|verified|first write)' "${out%.md}-postgres.log" >&2 || true
fi

{
  echo "## bench/run-all.sh, $(date -u '+%Y-%m-%d %H:%M') UTC ($(nproc) cores; commit $(git rev-parse --short HEAD))"
  echo
  echo "| what | figure | target | load avg (1 min) at start |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  if [ $dotnet_bench = 1 ]; then
    echo
    echo "BenchmarkDotNet, standard database (load average $l at start, $l2 at the end):"
    for f in "$work"/BenchmarkDotNet.Artifacts/results/*-report-github.md; do
      [ -f "$f" ] || continue
      echo
      echo "$(basename "$f" -report-github.md | sed 's/^Jour\.Bench\.//'):"
      echo
      # Method, Mean, Error, Allocated
      grep '^|' "$f" | sed "s/&#39;/'/g" | awk -F'|' '{print $1 "|" $2 "|" $3 "|" $4 "|" $(NF-1) "|"}' 
    done
  fi
} >"$out"
cat "$out"
