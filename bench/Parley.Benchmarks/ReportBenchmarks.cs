using BenchmarkDotNet.Attributes;
using Parley.Cli;

namespace Parley.Benchmarks;

/// <summary>
/// The whole <c>parley report</c> command in-process, as a user runs it: the built-in Alaska
/// scenario with every model traced, the staged forecast, Monte Carlo and sensitivity with
/// <see cref="Draws"/> draws, the influence analysis, the HTML written to a file.
/// Issue 14's target: under 3 s with 10,000 draws.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string folder = null!;
    private int run;

    [Params(0, 10_000)]
    public int Draws { get; set; }

    [GlobalSetup]
    public void Setup() => folder = Directory.CreateTempSubdirectory("parley-report-bench-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public int AlaskaReportAllModels()
    {
        var target = Path.Combine(folder, $"report-{run++}.html");
        var exit = ParleyApp.Run(["report", "-o", target, "--model", "all", "--stages", "--draws", Draws.ToString(System.Globalization.CultureInfo.InvariantCulture)], new CliConsole(TextWriter.Null, TextWriter.Null, redirected: true));
        File.Delete(target);
        return exit == 0 ? exit : throw new InvalidOperationException($"parley report exited {exit}");
    }
}
