#!/usr/bin/env bash
# Runs the CI entry point (.ci/run) on fresh clones of HEAD, RUNS times in a row, with a CPU-heavy
# load beside it the whole time, and prints one line per run (exit code, seconds, pass counts).
# The load defaults to one busy process per core; LOAD_CMD replaces it (e.g. a bench loop).
#   bash scripts/dev/fresh-clone-runs.sh [RUNS=3]
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d /tmp/mathdown-fresh-XXXXXX)"
cores="$(nproc)"
load_cmd="${LOAD_CMD:-for i in \$(seq $cores); do node -e 'for(;;){}' & done; wait}"

bash -c "$load_cmd" >"$work/load.log" 2>&1 &
load_pid=$!
trap 'pkill -P $load_pid 2>/dev/null; kill $load_pid 2>/dev/null' EXIT

echo "head $(git -C "$repo" rev-parse --short HEAD), $runs runs, load: $load_cmd, logs in $work"
failed=0
for n in $(seq "$runs"); do
  clone="$work/run$n"
  git clone -q "$repo" "$clone"
  start=$(date +%s)
  (cd "$clone" && bash .ci/run) >"$work/run$n.log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  counts=$(grep -E '^ℹ (pass|fail) |[0-9]+ (passing|failing)' "$work/run$n.log" | tr -s ' ' | paste -sd ' ' -)
  echo "run $n: exit $rc in ${secs}s, load $(cut -d' ' -f1-3 /proc/loadavg); $counts"
  [ "$rc" -eq 0 ] || failed=1
  rm -rf "$clone/node_modules"
done
exit $failed
