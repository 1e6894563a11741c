using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Cli;

/// <summary>
/// The natively compiled <c>parley</c> (tools/publish.sh, Native AOT) runs the commands whose code is AOT-safe
/// itself and hands every other run to the ReadyToRun build published beside it (<c>jit/parley</c>), with the
/// same arguments, standard streams and exit code: on Unix by becoming it (<c>execve</c>, the same process, so
/// signals reach it), on Windows as a child process it waits for. Drafting (Microsoft.ML, ONNX Runtime), the store (Npgsql, DbUp,
/// reflection-based JSON), HTML reports and charts (ScottPlot, ECharts options built with reflection) and the
/// server (ASP.NET Core minimal APIs with reflection-based JSON) are not AOT-safe (docs/performance.md). The JIT
/// build (<c>dotnet run</c>, the tool package, the tests) never hands off.
/// </summary>
internal static class NativeHandOff
{
    /// <summary>
    /// Commands the native build runs itself (checked byte for byte by tools/check-published.sh). Not the
    /// analyses that run thousands of models on every core (influence, montecarlo, sensitivity): their code is
    /// AOT-safe, but the native binary dies in about one such run in 80 with a stale object reference, which
    /// neither the command-level ReadyToRun runs (0 in 70) nor the JIT build of an in-process reproducer (0 in
    /// four workloads, against 4 crashes in 5 for its native build) have shown (docs/performance.md, "A crash,
    /// seen three times"). They last seconds, so the ReadyToRun build's start-up (0.25 s) is small beside them,
    /// and its speed is about the same (CPU within 15 % either way on issue 18's analyses).
    /// </summary>
    private static readonly HashSet<string> NativeCommands = new(StringComparer.Ordinal)
    {
        "forecast", "whatif", "validate", "convert", "models", "backtest",
    };

    /// <summary>Options that reach the store, the HTML report or the chart images, whatever the command.</summary>
    private static readonly string[] JitOptions = ["--save", "--db", "--report", "--png", "--svg"];

    /// <summary>The help options System.CommandLine answers (those starting with '/' are no native command, so they hand off anyway).</summary>
    private static readonly string[] HelpOptions = ["--help", "-h", "-?"];

    /// <summary>
    /// Whether <paramref name="args"/> need the JIT build: a command outside the native set, an option reaching
    /// the store or the charts, or the help of <c>parley</c> itself, which lists every command, draft, report and
    /// serve among them, and only the JIT build has them all.
    /// </summary>
    internal static bool NeedsJit(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return false;
        }

        if (args[0].StartsWith('-'))
        {
            return args.Any(a => HelpOptions.Contains(a, StringComparer.Ordinal));
        }

        return !NativeCommands.Contains(args[0])
            || args.Any(a => JitOptions.Any(o => a == o || a.StartsWith(o + "=", StringComparison.Ordinal) || a.StartsWith(o + ":", StringComparison.Ordinal)));
    }

    /// <summary>The runtime setting that caps <see cref="System.Numerics.Vector{T}"/>'s width, in bits.</summary>
    internal const string VectorWidthVariable = "DOTNET_MaxVectorTBitWidth";

    /// <summary>
    /// Lets <see cref="System.Numerics.Vector{T}"/> be 512 bits wide in the ReadyToRun build, unless the user set
    /// its cap (<c>DOTNET_MaxVectorTBitWidth</c>, or the older <c>COMPlus_</c> prefix). The runtime keeps it at
    /// 256 bits on AVX-512 processors by default; SMP's loops other than the vote loop (coalitions, distances,
    /// bargain utilities) are written on <c>Vector&lt;T&gt;</c> and give the same bits at any width (each lane does
    /// the scalar operations in the same order), so twice the lanes cost nothing but time saved: on issue 18's
    /// AVX-512 machine 6-20 % less CPU for Monte Carlo with SMP and 5-9 % for influence (docs/performance.md,
    /// "512-bit Vector&lt;T&gt; for the analyses"). A processor without 512-bit vectors keeps its own width.
    /// </summary>
    internal static void WidenVectors(IDictionary<string, string?> environment)
    {
        if (!environment.ContainsKey(VectorWidthVariable) && !environment.ContainsKey("COMPlus_MaxVectorTBitWidth"))
        {
            environment[VectorWidthVariable] = "512";
        }
    }

    /// <summary>
    /// In the native build, runs <paramref name="args"/> in the ReadyToRun build beside it when they need it and
    /// returns its exit code; <c>null</c> to run here (the JIT build, a native command, or no JIT build beside).
    /// </summary>
    public static int? Run(string[] args)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !NeedsJit(args))
        {
            return null;
        }

        var jit = Path.Combine(AppContext.BaseDirectory, "jit", OperatingSystem.IsWindows() ? "parley.exe" : "parley");
        if (!File.Exists(jit))
        {
            return null;
        }

        var start = new ProcessStartInfo(jit) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        WidenVectors(start.Environment);
        if (!OperatingSystem.IsWindows())
        {
            // This process becomes the ReadyToRun build: the same process id, so a signal sent to it (kill, a
            // service manager's SIGTERM to `parley serve`) reaches the build doing the work, which stops as it
            // should, instead of ending a waiting parent and leaving its child serving. Returns only on failure.
            Exec(jit, [jit, .. args], start.Environment);
        }

        // Ctrl-C reaches both processes; this one waits for the other's exit code (CliConsole ignores the signal for it).
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Replaces this process by <paramref name="path"/> with <paramref name="arguments"/> (its own path first) and
    /// <paramref name="environment"/> (<c>execve(2)</c>); returns only when that fails.
    /// </summary>
    private static void Exec(string path, string[] arguments, IDictionary<string, string?> environment)
    {
        var argv = Utf8Strings(arguments);
        var envp = Utf8Strings([.. environment.Where(e => e.Value is not null).Select(e => $"{e.Key}={e.Value}")]);
        try
        {
            NativeMethods.Execve(path, argv, envp);
        }
        finally
        {
            foreach (var pointer in argv.Concat(envp))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>The strings as a null-terminated array of pointers to UTF-8 copies (freed with <see cref="Marshal.FreeCoTaskMem"/>).</summary>
    private static IntPtr[] Utf8Strings(string[] strings) => [.. strings.Select(Marshal.StringToCoTaskMemUTF8), IntPtr.Zero];

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA5392, CA2101 // A plain libc call; LibraryImport would need unsafe code for no gain here.
        [DllImport("libc", EntryPoint = "execve", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int Execve(string path, IntPtr[] argv, IntPtr[] envp);
#pragma warning restore SYSLIB1054, CA5392, CA2101
    }
}
