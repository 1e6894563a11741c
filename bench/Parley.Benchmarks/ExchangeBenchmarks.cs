using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Formats;

namespace Parley.Benchmarks;

/// <summary>
/// The exchange model, 10 rounds of plain equal gain: the Decide reference's cop21 data set
/// (15 actors x 13 issues, read from ../shared/reference beside the repository) and synthetic
/// scenarios to show how the cost grows with actors and issues.
/// </summary>
[MemoryDiagnoser]
public class ExchangeBenchmarks
{
    private readonly ExchangeModel model = new();
    private Scenario scenario = null!;

    /// <summary><c>cop21</c>, or synthetic <c>ACTORSxISSUES</c>.</summary>
    [Params("cop21", "25x10", "50x10", "100x10", "50x20", "50x30")]
    public string Case { get; set; } = "cop21";

    [GlobalSetup]
    public void Setup() => scenario = ExchangeCases.Load(Case);

    [Benchmark]
    public ModelResult TenRounds() => model.Run(scenario, new ModelOptions { Rounds = 10 });
}

/// <summary>The large synthetic case, 200 actors x 30 issues x 10 rounds: seconds per run, so a few measured runs only.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExchangeLargeBenchmarks
{
    private readonly ExchangeModel model = new();
    private Scenario scenario = null!;

    [Params("200x30")]
    public string Case { get; set; } = "200x30";

    [GlobalSetup]
    public void Setup() => scenario = ExchangeCases.Load(Case);

    [Benchmark]
    public ModelResult TenRounds() => model.Run(scenario, new ModelOptions { Rounds = 10 });
}

internal static class ExchangeCases
{
    public static Scenario Load(string name)
    {
        if (name == "cop21")
        {
            return Reference("decide/cop21.csv");
        }

        var parts = name.Split('x');
        return SyntheticScenarios.Create(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A scenario read from ../shared/reference.</summary>
    internal static Scenario Reference(string relative)
    {
        var result = ScenarioFiles.Read(ReferenceFile(relative));
        return result.Scenario ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    /// <summary>A file of ../shared/reference beside the repository.</summary>
    internal static string ReferenceFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "reference", relative);
            }
        }

        throw new FileNotFoundException("../shared/reference is not beside the repository", relative);
    }
}
