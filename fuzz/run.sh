#!/usr/bin/env bash
# Coverage-guided fuzzing of Parley's readers with SharpFuzz and AFL++.
#
#   fuzz/run.sh TARGET SECONDS     fuzz one target (yaml, json, ktab-csv, ktab-xml, decide, bdm, matrix-csv, xlsx, deu, overlay, detect)
#   fuzz/run.sh A,B,C SECONDS      fuzz several targets in turn, SECONDS each (one build)
#   fuzz/run.sh all SECONDS        fuzz every target in turn, SECONDS each
#   fuzz/run.sh --parallel all SECONDS
#                                  fuzz every target at once, SECONDS each (a campaign of nine
#                                  targets then takes SECONDS of wall time; the targets share the
#                                  cores, so compare their executions, not their seconds)
#
# Builds fuzz/Parley.Fuzz, instruments Parley.Formats.dll and YamlDotNet.dll with the sharpfuzz
# tool (.config/dotnet-tools.json), writes the seed corpus from tests/ and scenarios/ into
# fuzz/corpus/TARGET, and runs afl-fuzz at the lowest priority (nice 19). Findings go to
# fuzz/out/findings/TARGET; crashing inputs to its default/crashes folder. A line per target
# reports the seconds run, executions, paths and crashes. Installs afl++ with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

targets=(yaml json ktab-csv ktab-xml decide bdm matrix-csv xlsx deu overlay detect)
parallel=0
if [ "${1:-}" = --parallel ]; then
  parallel=1
  shift
fi
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh [--parallel] TARGET|all SECONDS   (targets: ${targets[*]})" >&2
  exit 2
fi
if [ "$1" = all ]; then
  chosen=("${targets[@]}")
else
  IFS=, read -r -a chosen <<< "$1"
  for target in "${chosen[@]}"; do
    if [[ " ${targets[*]} " != *" $target "* ]]; then
      echo "unknown target '$target'; use one of: ${targets[*]} or all" >&2
      exit 2
    fi
  done
fi
seconds=$2

if ! command -v afl-fuzz > /dev/null; then
  apt-get update -qq && apt-get install -y -qq afl++ > /dev/null
fi

bin=fuzz/out/bin
rm -rf "$bin"
nice -n 19 dotnet build fuzz/Parley.Fuzz -c Release -nologo -clp:ErrorsOnly -o "$bin" > /dev/null
rm -rf fuzz/corpus
dotnet "$bin/parley-fuzz.dll" corpus . fuzz/corpus > /dev/null
dotnet tool restore > /dev/null
for assembly in Parley.Formats.dll YamlDotNet.dll; do
  dotnet sharpfuzz "$bin/$assembly" > /dev/null
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
dictionary() {
  case $1 in
    yaml|overlay|detect) echo fuzz/dict/yaml.dict ;;
    json) echo fuzz/dict/json.dict ;;
    ktab-xml) echo fuzz/dict/xml.dict ;;
    *) echo fuzz/dict/csv.dict ;;
  esac
}

# Runs afl-fuzz on one target for $seconds; its findings go to fuzz/out/findings/TARGET.
fuzz() {
  local target=$1 findings=fuzz/out/findings/$1
  rm -rf "$findings"
  mkdir -p "$findings"
  nice -n 19 afl-fuzz -V "$seconds" -t 10000 -m none -x "$(dictionary "$target")" -i "fuzz/corpus/$target" -o "$findings" \
    -- dotnet "$bin/parley-fuzz.dll" "$target" > "$findings/afl.log" 2>&1
}

# Prints one line of figures from afl-fuzz's own statistics for a finished target.
report() {
  local target=$1 status=$2 findings=fuzz/out/findings/$1
  if [ "$status" -ne 0 ]; then
    echo "$target: afl-fuzz failed, see $findings/afl.log" >&2
    tail -n 20 "$findings/afl.log" >&2
    return
  fi
  local stats=$findings/default/fuzzer_stats
  get() { grep -E "^$1 +:" "$stats" | head -n 1 | sed 's/.*: *//'; }
  local crashes
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2> /dev/null | wc -l)
  echo "$target: $(get run_time) s, $(get execs_done) executions, $(get corpus_count) paths, $(get saved_crashes) crashes ($crashes saved), $(get saved_hangs) hangs"
}

if [ $parallel -eq 1 ]; then
  declare -A pids
  for target in "${chosen[@]}"; do
    fuzz "$target" &
    pids[$target]=$!
  done
  for target in "${chosen[@]}"; do
    status=0
    wait "${pids[$target]}" || status=$?
    report "$target" "$status"
  done
else
  for target in "${chosen[@]}"; do
    status=0
    fuzz "$target" || status=$?
    report "$target" "$status"
  done
fi
