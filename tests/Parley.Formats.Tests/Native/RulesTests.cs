using Parley.Core.Domain;
using Parley.Formats.Deu;
using Parley.Formats.Native;
using Parley.Formats.Tests.Deu;

namespace Parley.Formats.Tests.Native;

/// <summary>The <c>rules</c> section of the native format: read, written back, and every broken value located.</summary>
public sealed class RulesTests
{
    private static string WithRules(string field) =>
        NativeReaderTests.Valid.Replace("title: Demo\n", "title: Demo\n" + field + "\n", StringComparison.Ordinal);

    [Fact]
    public void Read_QualifiedMajority_ReadsEveryField()
    {
        var result = ScenarioFiles.ReadText(WithRules("rules: { procedure: COD, decision: qualified_majority, voters: [a, b], weights: { a: 3, b: 2 }, quota: 4, minimum_members: 2, blocking_members: 1, veto_players: [b], issue_veto_players: { x: [a] }, agenda_setter: a }"), "demo.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var rules = result.Scenario!.Rules!;
        Assert.Equal(DecisionKind.QualifiedMajority, rules.Decision);
        Assert.Equal(["a", "b"], rules.Voters.ToArray());
        Assert.Equal(3, rules.WeightOf("a"));
        Assert.Equal(4, rules.Quota);
        Assert.Equal(2, rules.MinimumMembers);
        Assert.Equal(["b", "a"], rules.VetoPlayersOn("x").ToArray());
        Assert.Equal("a", rules.AgendaSetter);
        Assert.Equal("COD", rules.Procedure);
    }

    [Fact]
    public void WriteAndRead_KeepsTheRulesOfScenarioAndStages()
    {
        var text = WithRules("rules: { decision: qualified_majority, voters: [a, b], weights: { a: 3, b: 2 }, quota: 4, issue_veto_players: { x: [b] }, agenda_setter: a }")
            + "\n    rules: { decision: simple_majority, veto_players: [a] }\n";
        var first = ScenarioFiles.ReadText(text, "demo.yaml");
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var read = first.Scenario!;

        foreach (var written in new[] { NativeScenarioWriter.ToYaml(read), NativeScenarioWriter.ToJson(read) })
        {
            var again = ScenarioFiles.ReadText(written, written.StartsWith('{') ? "demo.json" : "demo.yaml");
            Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics) + "\n" + written);
            var rules = again.Scenario!.Rules!;
            Assert.Equal(read.Rules!.Voters.ToArray(), rules.Voters.ToArray());
            Assert.Equal(read.Rules.Weights, rules.Weights);
            Assert.Equal(read.Rules.Quota, rules.Quota);
            Assert.Equal(["b"], rules.VetoPlayersOn("x").ToArray());
            Assert.Equal(DecisionKind.SimpleMajority, again.Scenario.Stages[0].Rules!.Decision);
            Assert.Equal(["a"], again.Scenario.Stages[0].Rules!.VetoPlayers.ToArray());
        }
    }

    [Theory]
    [InlineData("rules: { decision: consensus }", "decision 'consensus' is not allowed; use one of unanimity, qualified_majority, simple_majority")]
    [InlineData("rules: { voters: [a, z] }", "rules: voters names unknown actor 'z'")]
    [InlineData("rules: { agenda_setter: commission }", "rules: agenda_setter names unknown actor 'commission'")]
    [InlineData("rules: { issue_veto_players: { y: [a] } }", "issue_veto_players names unknown issue 'y'")]
    [InlineData("rules: { issue_veto_players: { x: a } }", "the veto players of issue 'x' must be a list of actor ids")]
    [InlineData("rules: { decision: qualified_majority, voters: [a, b] }", "a qualified majority needs a quota")]
    [InlineData("rules: { decision: qualified_majority, voters: [a, b], quota: 3 }", "quota 3 is above the voters' total weight 2")]
    [InlineData("rules: { decision: qualified_majority, quota: 3 }", "quota 3 is above the total weight of the voters, the actors with a stance on an issue when voters is not given (at most 2); no coalition could carry a decision")]
    [InlineData("rules: { decision: qualified_majority, voters: [a, b], quota: 1, minimum_members: 3 }", "minimum_members 3 is above the number of voters (2); no coalition could carry a decision")]
    [InlineData("rules: { decision: qualified_majority, quota: 1, minimum_members: 3 }", "minimum_members 3 is above the number of voters, the actors with a stance on an issue when voters is not given (at most 2); no coalition could carry a decision")]
    [InlineData("rules: { decision: simple_majority, voters: [] }", "rules: voters is an empty list, so no coalition could carry a decision; list the voters' actor ids, or leave voters out")]
    [InlineData("rules: { decision: unanimity, quota: 3 }", "quota applies only to decision: qualified_majority")]
    [InlineData("rules: { weights: { a: -1 } }", "the weight of 'a' must be a finite number of 0 or more")]
    [InlineData("rules: { voters: [a], weights: { b: 2 } }", "weights gives a weight to 'b', which is not among the voters")]
    [InlineData("rules: { decision: qualified_majority, quota: 1, minimum_members: 1.5 }", "minimum_members must be a whole number of voters")]
    [InlineData("rules: { majority: 0.6 }", "unknown field 'majority'")]
    [InlineData("rules: unanimity", "rules must be a mapping of fields")]
    public void Read_BrokenRules_IsALocatedDiagnostic(string field, string message)
    {
        var result = ScenarioFiles.ReadText(WithRules(field), "demo.yaml");

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(3, diagnostic.Line);
        Assert.StartsWith("demo.yaml:3:", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AlaskaScenario_StagesNeedTheUsAndRussiaAndUkraineOnTerritory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "scenarios", "alaska-2025.yaml")))
        {
            dir = dir.Parent;
        }

        var scenario = ScenarioFiles.Read(Path.Combine(dir.FullName, "scenarios", "alaska-2025.yaml")).Scenario!;

        Assert.All(scenario.Stages, stage => Assert.Equal(["usa", "rus"], stage.Rules!.Voters.ToArray()));
        Assert.All(scenario.Stages, stage => Assert.Equal(DecisionKind.Unanimity, stage.Rules!.Decision));
        var talks = scenario.Stages.Single(s => s.Id == "with-ukraine").Rules!;
        Assert.Equal(["ukr"], talks.VetoPlayersOn("territory").ToArray());
        Assert.Empty(talks.VetoPlayersOn("sanctions"));
    }

    [Fact]
    public void Deu_RowRules_FoldAbsentMembersIntoTheQuota()
    {
        // Amsterdam EU15 (62 of 87 votes): de (10) and lu (2) recorded positions, so the other 75
        // votes are taken as support: the quota left is 62 - 75 < 2, so it becomes the smallest
        // weight present (2); 8 members needed, 13 absent, so at least 1.
        var rows = DeuReader.ReadDataset(DeuText.File(DeuText.Header, DeuText.GdpRow,
            DeuText.Row("1", "d1i1", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), ("10", "30"), "0", "60")), "t.tsv").Rows;

        var rules = rows[0].Scenario.Rules!;
        Assert.Equal(DecisionKind.QualifiedMajority, rules.Decision);
        Assert.Equal(["de", "lu"], rules.Voters.ToArray());
        Assert.Equal(2, rules.Quota);
        Assert.Equal(1, rules.MinimumMembers);
        Assert.Equal("com", rules.AgendaSetter);
        Assert.Equal(["ep"], rules.VetoPlayers.ToArray());
        Assert.Equal("COD", rules.Procedure);
    }

    [Fact]
    public void Deu_Unanimity_UnderConsultation_HasNoParliamentVeto()
    {
        var rows = DeuReader.ReadDataset(DeuText.File(DeuText.Header, DeuText.GdpRow,
            DeuText.Row("3", "d3i1", "CNS", "Unan", "14-03-06", ("10", "40"), ("90", "60"), ("30", "50"), ("20", "50"), "100", "25")), "t.tsv").Rows;

        var rules = rows[0].Scenario.Rules!;
        Assert.Equal(DecisionKind.Unanimity, rules.Decision);
        Assert.Empty(rules.VetoPlayers);
    }
}
