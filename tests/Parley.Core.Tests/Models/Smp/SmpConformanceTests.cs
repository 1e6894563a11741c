using System.Globalization;
using Parley.Core.Models;
using Parley.Core.Models.Smp;
using Parley.Formats;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models.Smp;

public sealed class SmpConformanceTests
{
    private static (ModelResult Result, SmpDetails Details) RunKtab(string file)
    {
        var read = ScenarioFiles.Read(ReferenceData.PathOf(Path.Combine("ktab", file)), ScenarioFormat.KtabCsv);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        var result = new SmpModel().Run(read.Scenario!, ModelOptions.Default);
        return (result, Assert.IsType<SmpDetails>(result.Details));
    }

    [ReferenceFact]
    public void Smp_DummyData3Dim_SameNumberOfTurnsAsKtab()
    {
        var log = KtabReferenceLog.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.reference-output.txt"));
        var (result, details) = RunKtab("dummyData_3Dim.csv");

        Assert.Equal(11, log.States);
        Assert.Equal(log.States, details.History.Length);
        Assert.Equal(log.States - 1, result.RoundsRun);
        Assert.True(result.Converged);
    }

    [ReferenceFact]
    public void Smp_DummyData3Dim_PositionsMatchKtabEveryTurnToOneDecimal()
    {
        var log = KtabReferenceLog.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.reference-output.txt"));
        var (_, details) = RunKtab("dummyData_3Dim.csv");

        Assert.Equal(7 * 3, log.Positions.Count);
        var mismatches = new List<string>();
        foreach (var ((actor, dimension), printed) in log.Positions)
        {
            var d = details.Dimensions.IndexOf(dimension);
            Assert.True(d >= 0, $"dimension {dimension} missing");
            for (var t = 0; t < printed.Length; t++)
            {
                var ours = details.History[t].Positions[actor][d].ToString("F1", CultureInfo.InvariantCulture);
                if (ours != printed[t])
                {
                    mismatches.Add($"{actor} {dimension} turn {t}: KTAB {printed[t]}, Parley {ours}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [ReferenceFact]
    public void Smp_DummyData3Dim_WinningProbabilitiesMatchKtabToFourDecimals()
    {
        var log = KtabReferenceLog.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.reference-output.txt"));
        var (_, details) = RunKtab("dummyData_3Dim.csv");

        Assert.Equal(7, log.Probabilities.Count);
        var mismatches = new List<string>();
        foreach (var (actor, printed) in log.Probabilities)
        {
            for (var t = 0; t < printed.Length; t++)
            {
                var ours = details.History[t].Probabilities[actor].ToString("F4", CultureInfo.InvariantCulture);
                if (ours != printed[t])
                {
                    mismatches.Add($"{actor} turn {t}: KTAB {printed[t]}, Parley {ours}");
                }
            }
        }

        Assert.Empty(mismatches);
    }
}
