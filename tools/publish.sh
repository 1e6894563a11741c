#!/usr/bin/env bash
# Publishes the parley command for fast start-up (issue 18):
#   OUT/parley      Native AOT: machine code, no runtime start-up, no JIT. Runs forecast, whatif, validate,
#                   convert, models and backtest itself (influence, montecarlo and sensitivity go to OUT/jit/parley:
#                   the native binary's intermittent crash, src/Parley.Cli/NativeHandOff.cs);
#   OUT/jit/parley  ReadyToRun (framework-dependent, tiered PGO off): the native binary hands it every other
#                   command and any --save/--db/--report/--png/--svg run (src/Parley.Cli/NativeHandOff.cs),
#                   since drafting (Microsoft.ML, ONNX Runtime), the store (Npgsql, DbUp), the charts and the
#                   server (ASP.NET Core) are not AOT-safe (docs/performance.md).
#   tools/publish.sh [OUT]      # default out/parley; then run OUT/parley
# Native AOT needs clang (or gcc) and zlib's headers (Debian: clang zlib1g-dev); without a C toolchain
# OUT/parley is the ReadyToRun build itself. The AOT compiler's trim/AOT warnings (all in code the native
# binary hands off) go to OUT/aot-warnings.log; check-published.sh compares the binary with `dotnet run`.
# The native binary is compiled for this machine's processor (PARLEY_AOT_ISA, default "native": the SIMD
# loops of SMP then use every lane the processor has, e.g. AVX-512). To publish for other machines, set it to
# an instruction set they all have, e.g. PARLEY_AOT_ISA=x86-64-v3 (AVX2) or x86-64-v2; results are the same
# bits on any width (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/parley}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
rid=${rid:-linux-x64}
rm -rf "$out/parley" "$out/jit" "$out/native" "$out/aot-warnings.log"
mkdir -p "$out"
nice -n 5 dotnet publish src/Parley.Cli -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -p:TieredPGO=false -o "$out/jit" -nologo -clp:ErrorsOnly
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  cp -a "$out/jit/." "$out/"
  echo "published $out/parley (ReadyToRun only: no C toolchain for Native AOT)"
  exit 0
fi
# Warnings are not errors here: the trim analysis flags the hand-off commands' reflection (listed in the log).
nice -n 5 dotnet publish src/Parley.Cli -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=false -p:IlcInstructionSet="${PARLEY_AOT_ISA:-native}" \
  -o "$out/native" -nologo >"$out/aot-publish.log" 2>&1 || { tail -n 30 "$out/aot-publish.log" >&2; exit 1; }
grep -oE '(warning|error) IL[0-9]+: .*' "$out/aot-publish.log" | sed 's/ \[[^]]*\]$//' | sort -u >"$out/aot-warnings.log" || true
mv "$out/native/parley" "$out/parley"
rm -rf "$out/native" "$out/aot-publish.log"
echo "published $out/parley (Native AOT; $(wc -l <"$out/aot-warnings.log") distinct trim/AOT warnings in $out/aot-warnings.log) and $out/jit/parley (ReadyToRun)"
