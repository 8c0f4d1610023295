#!/usr/bin/env bash
# Issue 19: "any of the PDFs under 1 s" as finance runs them, with the server running (the AOT binary: process
# start, sign-in over the socket, the server's figures, the 80-column text, the PDF, the file written safely):
#   the month's invoicing basis    jour export invoice --month M --format pdf --out FILE --force
#   the month's provider basis     jour export provider-basis --month M --format pdf --out FILE --force
#   the year's statistics          jour stats --year Y --pdf FILE --force
#   bench/pdf-exports.sh [runs] [DATA_DIR]   (DATA_DIR is copied, never written; default: a new demo database)
# M is the last whole month, Y this year. Prints one line per PDF:
#   `BENCH pdf-<kind> median_ms=… max_ms=… pages=… bytes=… runs=… load=…`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5} src=${2:-}
bin=$PWD/.jour-build/bin/jour
[ -x "$bin" ] || ./run.sh --version >/dev/null
work=$(mktemp -d /tmp/jour-pdf-XXXX)
db=$work/db
trap '$bin server --stop --data-dir "$db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
if [ -n "$src" ]; then
  mkdir -p "$db" && cp "$src"/jour.db "$src"/jour.key "$src"/jour.json "$db"/
fi
export JOUR_USER="Per Andersson"
month=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
year=$(date -u +%Y)

measure() { # kind, then the command without its output file
  local kind=$1; shift
  # The first call starts the server (and opens or seeds the database): outside the measurement.
  "$@" "$work/$kind-warm.pdf" --force --data-dir "$db" >/dev/null
  local times=()
  for _ in $(seq "$runs"); do
    local t0; t0=$(date +%s%N)
    "$@" "$work/$kind.pdf" --force --data-dir "$db" >/dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  local sorted; sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local pages; pages=$(grep -ac '/Type /Page /Parent' "$work/$kind.pdf" || true)
  echo "BENCH pdf-$kind median_ms=${sorted[$(( (${#sorted[@]} - 1) / 2 ))]} max_ms=${sorted[-1]} pages=$pages bytes=$(stat -c %s "$work/$kind.pdf") runs=$runs load=$(cut -d' ' -f1 /proc/loadavg)"
}

measure invoice "$bin" export invoice --month "$month" --format pdf --out
measure provider-basis "$bin" export provider-basis --month "$month" --format pdf --out
measure year-statistics "$bin" stats --year "$year" --pdf
