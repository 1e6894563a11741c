#!/usr/bin/env bash
# Counts the intermittent crash of the native binary (docs/performance.md, "A crash, seen three times"):
# runs `influence dummyData_6Dim.csv --model smp --json` N times, one at a time under nice, and prints one
# line per run (exit code, MD5 of the JSON, user and system CPU, wall time) and a tally at the end. A run
# that dies keeps its standard error in $PARLEY_CRASH_DIR (default: a temporary directory, printed).
#   tools/crash-loop.sh BIN [N]        # N defaults to 40; BIN e.g. out/parley/parley or out/parley/jit/parley
# About 13 s of CPU (7 s of wall time on two idle cores) per run; the crash rate is about 1 in 80 runs,
# so a build needs about 250 runs without a crash to be called better (docs/performance.md gives the counts).
# Note: this Native AOT binary ignores the GC's environment settings (DOTNET_GCgen0size,
# DOTNET_GCgen0MaxBudget, DOTNET_gcServer, DOTNET_GCHeapHardLimit left the collection counts unchanged).
set -uo pipefail
bin=${1:?usage: tools/crash-loop.sh BIN [N]}
n=${2:-40}
shared=${PARLEY_SHARED:-$(dirname "$0")/../../shared}
scenario=$shared/reference/ktab/dummyData_6Dim.csv
[ -x "$bin" ] && [ -f "$scenario" ] || { echo "crash-loop: need an executable BIN and $scenario" >&2; exit 2; }
keep=${PARLEY_CRASH_DIR:-$(mktemp -d)}
mkdir -p "$keep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
crashes=0
declare -A sums
for i in $(seq 1 "$n"); do
  /usr/bin/time -f '%U %S %e' -o "$work/time" nice -n 19 "$bin" influence "$scenario" --model smp --json \
    >"$work/out" 2>"$work/err"
  rc=$?
  sum=$(md5sum <"$work/out" | cut -c1-8)
  echo "run $i: exit $rc, md5 $sum, user/sys/wall $(tail -n 1 "$work/time")"
  if [ "$rc" -ne 0 ]; then
    crashes=$((crashes + 1))
    cp "$work/err" "$keep/run-$i.err"
  else
    sums[$sum]=$(( ${sums[$sum]:-0} + 1 ))
  fi
done
echo "$crashes crashes in $n runs; outputs of the complete runs: $(for s in "${!sums[@]}"; do printf '%s x%s ' "$s" "${sums[$s]}"; done)"
[ "$crashes" -eq 0 ] || echo "standard error of the crashed runs in $keep"
