#!/usr/bin/env bash
# Whole-process start-up of the published parley (issue 18, part 1): each small forecast, run by every
# binary given, in alternating order, RUNS times; /usr/bin/time per process (wall; CPU = user + sys);
# prints medians and the load average before and after. Nothing here gates a test.
#   tools/publish.sh && bench/startup/run.sh [BIN ...]     # default: out/parley/parley out/parley/jit/parley
# Environment: PARLEY_STARTUP_RUNS (default 11), PARLEY_SHARED (default ../shared beside the repository).
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${PARLEY_STARTUP_RUNS:-11}
shared=${PARLEY_SHARED:-../shared}
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=(out/parley/parley out/parley/jit/parley)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "bench/startup: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
cases=("--version" "forecast --model compromise")
[ -f "$shared/reference/ktab/dummyData_3Dim.csv" ] && cases+=("forecast $shared/reference/ktab/dummyData_3Dim.csv --model smp")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, alternating"
echo
echo "| command | binary | wall (median) | CPU (median) |"
echo "|---|---|---:|---:|"
for c in "${cases[@]}"; do
  for i in $(seq "$runs"); do
    for b in "${!bins[@]}"; do
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S" -a -o "$work/$b" "${bins[$b]}" $c >/dev/null 2>&1
    done
  done
  for b in "${!bins[@]}"; do
    wall=$(awk '{print $1}' "$work/$b" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$work/$b" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "| \`parley ${c/#$shared\//}\` | ${bins[$b]} | $wall s | $cpu s |"
    rm -f "$work/$b"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
