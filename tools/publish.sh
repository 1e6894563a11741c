#!/usr/bin/env bash
# Publishes the parley command for fast start-up: ReadyToRun (precompiled native code in every
# assembly, so a run JIT-compiles little), framework-dependent, for this machine's runtime
# identifier, with tiered PGO off (its instrumentation costs a short run more than it gains).
#   tools/publish.sh [OUT]      # default out/parley; then run OUT/parley
# Native AOT is not used: drafting (Microsoft.ML, ONNX Runtime), the charts (ScottPlot/SkiaSharp),
# the store (Npgsql, DbUp) and the server (ASP.NET Core) are not all AOT-safe (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/parley}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
dotnet publish src/Parley.Cli -c Release -r "${rid:-linux-x64}" --self-contained false \
  -p:PublishReadyToRun=true -p:TieredPGO=false -o "$out" -nologo -clp:ErrorsOnly
echo "published $out/parley"
