using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Blocs;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;
using Parley.Formats;

namespace Parley.Core.Tests.Models;

/// <summary>
/// An actor without a stance on an issue does not bargain on it, in any model: delegation members
/// listed under their state (issue 12, item 13) are represented by it, not run at the status quo.
/// </summary>
public sealed class StancelessActorTests
{
    private static Scenario Alaska()
    {
        var path = Path.Combine(RepositoryRoot(), "scenarios", "alaska-2025.yaml");
        var read = ScenarioFiles.Read(path);
        Assert.Empty(read.Diagnostics);
        return read.Scenario!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The scenario with every actor that takes no stance removed (and dropped from members and stages).</summary>
    private static Scenario WithoutStanceless(Scenario scenario)
    {
        var speaking = scenario.Stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
        return scenario with
        {
            Actors = [.. scenario.Actors.Where(a => speaking.Contains(a.Id)).Select(a => a with { Members = [.. a.Members.Where(speaking.Contains)] })],
            Stages = [.. scenario.Stages.Select(s => s with { Participants = [.. s.Participants.Where(speaking.Contains)] })],
        };
    }

    private static void AssertSameForecasts(ModelResult expected, ModelResult actual, string because)
    {
        Assert.Equal(expected.Issues.Select(i => i.IssueId), actual.Issues.Select(i => i.IssueId));
        for (var k = 0; k < expected.Issues.Length; k++)
        {
            Assert.True(
                expected.Issues[k].Forecast.Equals(actual.Issues[k].Forecast),
                $"{because}: {expected.Issues[k].IssueId} {expected.Issues[k].Forecast} vs {actual.Issues[k].Forecast}");
        }

        Assert.Equal(expected.RoundsRun, actual.RoundsRun);
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void Alaska_DelegationMembersWithoutStances_ChangeNoForecast(string variant)
    {
        var (model, options) = ModelVariants.Named(variant);
        var alaska = Alaska();
        Assert.Equal(15, alaska.Actors.Length);
        var withoutMembers = WithoutStanceless(alaska);
        Assert.Equal(5, withoutMembers.Actors.Length);

        AssertSameForecasts(model.Run(withoutMembers, options), model.Run(alaska, options), variant);
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void Alaska_BlocsMergeAndSplit_GiveTheAsWrittenForecast_StagedAndUnstaged(string variant)
    {
        // docs/stages.md: the members carry no stances, so merge and split leave the forecasts unchanged.
        var (model, options) = ModelVariants.Named(variant);
        var alaska = Alaska();
        var asWritten = model.Run(alaska, options);
        AssertSameForecasts(asWritten, model.Run(BlocTransform.Merge(alaska), options), "merge");
        AssertSameForecasts(asWritten, model.Run(BlocTransform.Split(alaska), options), "split");

        var staged = StagedForecaster.Run(alaska, model, options);
        foreach (var mode in new[] { BlocMode.Merge, BlocMode.Split })
        {
            var other = StagedForecaster.Run(BlocTransform.Apply(alaska, mode), model, options);
            Assert.Equal(staged.Stages.Length, other.Stages.Length);
            for (var s = 0; s < staged.Stages.Length; s++)
            {
                AssertSameForecasts(staged.Stages[s].Result, other.Stages[s].Result, $"{mode} stage {staged.Stages[s].Stage.Id}");
            }
        }
    }

    [Fact]
    public void Smp_Alaska_OnlyTheFiveStatesBargain()
    {
        var result = ModelCatalog.Find("smp")!.Run(Alaska(), ModelOptions.Default with { Trace = true });
        string[] states = ["usa", "rus", "ukr", "europe", "uk"];
        var details = Assert.IsType<Parley.Core.Models.Smp.SmpDetails>(result.Details);
        Assert.Equal(states.Order(StringComparer.Ordinal), details.History[^1].Positions.Keys);
        foreach (var round in result.Rounds.Cast<Parley.Core.Models.Smp.SmpRoundTrace>())
        {
            Assert.All(round.Challenges, c => Assert.Contains(c.Initiator, states));
            Assert.All(round.Challenges, c => Assert.Contains(c.Target, states));
        }

        Assert.All(result.Issues, i => Assert.Equal(states.Length, i.Positions.Length));
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void AddingActorsWithoutStances_ChangesNothing(string variant)
    {
        var (model, options) = ModelVariants.Named(variant);
        Gen.Select(ScenarioGen.Scenarios(minCapability: 0.5), Gen.Int[1, 4], Gen.Double[0, 1000]).Sample(
            (scenario, extra, capability) =>
            {
                var silent = Enumerable.Range(0, extra)
                    .Select(i => new Actor { Id = $"silent{i}", Name = $"Silent {i}", Kind = ActorKind.Person, Capability = capability })
                    .ToArray();

                // Silent actors interleaved with the speaking ones, and listed as members of the first.
                var actors = new List<Actor>();
                for (var i = 0; i < scenario.Actors.Length; i++)
                {
                    actors.Add(i == 0 ? scenario.Actors[i] with { Members = [.. silent.Select(a => a.Id)] } : scenario.Actors[i]);
                    if (i < silent.Length)
                    {
                        actors.Add(silent[i]);
                    }
                }

                var crowded = scenario with { Actors = [.. actors] };
                AssertSameForecasts(model.Run(scenario, options), model.Run(crowded, options), variant);
            },
            iter: 12);
    }

    [Fact]
    public void Smp_ActorWithAStanceOnOneIssueOnly_DoesNotSpeakForTheOther()
    {
        // a and b disagree on both issues; c cares only about issue y and is far stronger. c's
        // placeholder coordinate on x (the status quo, 0) must not be a forecast on x: every
        // distinct position counted on x is held by a or b, so the forecast on x stays within
        // [a's x, b's x] = [40, 60].
        var issues = ImmutableArray.Create(
            new Issue { Id = "x", Name = "X", StatusQuo = 0 },
            new Issue { Id = "y", Name = "Y", StatusQuo = 0 });
        var scenario = new Scenario
        {
            Id = "partial",
            Title = "Partial stances",
            Issues = issues,
            Actors =
            [
                new Actor { Id = "a", Name = "A", Capability = 10 },
                new Actor { Id = "b", Name = "B", Capability = 10 },
                new Actor { Id = "c", Name = "C", Capability = 100 },
            ],
            Stances =
            [
                new Stance { ActorId = "a", IssueId = "x", Position = 40, Salience = 0.5 },
                new Stance { ActorId = "a", IssueId = "y", Position = 20, Salience = 0.5 },
                new Stance { ActorId = "b", IssueId = "x", Position = 60, Salience = 0.5 },
                new Stance { ActorId = "b", IssueId = "y", Position = 80, Salience = 0.5 },
                new Stance { ActorId = "c", IssueId = "y", Position = 90, Salience = 1 },
            ],
        };

        var result = ModelCatalog.Find("smp")!.Run(scenario, ModelOptions.Default);
        Assert.InRange(result.ForIssue("x")!.Forecast, 40, 60);
        Assert.Equal(["a", "b"], result.ForIssue("x")!.Positions.Select(p => p.ActorId));
        Assert.Equal(["a", "b", "c"], result.ForIssue("y")!.Positions.Select(p => p.ActorId));
    }
}
