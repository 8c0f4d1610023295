#!/usr/bin/env bash
# The same measurements on both stores (issue 22): a data directory copied twice, one copy moved into a
# throwaway PostgreSQL cluster on this machine with `jour store migrate` (timed), then on each the first
# frame (bench/firstframe.sh), the durable write's round trip (bench/roundtrip.sh) and one session of
# `jour load`'s officer's mix (each kind of write timed: open, transition, verify, assign, note); then a second data
# directory bound to the same database with `jour store use` — two servers — and 5 sessions of
# `jour load` on each for S seconds, every acknowledged write of both read back through each server.
#   bench/pg-compare.sh [DATA_DIR made by `jour generate`] [runs=7] [load-seconds=120] [sessions=5]
# Without DATA_DIR, a fresh demo database. The source is copied, never written. On a 2-core machine the
# two servers, ten load sessions and PostgreSQL share the cores: the figures say so with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=${1:-} runs=${2:-7} secs=${3:-120} sessions=${4:-5}
./run.sh --version >/dev/null
bin=$PWD/.jour-build/bin/jour
work=$(mktemp -d /tmp/jour-pgcompare-XXXX)
pg_work=$work/pg
. bench/pg-lib.sh
lite=$work/lite a=$work/server-a b=$work/server-b
trap 'for d in "$lite" "$a" "$b"; do $bin server --stop --data-dir "$d" >/dev/null 2>&1 || true; done; pg_stop_all; rm -rf "$work"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
pg_prepare_work
port=$(pg_free_port)
pg_primary db "$port"
connection="Host=127.0.0.1;Port=$port;Database=jour;Username=postgres"

mkdir -p "$lite" "$a"
if [ -n "$source_dir" ]; then
  for d in "$lite" "$a"; do
    cp "$source_dir"/jour.db "$source_dir"/jour.key "$source_dir"/jour.json "$d"/
    [ -f "$source_dir"/jour-log.db ] && cp "$source_dir"/jour-log.db "$d"/
  done
else
  $bin cases --data-dir "$a" >/dev/null && $bin server --stop --data-dir "$a" >/dev/null
  cp -r "$a"/. "$lite"/
fi
$bin cases --data-dir "$lite" >/dev/null && $bin server --stop --data-dir "$lite" >/dev/null
echo "pg-compare: $(du -h "$lite"/jour.db | cut -f1) LiteDB database; PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$port"

start=$(date +%s.%N)
$bin store migrate --to "$connection" --data-dir "$a"
echo "migrate: $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s (load $(load))"

for store in lite a; do
  dir=${!store}
  echo "== first frame, ${store/a/postgresql} (load $(load))"
  bench/firstframe.sh "$runs" "$dir" | grep -v "^idle" || true
  echo "== round trip, ${store/a/postgresql} (load $(load))"
  bench/roundtrip.sh 500 "$dir"
  echo "== one session of the officer's mix for 30 s, ${store/a/postgresql}: transitions and the rest, per write (load $(load))"
  $bin load --seconds 30 --label one --data-dir "$dir" | grep -vE '^(label|candidates)' || true
  $bin server --stop --data-dir "$dir" >/dev/null
done

echo "== two servers x $sessions sessions x ${secs}s on one PostgreSQL database (load $(load))"
$bin store use "$connection" --data-dir "$b"
for side in a b; do
  dir=${!side}
  $bin cases --data-dir "$dir" >/dev/null
  for i in $(seq 1 "$sessions"); do
    $bin load --seconds "$secs" --label "$side$i" --acked "$work/acked-$side$i.tsv" --data-dir "$dir" >"$work/summary-$side$i.txt" 2>&1 &
  done
done
failed=0
wait || failed=1
grep -h '^label' "$work"/summary-*.txt || true
echo "acknowledged writes: $(cat "$work"/acked-*.tsv | awk -F'\t' 'NF >= 6' | wc -l) (load $(load))"
$bin load --verify "$work"/acked-*.tsv --data-dir "$a" || failed=1
$bin load --verify "$work"/acked-*.tsv --data-dir "$b" || failed=1
exit $failed
