#!/usr/bin/env bash
# Issue 21: twelve months of the whole on-call schedule as a calendar file, as a user runs it:
# `jour oncall --format ics --months 12 --out FILE --force` with the server running (the AOT binary:
# process start, sign-in over the socket, the schedule, the RFC 5545 text, the file written safely).
#   bench/calendar.sh [runs] [DATA_DIR]   (DATA_DIR is copied, never written; default: a new demo database)
# Prints `BENCH oncall-ics-12-months median_ms=… max_ms=… events=… bytes=… runs=… load=…`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9} src=${2:-}
bin=$PWD/.jour-build/bin/jour
[ -x "$bin" ] || ./run.sh --version >/dev/null
work=$(mktemp -d /tmp/jour-calendar-XXXX)
db=$work/db
trap '$bin server --stop --data-dir "$db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
if [ -n "$src" ]; then
  mkdir -p "$db" && cp "$src"/jour.db "$src"/jour.key "$src"/jour.json "$db"/
fi
# The first call starts the server (and seeds the demo in a new directory): outside the measurement.
$bin oncall --data-dir "$db" >/dev/null || true
$bin oncall --format ics --months 12 --out "$work/warm.ics" --data-dir "$db"
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  $bin oncall --format ics --months 12 --out "$work/jour.ics" --force --data-dir "$db"
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}
echo "BENCH oncall-ics-12-months median_ms=$median max_ms=${sorted[-1]} events=$(grep -c '^BEGIN:VEVENT' "$work/jour.ics") bytes=$(stat -c %s "$work/jour.ics") runs=$runs load=$(cut -d' ' -f1 /proc/loadavg)"
