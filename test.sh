#!/usr/bin/env bash
# Runs every test of the solution and closes with one plain line, "N passed, N failed, N skipped",
# counted from the test results. Exits non-zero when anything fails to build or any test fails.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(pwd)/TestResults"

# The browser tests drive Debian's chromium (Playwright through its executable path, no browser
# download). PARLEY_CHROMIUM names another chromium; PARLEY_SKIP_BROWSER=1 lets them skip instead.
if [ ! -x /usr/bin/chromium ] && [ -z "${PARLEY_CHROMIUM:-}" ] && [ "${PARLEY_SKIP_BROWSER:-0}" != 1 ]; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "test.sh: could not install chromium (apt-get as root); install it, or set PARLEY_SKIP_BROWSER=1 to skip the browser tests"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
rm -rf "$results"

started=$SECONDS
dotnet build Parley.slnx -c Release -nologo -clp:ErrorsOnly
build=$?
echo "test.sh: build took $((SECONDS - started)) s"
if [ $build -ne 0 ]; then
  echo "build failed (exit $build)"
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL for the storage tests (stopped and removed on exit, even when tests fail).
source .ci/postgres.sh
parley_postgres_start

# Test projects run in parallel, PARLEY_TEST_JOBS at a time (default 2: the CI machine's cores), all
# from the one build above (--no-build). Each project's output is kept in its own log and printed
# whole when it ends, so that the projects' lines do not interleave. The longest projects start first.
jobs=${PARLEY_TEST_JOBS:-2}
case "$jobs" in ''|*[!0-9]*|0) jobs=2 ;; esac
logs=$(mktemp -d)
projects=()
for first in Browser Cli Server Core Drafting ExchangeDiff; do
  [ -f "tests/Parley.$first.Tests/Parley.$first.Tests.csproj" ] && projects+=("tests/Parley.$first.Tests/Parley.$first.Tests.csproj")
done
for project in tests/*/*.Tests.csproj; do
  case " ${projects[*]} " in *" $project "*) ;; *) projects+=("$project") ;; esac
done

# Each project's test assembly goes to `dotnet test` directly: the same runner (VSTest) and results as
# `dotnet test PROJECT --no-build`, without starting MSBuild to evaluate the project again first
# (3 to 4 s of CPU per project, 10 projects on 2 cores).
framework=$(sed -n 's:.*<TargetFramework>\(.*\)</TargetFramework>.*:\1:p' Directory.Build.props | head -n 1)
run_project() {
  local project=$1 name assembly started=$SECONDS
  name=$(basename "$project" .csproj)
  assembly=$(dirname "$project")/bin/Release/$framework/$name.dll
  if [ ! -f "$assembly" ]; then
    echo "test.sh: $assembly was not built" >"$logs/$name.log"
    echo 1 >"$logs/$name.status"
  elif dotnet test "$assembly" --logger "trx;LogFileName=$name.trx" --results-directory "$results" >"$logs/$name.log" 2>&1; then
    echo 0 >"$logs/$name.status"
  else
    echo 1 >"$logs/$name.status"
  fi
  cat "$logs/$name.log"
  echo "test.sh: $name took $((SECONDS - started)) s"
}

running=0
for project in "${projects[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_project "$project" &
  running=$((running + 1))
done
wait

status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  if [ "$(cat "$logs/$name.status" 2>/dev/null)" != 0 ]; then
    echo "test.sh: $name failed"
    status=1
  fi
done
rm -rf "$logs"

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ $files -eq 0 ] && [ $status -ne 0 ]; then
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ $status -ne 0 ] || [ $failed -ne 0 ]; then
  exit 1
fi
exit 0
