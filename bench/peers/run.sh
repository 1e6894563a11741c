#!/usr/bin/env bash
# Whole-process comparison of Parley with the peer tools (issue 18): for each row, Parley's published
# binary and the peer run alternately, RUNS times each; every run is timed as a whole process
# (/usr/bin/time: wall, and CPU = user + sys); the table gives medians. Writes Markdown to standard
# output (and to OUT when given). Nothing here gates a test.
#
#   tools/publish.sh                      # once: out/parley/parley, the binary the docs time
#   bench/peers/run.sh [OUT.md]
#
# Environment:
#   PARLEY_BIN              Parley's binary (default out/parley/parley)
#   PARLEY_PEERS_RUNS       runs of each side per row (default 5)
#   PARLEY_SHARED           the shared folder (default ../shared beside the repository)
#   PARLEY_KTAB_SMPC        KTAB's smpc program; run as `smpc --logmin --csv FILE` (arguments before
#                           --csv from PARLEY_KTAB_SMPC_ARGS, default --logmin). Rows skipped when unset.
#   PARLEY_BDM_REPLICATION  the BDM replication, a command run as `COMMAND INPUT ROUNDS`. Row skipped when unset.
# The Decide reference is ../shared/peers/decide/run. A row whose peer is absent still measures
# Parley's side and says why the peer's is missing.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
shared=${PARLEY_SHARED:-$root/../shared}
parley=${PARLEY_BIN:-$root/out/parley/parley}
runs=${PARLEY_PEERS_RUNS:-5}
out=${1:-}
ref=$shared/reference
work=$(mktemp -d)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$parley" ]; then
  echo "bench/peers: no Parley binary at $parley; run tools/publish.sh first (or set PARLEY_BIN)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench/peers: needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi

# KTAB's random actors, as KTAB draws them (capability on [10, 200], positions on [0, 100], an
# overall salience on [75, 99] split across the dimensions), from a fixed seed: the same file for both.
synthetic_ktab() {
  awk -v n="$1" -v dims=3 'BEGIN {
    srand(42);
    printf "Synthetic_%dx%d,\"KTAB-style random actors (bench/peers)\",%d,%d,\n", n, dims, n, dims;
    printf "Actor,Description,Power";
    for (d = 1; d <= dims; d++) printf ",Pstn%d,Sal%d", d, d;
    printf ",\n";
    for (i = 0; i < n; i++) {
      total = 75 + 24 * rand(); sum = 0;
      for (d = 1; d <= dims; d++) { w[d] = rand(); sum += w[d]; }
      printf "SActor-%03d,Random Spatial Actor,%.3f", i, 10 + 190 * rand();
      for (d = 1; d <= dims; d++) printf ",%.2f,%.2f", 100 * rand(), total * w[d] / sum;
      printf ",\n";
    }
  }' > "$2"
}

# One timed run: appends "wall cpu" to FILE; returns the command's exit status.
timed() {
  local file=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr"
  local status=$?
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/time" | tail -n 1 >> "$file"
  return $status
}

median() { # column N of FILE
  sort -g -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rows=()
row() { # LABEL, PEER-COMMAND-OR-EMPTY, SKIP-REASON, -- PARLEY ARGS...
  local label=$1 peer=$2 reason=$3; shift 4
  local p="$work/p.$RANDOM" q="$work/q.$RANDOM" failed=""
  : > "$p"; : > "$q"
  for ((i = 1; i <= runs; i++)); do
    timed "$p" "$parley" "$@" || failed="Parley failed: $(head -c 200 "$work/stderr")"
    if [ -n "$peer" ]; then
      timed "$q" bash -c "$peer" || failed="peer failed: $(head -c 200 "$work/stderr")"
    fi
  done
  local pc pw qc qw ratio
  pw=$(median "$p" 1); pc=$(median "$p" 2)
  if [ -n "$peer" ]; then
    qw="$(median "$q" 1) s"; qc="$(median "$q" 2) s"
    # /usr/bin/time counts in hundredths of a second: a median of 0 means under 0.01 s, so the ratio is a bound.
    ratio=$(awk -v a="$pc" -v b="$qc" 'BEGIN {
      if (b <= 0) print "-";
      else if (a <= 0) printf "< %.4f (more than %.0fx faster)", 0.01 / b, b / 0.01;
      else { r = a / b; printf (r >= 1 ? "%.2f (%.1fx slower)" : "%.3f (%.1fx faster)"), r, (r >= 1 ? r : 1 / r) } }')
  else
    qw="-"; qc="-"; ratio="peer not run: $reason"
  fi
  below() { awk -v v="$1" 'BEGIN { if (v + 0 <= 0) print "< 0.01"; else print v }'; }
  rows+=("| $label | $(below "$pw") s | $(below "$pc") s | $qw | $qc | $ratio |${failed:+ $failed}")
  echo "bench/peers: $label done" >&2
}

decide=$shared/peers/decide/run
smpc=${PARLEY_KTAB_SMPC:-}
smpc_args=${PARLEY_KTAB_SMPC_ARGS:---logmin}
bdm=${PARLEY_BDM_REPLICATION:-}
synthetic_ktab 100 "$work/ktab-100x3.csv"

ktab_peer() { [ -n "$smpc" ] && [ -x "$smpc" ] && echo "'$smpc' $smpc_args --csv '$1'"; }
ktab_reason="PARLEY_KTAB_SMPC is not set to KTAB's smpc"
decide_reason="no Decide reference at $decide"
[ -x "$decide" ] || decide=""
bdm_reason="PARLEY_BDM_REPLICATION is not set"

row "KTAB dummyData_3Dim (7 actors x 3), smp" "$(ktab_peer "$ref/ktab/dummyData_3Dim.csv")" "$ktab_reason" -- \
  forecast "$ref/ktab/dummyData_3Dim.csv" --model smp
row "Decide sample_data, exchange, 10 rounds" "${decide:+'$decide' '$ref/decide/sample_data.txt' -i 10}" "$decide_reason" -- \
  forecast "$ref/decide/sample_data.txt" --model exchange --rounds 10
row "Decide cop21, exchange, 10 rounds" "${decide:+'$decide' '$ref/decide/cop21.csv' -i 10}" "$decide_reason" -- \
  forecast "$ref/decide/cop21.csv" --model exchange --rounds 10
row "BDM kyoto (Scholz replication), eum scholz-code, 10 rounds" "${bdm:+$bdm '$ref/bdm/cases/kyoto.csv' 10}" "$bdm_reason" -- \
  forecast "$ref/bdm/cases/kyoto.csv" --model eum --variant scholz-code --rounds 10
row "KTAB 100 actors x 3 (synthetic, seed 42), smp" "$(ktab_peer "$work/ktab-100x3.csv")" "$ktab_reason" -- \
  forecast "$work/ktab-100x3.csv" --model smp

{
  echo "Whole process, $runs alternating runs per side, medians; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $load_before."
  echo "Parley: $("$parley" --version)."
  echo
  echo "| run | Parley wall | Parley CPU | peer wall | peer CPU | Parley / peer (CPU) |"
  echo "|---|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee ${out:+"$out"}
