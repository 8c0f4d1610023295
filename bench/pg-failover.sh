#!/usr/bin/env bash
# Failover (issue 22): a primary and a hot standby on this machine (synchronous streaming replication:
# the primary acknowledges a commit once the standby has it on disk), a demo data directory moved into it
# with `jour store migrate` and bound to both ("Host=primary,standby;Target Session Attributes=primary"),
# N sessions of `jour load` for S seconds; at K seconds the primary is killed (-9, postmaster and
# backends), P seconds later the standby is promoted. Sessions get "Databasen svarar inte – försöker igen"
# meanwhile and carry on; then `jour load --verify` reads every acknowledged write back from the promoted
# standby: 0 missing or the script fails.
#   bench/pg-failover.sh [seconds=60] [sessions=5] [kill-at=20] [promote-after=3]
# JOUR_BIN=path uses that binary instead of publishing .jour-build/bin/jour first.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60} sessions=${2:-5} kill_at=${3:-20} promote_after=${4:-3}
if [ -n "${JOUR_BIN:-}" ]; then bin=$JOUR_BIN; else ./run.sh --version >/dev/null; bin=$PWD/.jour-build/bin/jour; fi
work=$(mktemp -d /tmp/jour-failover-XXXX)
pg_work=$work/pg
. bench/pg-lib.sh
data=$work/data
trap '$bin server --stop --data-dir "$data" >/dev/null 2>&1 || true; pg_stop_all; rm -rf "$work"' EXIT
pg_prepare_work
p1=$(pg_free_port); p2=$(pg_free_port)
pg_primary primary "$p1"
pg_standby standby "$p2" "$p1"
pg_synchronous "$p1"
# Host Recheck Seconds: how long Npgsql trusts what it last learnt of a host (offline, standby); its default of
# 10 s would keep the sessions waiting that long after the promotion.
connection="Host=127.0.0.1:$p1,127.0.0.1:$p2;Database=jour;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=${JOUR_HOST_RECHECK:-1}"

$bin cases --data-dir "$data" >/dev/null          # the demo database, in LiteDB
$bin server --stop --data-dir "$data" >/dev/null
$bin store migrate --to "$connection" --data-dir "$data" | tail -1
$bin cases --data-dir "$data" >/dev/null          # a server on PostgreSQL
echo "failover: $sessions sessions x ${secs}s; primary :$p1 killed at ${kill_at}s, standby :$p2 promoted ${promote_after}s later; $(uptime | sed 's/.*load average/load average/')"

for i in $(seq 1 "$sessions"); do
  $bin load --seconds "$secs" --label "s$i" --acked "$work/acked$i.tsv" --data-dir "$data" >"$work/summary$i.txt" 2>&1 &
done
sleep "$kill_at"
pg_kill primary
killed=$(date +%s%N)
echo "primary killed"
sleep "$promote_after"
pg_promote standby
echo "standby promoted"
# How long the service was away: the first note acknowledged after the kill, written by one more client.
until $bin load --case 1 --notes 1 --label probe --data-dir "$data" 2>/dev/null | grep -q '^ack'; do sleep 0.1; done
echo "first write acknowledged $(( ($(date +%s%N) - killed) / 1000000 )) ms after the kill (promotion at ${promote_after}000 ms)"
wait || true
for i in $(seq 1 "$sessions"); do grep '^label' "$work/summary$i.txt" || cat "$work/summary$i.txt"; done
echo "acknowledged writes: $(cat "$work"/acked*.tsv | awk -F'\t' 'NF >= 6' | wc -l)"
$bin load --verify "$work"/acked*.tsv --data-dir "$data"
