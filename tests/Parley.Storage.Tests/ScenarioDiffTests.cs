using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Storage.Tests;

public sealed class ScenarioDiffTests
{
    [Fact]
    public void Between_SameScenario_IsEmpty()
    {
        Assert.Empty(ScenarioDiff.Between(TestScenarios.Alaska(), TestScenarios.Alaska()));
    }

    [Fact]
    public void Between_EditedVersion_ListsEveryAddedRemovedAndChangedPart()
    {
        var older = TestScenarios.Alaska();
        var usaCeasefire = older.FindStance("usa", "ceasefire")!;
        var ukrSanctions = older.FindStance("ukr", "sanctions")!;
        var newEvidence = new Evidence(EvidenceKind.AnalystJudgement, "Pressure from Congress makes a softer line likely.");
        var newer = older with
        {
            Actors = [.. older.Actors.Where(a => a.Id != "starmer"), new Actor { Id = "macron", Name = "Emmanuel Macron", Kind = ActorKind.Person }],
            Stances = [.. older.Stances.Select(s => s == usaCeasefire
                    ? s with { Position = 75, Salience = 0.7, Capability = 90, Evidence = s.Evidence.Add(newEvidence) }
                    : s)
                .Where(s => s != ukrSanctions)],
            Issues = [.. older.Issues.Select(i => i.Id == "arms" ? i with { StatusQuo = 40 } : i)],
        };

        var changes = ScenarioDiff.Between(older, newer).Select(c => c.ToString()).ToList();

        Assert.Equal(
            [
                "+ actor macron: Emmanuel Macron",
                "- actor starmer: Keir Starmer",
                $"~ issue arms: status quo {older.FindIssue("arms")!.StatusQuo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} -> 40",
                $"~ stance usa on ceasefire: position {usaCeasefire.Position} -> 75",
                $"~ stance usa on ceasefire: salience {usaCeasefire.Salience} -> 0.7",
                "~ stance usa on ceasefire: capability (none) -> 90",
                "+ evidence stance usa on ceasefire: analyst judgement \"Pressure from Congress makes a softer line likely.\"",
                $"- stance ukr on sanctions: position {ukrSanctions.Position}, salience {ukrSanctions.Salience}",
            ],
            changes);
    }

    [Fact]
    public void Between_Changes_CarryTheirPartsAsDataForAnApi()
    {
        var older = TestScenarios.Alaska();
        var newer = older with { Stances = [.. older.Stances.Select(s => s.ActorId == "rus" && s.IssueId == "territory" ? s with { Position = 5 } : s)] };

        var change = Assert.Single(ScenarioDiff.Between(older, newer));

        Assert.Equal(new ScenarioChange(ChangeKind.Changed, ScenarioPart.Stance, "rus on territory", "position",
            older.FindStance("rus", "territory")!.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "5"), change);
    }

    [Fact]
    public void Between_RemovedEvidence_IsListedUnderItsOwner()
    {
        var older = TestScenarios.Alaska();
        var actor = older.Actors.First(a => !a.Evidence.IsDefaultOrEmpty);
        var newer = older with { Actors = [.. older.Actors.Select(a => a.Id == actor.Id ? a with { Evidence = ImmutableArray<Evidence>.Empty } : a)] };

        var changes = ScenarioDiff.Between(older, newer);

        Assert.Equal(actor.Evidence.Length, changes.Length);
        Assert.All(changes, c => Assert.Equal((ChangeKind.Removed, ScenarioPart.Evidence, $"actor {actor.Id}"), (c.Kind, c.Part, c.Subject)));
    }
}
