using Parley.Fuzz;

namespace Parley.Formats.Tests;

/// <summary>
/// Replays every input the fuzzing campaigns found crashing (FuzzRegressions/TARGET/FILE, see
/// docs/reliability.md) through the same target as the fuzzer: each must now give a scenario or
/// located diagnostics. Also replays the sample files through every target, valid or not for it.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "FuzzRegressions");

    public static TheoryData<string, string> SavedInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void EveryRegressionFolder_IsAFuzzTarget()
    {
        Assert.All(Directory.GetDirectories(Root), folder => Assert.Contains(Path.GetFileName(folder), FuzzTargets.All.Keys));
        Assert.NotEmpty(SavedInputs());
    }

    [Theory]
    [MemberData(nameof(SavedInputs))]
    public void SavedCrash_NowGivesAScenarioOrLocatedDiagnostics(string target, string file)
    {
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(Root, target, file)));
    }

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void EverySampleFile_HoldsThePropertyOnEveryTarget(string target)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples")))
        {
            FuzzTargets.Run(target, File.ReadAllBytes(file));
        }
    }
}
