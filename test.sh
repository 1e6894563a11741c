#!/usr/bin/env bash
# Runs every test of the solution and closes with one plain line, "N passed, N failed, N skipped",
# counted from the test results. Exits non-zero when anything fails to build or any test fails.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No dynamic PGO for the build and the test processes: every one of them is short-lived (a compile, a test
# assembly, a child `parley`), so the instrumented tier's extra JIT work is never paid back. Measured on the
# 2-core machine (docs/performance.md, "Test suite"): a clean build 172 -> 111 s of CPU (two clones built side
# by side), Core.Tests 37-43 -> 25-29 s, Formats.Tests 9-10 -> 7.5-7.8 s (alternated runs). The compiler's
# output is the same bytes (deterministic build), and the tests' results do not depend on the JIT. The
# product itself keeps the runtime's defaults; PARLEY_TEST_PGO=1 keeps them for the suite too.
[ "${PARLEY_TEST_PGO:-0}" = 1 ] || export DOTNET_TieredPGO=0
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

# Test projects run in parallel, PARLEY_TEST_JOBS at a time (default 2: the CI machine's cores), each from
# the one build (no second build or MSBuild evaluation). They do not wait for the whole build: each test
# project's build leaves a stamp file (ParleyTestStamps, Directory.Build.targets) and its tests start as soon as
# it is there, so that tests use the second core while the build compiles the project chain (Core, Formats,
# Application, Server, Cli) one project at a time. Tests started before the build ends run at a lower priority
# (nice), so that they take only what the build leaves idle. Once the build is done, the projects still
# waiting start longest first. Each project's output is kept in its own log and printed whole when it ends.
jobs=${PARLEY_TEST_JOBS:-2}
case "$jobs" in ''|*[!0-9]*|0) jobs=2 ;; esac
work=$(mktemp -d)
logs=$work/logs stamps=$work/stamps
mkdir -p "$logs" "$stamps"
projects=()
for first in Browser Cli Server Core Drafting ExchangeDiff; do
  [ -f "tests/Parley.$first.Tests/Parley.$first.Tests.csproj" ] && projects+=("tests/Parley.$first.Tests/Parley.$first.Tests.csproj")
