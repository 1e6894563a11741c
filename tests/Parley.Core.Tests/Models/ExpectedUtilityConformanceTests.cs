using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.ExpectedUtility;
using Parley.Formats;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models;

/// <summary>
/// The scholz-code variant against the log of the replication it follows
/// (bdm/emissions-1994.scholz-code.log), and both variants on the seventeen BDM cases.
/// </summary>
public sealed class ExpectedUtilityConformanceTests
{
    private const double EuTolerance = 1e-9;

    private static Scenario Load(string relativePath)
    {
        var result = ScenarioFiles.Read(ReferenceData.PathOf(relativePath));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    private static ModelOptions Options(string variant, int? rounds = null, bool trace = true) =>
        ModelOptions.Default.WithParameter("variant", variant) with { Rounds = rounds, Trace = trace };

    [ReferenceFact]
    public void ScholzCode_Emissions1994_ReproducesEveryMoveAndMeanOfTheLog()
    {
        var log = ScholzCodeLog.Parse(File.ReadAllLines(ReferenceData.PathOf("bdm/emissions-1994.scholz-code.log")));
        Assert.Equal(10, log.Rounds.Count);
        var scenario = Load("bdm/emissions-1994.csv");

        var result = new ExpectedUtilityModel().Run(scenario, Options("scholz-code", log.Rounds.Count));

        var rounds = result.Rounds.Cast<ExpectedUtilityRound>().ToList();
        Assert.Equal(log.Rounds.Count, rounds.Count);
        var summary = ((ExpectedUtilityDetails)result.Details!).Issues.Single();
        Assert.Equal(log.InitialMean, summary.InitialMean, 12);
        Assert.Equal(log.InitialMedian, summary.InitialMedian, 12);
        for (var r = 0; r < rounds.Count; r++)
        {
            var expected = log.Rounds[r];
            var moves = rounds[r].Offers.Where(o => o.Accepted).ToList();
            Assert.True(expected.Moves.Count == moves.Count, $"round {r + 1}: {moves.Count} moves, the log has {expected.Moves.Count}");
            for (var m = 0; m < moves.Count; m++)
            {
                var (want, got) = (expected.Moves[m], moves[m]);
                var where = $"round {r + 1}, move {m + 1} ({want.Receiver} from {want.Proposer})";
                Assert.True(want.Receiver == got.To && want.Proposer == got.From, $"{where}: got {got.To} from {got.From}");
                Assert.True(want.Type == got.Type, $"{where}: type {got.Type}");
                Assert.True(Math.Abs(want.ReceiverEu - got.ReceiverEu) <= EuTolerance, $"{where}: E_i {got.ReceiverEu:R} vs {want.ReceiverEu:R}");
                Assert.True(Math.Abs(want.ProposerEu - got.ProposerEu) <= EuTolerance, $"{where}: E_j {got.ProposerEu:R} vs {want.ProposerEu:R}");
                Assert.True(Math.Abs(want.NewPosition - got.NewPosition) <= 1e-9, $"{where}: new position {got.NewPosition:R} vs {want.NewPosition:R}");
            }

            Assert.True(Math.Abs(expected.Mean - rounds[r].Mean) <= 1e-9, $"round {r + 1}: mean {rounds[r].Mean:R} vs {expected.Mean:R}");
        }
    }

    [ReferenceFact]
    public void ScholzCode_Emissions1994_FinalPositionsMatchTheLastLoggedMoves()
    {
        var scenario = Load("bdm/emissions-1994.csv");

        var result = new ExpectedUtilityModel().Run(scenario, Options("scholz-code", 10));

        var positions = result.Issues.Single().Positions.ToDictionary(p => p.ActorId, p => p.Position);
        var last = (ExpectedUtilityRound)result.Rounds[^1];
        Assert.Equal(last.Positions, positions);
        Assert.Equal(4.291541224979646, positions["Belgium"], 9);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var files = ReferenceData.Directory is { } root
            ? Directory.GetFiles(Path.Combine(root, "bdm", "cases"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : ["emissions_bdm1994.csv"];
        foreach (var file in files)
        {
            data.Add(file!, "scholz");
            data.Add(file!, "scholz-code");
        }

        return data;
    }

    [ReferenceTheory]
    [ReferenceMemberData(nameof(Cases))]
    public void BothVariants_EveryCase_StayOnTheScaleAndReportConsistentRounds(string file, string variant)
    {
        var scenario = Load("bdm/cases/" + file);
        var issue = scenario.Issues.Single();

        var result = new ExpectedUtilityModel().Run(scenario, Options(variant));

        var summary = ((ExpectedUtilityDetails)result.Details!).Issues.Single();
        Assert.InRange(result.RoundsRun, 1, ExpectedUtilityModel.DefaultMaxRounds);
        Assert.Equal(result.RoundsRun, result.Rounds.Length);
        var last = (ExpectedUtilityRound)result.Rounds[^1];
        Assert.Equal(summary.FinalMedian, last.Median);
        Assert.Equal(summary.FinalMedian, result.Issues.Single().Forecast);
        Assert.All(last.Positions.Values, p => Assert.InRange(p, issue.ScaleMin, issue.ScaleMax));
        Assert.All(last.RiskExponents.Values, r => Assert.InRange(r, 0.5 - 1e-12, 2.0 + 1e-12));
        if (summary.Converged)
        {
            var before = result.Rounds.Length > 1 ? ((ExpectedUtilityRound)result.Rounds[^2]).Median : summary.InitialMedian;
            Assert.True(Math.Abs(last.Median - before) <= summary.Tolerance);
        }
    }

    /// <summary>The replication's log: initial statistics, then per round its moves and mean.</summary>
    private sealed record ScholzCodeLog(double InitialMedian, double InitialMean, List<LoggedRound> Rounds)
    {
        public static ScholzCodeLog Parse(string[] lines)
        {
            double? initialMedian = null, initialMean = null;
            var rounds = new List<LoggedRound>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("ROUND ", StringComparison.Ordinal))
                {
                    rounds.Add(new LoggedRound([]));
                }
                else if (line.StartsWith("Median position: ", StringComparison.Ordinal) && rounds.Count == 0)
                {
                    initialMedian = Number(line["Median position: ".Length..]);
                }
                else if (line.StartsWith("Mean position: ", StringComparison.Ordinal))
                {
                    var mean = Number(line["Mean position: ".Length..]);
                    if (rounds.Count == 0)
                    {
                        initialMean = mean;
                    }
                    else
                    {
                        rounds[^1] = rounds[^1] with { Mean = mean };
                    }
                }
                else if (TryMove(line, out var receiver, out var proposer, out var type))
                {
                    var eus = lines[i + 1].Trim().Split(" vs ");
                    var position = lines[i + 2].Trim();
                    Assert.StartsWith("new_pos = ", position);
                    rounds[^1].Moves.Add(new LoggedMove(receiver, proposer, type, Number(eus[0]), Number(eus[1]), Number(position["new_pos = ".Length..])));
                    i += 2;
                }
            }

            return new ScholzCodeLog(initialMedian!.Value, initialMean!.Value, rounds);
        }

        private static bool TryMove(string line, out string receiver, out string proposer, out string type)
        {
            foreach (var (separator, kind) in new[] { (" loses confrontation to ", "confrontation"), (" compromises with ", "compromise"), (" capitulates to ", "capitulation") })
            {
                var at = line.IndexOf(separator, StringComparison.Ordinal);
                if (at > 0)
                {
                    (receiver, proposer, type) = (line[..at], line[(at + separator.Length)..], kind);
                    return true;
                }
            }

            (receiver, proposer, type) = (string.Empty, string.Empty, string.Empty);
            return false;
        }

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private sealed record LoggedRound(List<LoggedMove> Moves)
    {
        public double Mean { get; init; } = double.NaN;
    }

    private sealed record LoggedMove(string Receiver, string Proposer, string Type, double ReceiverEu, double ProposerEu, double NewPosition);
}
