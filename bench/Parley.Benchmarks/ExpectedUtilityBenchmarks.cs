using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.ExpectedUtility;
using Parley.Formats;

namespace Parley.Benchmarks;

/// <summary>
/// The expected utility model: synthetic one-issue scenarios of growing size, both variants.
/// <c>Rounds</c> is fixed so that every size plays the same number of rounds (no convergence stop).
/// </summary>
[MemoryDiagnoser]
public class ExpectedUtilitySizeBenchmarks
{
    private static readonly ExpectedUtilityModel Model = new();
    private Scenario scenario = null!;
    private ModelOptions options = null!;

    [Params(10, 100, 200, 500, 1000)]
    public int Actors { get; set; }

    [Params(20)]
    public int Rounds { get; set; }

    [Params("scholz", "scholz-code")]
    public string Variant { get; set; } = "scholz";

    [GlobalSetup]
    public void Setup()
    {
        scenario = Synthetic(Actors);
        options = ModelOptions.Default.WithParameter("variant", Variant) with { Rounds = Rounds };
    }

    [Benchmark]
    public double Run() => Model.Run(scenario, options).Issues[0].Forecast;

    /// <summary>n actors on a 0–100 issue, spread by low-discrepancy sequences (deterministic, no ties).</summary>
    internal static Scenario Synthetic(int count)
    {
        static double Fraction(double value) => value - Math.Floor(value);
        var issue = new Issue { Id = "issue", Name = "Issue", ScaleMin = 0, ScaleMax = 100 };
        return new Scenario
        {
            Id = "synthetic",
            Title = "Synthetic",
            Issues = [issue],
            Actors = [.. Enumerable.Range(0, count).Select(i => new Actor { Id = $"a{i}", Name = $"Actor {i}", Capability = 1 + (9 * Fraction(i * 0.5698402909980532)) })],
            Stances = [.. Enumerable.Range(0, count).Select(i => new Stance
            {
                ActorId = $"a{i}",
                IssueId = "issue",
                Position = 100 * Fraction(0.5 + (i * 0.6180339887498949)),
                Salience = 0.05 + (0.95 * Fraction(i * 0.7548776662466927)),
            })],
        };
    }
}

/// <summary>The seventeen BDM cases of <c>../shared/reference/bdm/cases</c>, ten rounds each (divide by 10 for a round).</summary>
[MemoryDiagnoser]
public class ExpectedUtilityCaseBenchmarks
{
    private static readonly ExpectedUtilityModel Model = new();
    private Scenario scenario = null!;
    private ModelOptions options = null!;

    public static IEnumerable<string> CaseNames() =>
        CasesFolder() is { } folder
            ? Directory.GetFiles(folder, "*.csv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!
            : [];

    [ParamsSource(nameof(CaseNames))]
    public string Case { get; set; } = string.Empty;

    [Params("scholz", "scholz-code")]
    public string Variant { get; set; } = "scholz";

    [GlobalSetup]
    public void Setup()
    {
        var result = ScenarioFiles.Read(Path.Combine(CasesFolder()!, Case + ".csv"));
        scenario = result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        options = ModelOptions.Default.WithParameter("variant", Variant) with { Rounds = 10 };
    }

    [Benchmark]
    public double TenRounds() => Model.Run(scenario, options).Issues[0].Forecast;

    internal static string? Folder() => CasesFolder();

    private static string? CasesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "..", "shared", "reference", "bdm", "cases");
                return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
            }
        }

        return null;
    }
}