done
for project in tests/*/*.Tests.csproj; do
  case " ${projects[*]} " in *" $project "*) ;; *) projects+=("$project") ;; esac
done

# The build compiles through the compiler server (VBCSCompiler) even where the environment turns it off
# (UseSharedCompilation=false): one process that loads the compiler and the analyzers once, instead of one csc
# process per project that loads and JIT-compiles them again (a clean build's CPU time about a third lower).
# The server gets a pipe name of its own, so that this run neither uses nor stops anyone else's, and it is
# stopped when the build ends.
compiler_pipe="parley-test-$$-$RANDOM"
stop_compiler_server() {
  local cmdline pid
  for cmdline in /proc/[0-9]*/cmdline; do
    pid=${cmdline#/proc/}; pid=${pid%/cmdline}
    if tr '\0' ' ' 2>/dev/null <"$cmdline" | grep -q -- "VBCSCompiler.*-pipename:$compiler_pipe"; then
      kill "$pid" 2>/dev/null
    fi
  done
}
cleanup() {
  stop_compiler_server
  parley_postgres_stop 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# -graph: MSBuild schedules each project once its references are built. Without it the solution's requests went to
# the first free node and stayed there (16 of 20 projects on one node), so that after Application the projects
# compiled one at a time even where nothing held them back.
started=$SECONDS
dotnet build Parley.slnx -graph -c Release -nologo -clp:ErrorsOnly -p:UseSharedCompilation=true \
  "-p:SharedCompilationId=$compiler_pipe" "-p:ParleyTestStamps=$stamps/" >"$work/build.log" 2>&1 &
build_pid=$!

# PostgreSQL for the storage tests (stopped and removed on exit, even when tests fail), started while the build runs.
source .ci/postgres.sh
parley_postgres_start
trap cleanup EXIT

# Each project's test assembly goes to `dotnet test` directly: the same runner (VSTest) and results as
# `dotnet test PROJECT --no-build`, without starting MSBuild to evaluate the project again first
# (3 to 4 s of CPU per project, 10 projects on 2 cores).
framework=$(sed -n 's:.*<TargetFramework>\(.*\)</TargetFramework>.*:\1:p' Directory.Build.props | head -n 1)
run_project() {
  local project=$1 priority=$2 name assembly started=$SECONDS
  name=$(basename "$project" .csproj)
  assembly=$(dirname "$project")/bin/Release/$framework/$name.dll
  if [ ! -f "$assembly" ]; then
    echo "test.sh: $assembly was not built" >"$logs/$name.log"
    echo 1 >"$logs/$name.status"
  elif nice -n "$priority" dotnet test "$assembly" --logger "trx;LogFileName=$name.trx" --results-directory "$results" >"$logs/$name.log" 2>&1; then
    echo 0 >"$logs/$name.status"
  else
    echo 1 >"$logs/$name.status"
  fi
  cat "$logs/$name.log"
  echo "test.sh: $name took $((SECONDS - started)) s$([ "$priority" -ne 0 ] && echo " (started during the build)")"
}

# Starts waiting projects whose build is done while fewer than $jobs run. During the build the short projects
# run at nice 10; the three longest (Browser, Cli, Server: built last, and with tests that wait on wall-clock
# deadlines) never run niced. After the build, the niced runs return to normal priority. They count against $jobs
# throughout: when they did not after the build, three or four test processes shared the two cores and a browser
# test missed its 30 s deadline.
waiting=("${projects[@]}")
normal=() niced=()
building=1
build=0
alive() {
  local pid
  for pid in "$@"; do
    kill -0 "$pid" 2>/dev/null && echo "$pid"
  done
}
# Back to normal priority, once the build is done, for the runs started niced and every process under them (where
# allowed: lowering a niceness needs root; elsewhere they keep nice 10).
renice_tree() {
  local stat rest pid ppid parents=" $* " found=1
  while [ $found = 1 ]; do
    found=0
    for stat in /proc/[0-9]*/stat; do
      read -r pid rest <"$stat" 2>/dev/null || continue
      ppid=${rest##*) }; ppid=${ppid#* }; ppid=${ppid%% *}
      case "$parents" in *" $ppid "*) case "$parents" in *" $pid "*) ;; *) parents+="$pid "; found=1 ;; esac ;; esac
    done
  done
  for pid in $parents; do
    renice -n 0 -p "$pid" >/dev/null 2>&1
  done
}
start_ready() {
  local project name priority count still=()
  mapfile -t normal < <(alive "${normal[@]}")
  mapfile -t niced < <(alive "${niced[@]}")
  for project in "${waiting[@]}"; do
    name=$(basename "$project" .csproj)
    count=$((${#normal[@]} + ${#niced[@]}))
    if [ "$count" -lt "$jobs" ] && { [ "$building" = 0 ] || [ -f "$stamps/$name" ]; }; then
      priority=0
      case "$name" in Parley.Browser.Tests|Parley.Cli.Tests|Parley.Server.Tests) ;; *) [ "$building" = 1 ] && priority=10 ;; esac
      run_project "$project" "$priority" &
      if [ "$priority" = 0 ]; then normal+=($!); else niced+=($!); fi
    else
      still+=("$project")
    fi
  done
  waiting=("${still[@]}")
}
while :; do
  if ! kill -0 "$build_pid" 2>/dev/null; then
    wait "$build_pid"
    build=$?
    building=0
    stop_compiler_server
    renice_tree "${niced[@]}"
    cat "$work/build.log"
    echo "test.sh: build took $((SECONDS - started)) s"
    if [ $build -ne 0 ]; then
      echo "build failed (exit $build)"
      waiting=()
    fi
    break
  fi
  start_ready
  sleep 1
done
while [ "${#waiting[@]}" -gt 0 ]; do
  start_ready
  [ "${#waiting[@]}" -gt 0 ] && { wait -n; true; }
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
if [ $build -ne 0 ] || { [ $files -eq 0 ] && [ $status -ne 0 ]; }; then
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ $status -ne 0 ] || [ $failed -ne 0 ]; then
  exit 1
fi
exit 0
