# Throwaway PostgreSQL clusters for the PostgreSQL benchmarks (sourced, not run): Debian's binaries from
# /usr/lib/postgresql/*/bin (or $JOUR_PG_BIN), each cluster in a directory under $pg_work, TCP on
# 127.0.0.1 at its own port, trust authentication (nobody else can reach a loopback port on a bench
# machine that matters), fsync on. As root the clusters run as the postgres user (initdb refuses root).
#   pg_work=DIR; . bench/pg-lib.sh; pg_primary NAME PORT; pg_standby NAME PORT PRIMARY_PORT; pg_stop_all
pg_bin=${JOUR_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$pg_bin/initdb" ] || { echo "pg-lib: initdb not found (apt-get install postgresql, or set JOUR_PG_BIN)" >&2; exit 2; }
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# The postgres user must reach $pg_work: mktemp -d makes its parent 0700.
pg_prepare_work() { mkdir -p "$pg_work"; chmod 755 "$(dirname "$pg_work")" "$pg_work"; if [ "$(id -u)" = 0 ]; then chown postgres "$pg_work"; fi; }

# A primary with a database "jour".
pg_primary() {
  local name=$1 port=$2 dir=$pg_work/$1
  pg_as "$pg_bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_as "$pg_bin/pg_ctl" -D "$dir" -l "$pg_work/$name.log" -w -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_work -c wal_level=replica -c max_wal_senders=5 -c fsync=on -c synchronous_commit=on" start >/dev/null
  pg_as "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres jour
}

# From now on every commit on the primary at PORT waits until the standby has flushed it to disk: an
# acknowledged write then survives the loss of the primary. Set on the primary only, after the base
# backup, so the standby does not inherit it (a promoted standby with no standby of its own would wait forever).
pg_synchronous() {
  pg_as "$pg_bin/psql" -q -h 127.0.0.1 -p "$1" -U postgres -d jour -c "ALTER SYSTEM SET synchronous_standby_names = 'standby'" -c "SELECT pg_reload_conf()" >/dev/null
  local i
  for i in $(seq 1 100); do
    [ "$(pg_as "$pg_bin/psql" -Atq -h 127.0.0.1 -p "$1" -U postgres -d jour -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby'")" = sync ] && return 0
    sleep 0.1
  done
  echo "pg-lib: the standby did not become synchronous" >&2; return 1
}

# A hot standby of the primary at PRIMARY_PORT by streaming replication, known to it as "standby".
pg_standby() {
  local name=$1 port=$2 primary=$3 dir=$pg_work/$1
  pg_as "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir" -R -X stream \
    -d "host=127.0.0.1 port=$primary user=postgres application_name=standby" >/dev/null
  pg_as "$pg_bin/pg_ctl" -D "$dir" -l "$pg_work/$name.log" -w -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_work -c fsync=on" start >/dev/null
}

pg_promote() { pg_as "$pg_bin/pg_ctl" -D "$pg_work/$1" -w promote >/dev/null; }
# kill -9 of the postmaster and its children: the machine's loss as the database sees it.
pg_kill() { local pid; pid=$(head -1 "$pg_work/$1/postmaster.pid"); pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; }
pg_stop_all() {
  local d
  for d in "$pg_work"/*/; do [ -f "$d/postmaster.pid" ] && pg_as "$pg_bin/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true; done
}
