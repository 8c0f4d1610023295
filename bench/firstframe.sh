#!/usr/bin/env bash
# Launch to first frame of the main screen at 80x24, through ./run.sh as a user starts it,
# side by side with htop in the same run (../shared/tools/firstframe.py).
#   bench/firstframe.sh [runs] [DATA_DIR]
# DATA_DIR: a copy of a generated database (`jour generate`, 100,000 cases) to measure on; it is used as
# it is (sessions sign in and out of it). Without it, a fresh demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
tool=../shared/tools/firstframe.py
given=${2:-}
data=${given:-$(mktemp -d /tmp/jour-bench-XXXX)}
command -v htop >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq htop >/dev/null; }
./run.sh --help >/dev/null          # build outside the measurement
./run.sh cases --data-dir "$data" >/dev/null   # starts a server (and creates the demo database when none is given)
python3 "$tool" --runs "$runs" --label htop "Load average" htop
python3 "$tool" --runs "$runs" --label "jour (server running)" "Öppna ärenden" ./run.sh --data-dir "$data"
cold=()
for i in $(seq "$runs"); do
  ./run.sh server --stop --data-dir "$data" >/dev/null
  cold+=("$(python3 "$tool" --runs 1 --label cold "Öppna ärenden" ./run.sh --data-dir "$data")")
done
printf '%s\n' "${cold[@]}" | sed 's/^/jour (no server) /'
# Idle RSS of one session, after the first frame.
tmux new-session -d -s jour-rss -x 80 -y 24 "./run.sh --data-dir $data"
sleep 3
pid=$(pgrep -f "jour --data-dir $data" | head -1)
echo "idle session RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
tmux kill-session -t jour-rss
./run.sh server --stop --data-dir "$data" >/dev/null
[ -n "$given" ] || rm -rf "$data"
