#!/usr/bin/env bash
# Checks that the published parley (tools/publish.sh: Native AOT) prints exactly what the JIT build
# (`dotnet run`) prints: standard output, standard error and exit code, byte for byte, for the small
# forecasts the start-up figures time and their JSON documents, and for SMP analyses the native binary
# hands to its ReadyToRun build (which runs them with 512-bit Vector<T> where the processor has it).
# Nothing here gates ./test.sh.
#   tools/check-published.sh [BIN]        # default out/parley/parley; exits 1 on any difference
# PARLEY_REFERENCE names another command to compare with instead of `dotnet run` (say out/parley/jit/parley).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-out/parley/parley}
shared=${PARLEY_SHARED:-../shared}
ktab=$shared/reference/ktab/dummyData_3Dim.csv
ktab27=$shared/reference/ktab/dummyData_6Dim.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "check-published: no binary at $bin; run tools/publish.sh first" >&2; exit 2; }
if [ -n "${PARLEY_REFERENCE:-}" ]; then
  jit=("$PARLEY_REFERENCE")
else
  nice -n 5 dotnet build src/Parley.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null || exit 2
  jit=(dotnet run --no-build -c Release --project src/Parley.Cli --)
fi

cases=(
  "--version"
  "--help"
  "forecast --help"
  "forecast --model compromise"
  "forecast --model compromise --json"
  "forecast --model all"
  "forecast --model all --json --trace"
  "forecast --model all --stages"
  "models"
  "validate scenarios/alaska-2025.yaml"
  "convert scenarios/alaska-2025.yaml --to json"
  "convert scenarios/alaska-2025.yaml --to yaml"
  "forecast --model nosuchmodel"
  "forecast /nonexistent.yaml"
  "influence --model smp --json"
  "sensitivity --model smp --json"
)
if [ -f "$ktab" ] && [ -f "$ktab27" ]; then
  cases+=("forecast $ktab --model smp" "forecast $ktab --model smp --json --trace"
    "montecarlo $ktab27 --model smp --draws 200 --json")
else
  echo "check-published: $ktab or $ktab27 absent; the KTAB cases are skipped" >&2
fi

failed=0
for c in "${cases[@]}"; do
  # shellcheck disable=SC2086
  "$bin" $c >"$work/a.out" 2>"$work/a.err"; a=$?
  # shellcheck disable=SC2086
  "${jit[@]}" $c >"$work/j.out" 2>"$work/j.err"; j=$?
  if [ "$a" = "$j" ] && cmp -s "$work/a.out" "$work/j.out" && cmp -s "$work/a.err" "$work/j.err"; then
    echo "same  (exit $a, $(wc -c <"$work/a.out") bytes)  parley $c"
  else
    echo "DIFF  (exit $a vs $j)  parley $c"
    diff "$work/j.out" "$work/a.out" | head -n 10
    diff "$work/j.err" "$work/a.err" | head -n 10
    failed=1
  fi
done
# A signal sent to the process the user started reaches the build doing the work: a handed-off command (here
# `serve`) runs in that same process (exec), so SIGTERM stops it and nothing is left serving (no child process).
"$bin" serve --port 0 --db "$work/serve.db" >"$work/serve.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "serving http" "$work/serve.out" && break; sleep 0.2; done
children=$(pgrep -P "$pid" | wc -l)
kill -TERM "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
if ! grep -q "serving http" "$work/serve.out" || [ "$children" != 0 ] || kill -0 "$pid" 2>/dev/null; then
  echo "DIFF  parley serve: banner $(grep -c "serving http" "$work/serve.out"), $children child process(es), $(kill -0 "$pid" 2>/dev/null && echo "still running 20 s after SIGTERM" || echo "stopped")"
  pkill -KILL -P "$pid" 2>/dev/null; kill -KILL "$pid" 2>/dev/null
  failed=1
else
  echo "same  (one process, stopped by SIGTERM)  parley serve"
fi
exit $failed
