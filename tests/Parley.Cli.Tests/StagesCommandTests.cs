using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Core.Models;

namespace Parley.Cli.Tests;

/// <summary><c>forecast --stages</c>, <c>whatif</c> and <c>influence</c> through the real entry point on the built-in Alaska scenario.</summary>
public sealed class StagesCommandTests
{
    public static TheoryData<string> ModelIds => [.. ModelCatalog.All.Select(m => m.Info.Id)];

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void ForecastStages_AlaskaRunsEveryStageForEveryModel(string modelId)
    {
        var (exitCode, output, error) = CliRunner.Run("forecast", "--stages", "--model", modelId);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        foreach (var text in new[] { "Stage 1/3: Trump and Putin one-on-one", "Stage 2/3: Delegations of five", "Stage 3/3: Later meeting", "participants: usa, rus, ukr, europe, uk", "Final forecast after 3 stages" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void ForecastStagesJson_ListsStagesAndTheFinalIsTheLastStageThatForecastEachIssue(string modelId)
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--stages", "--json", "--model", modelId);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecast = Assert.Single(document.RootElement.GetProperty("forecasts").EnumerateArray());
        var stages = forecast.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["one-on-one", "delegations", "with-ukraine"], stages.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["usa", "rus"], stages[0].GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["ceasefire", "territory", "sanctions"], stages[0].GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var last = new Dictionary<string, double>();
        foreach (var stage in stages)
        {
            foreach (var issue in stage.GetProperty("issues").EnumerateArray())
            {
                last[issue.GetProperty("id").GetString()!] = issue.GetProperty("forecast").GetDouble();
            }
        }

        var final = forecast.GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("forecast").GetDouble());
        Assert.Equal(last.OrderBy(p => p.Key, StringComparer.Ordinal), final.OrderBy(p => p.Key, StringComparer.Ordinal));

        // The second stage starts where the first ended.
        var firstCeasefire = stages[0].GetProperty("issues")[0];
        var secondCeasefire = stages[1].GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "ceasefire");
        Assert.Equal(firstCeasefire.GetProperty("forecast").GetDouble(), secondCeasefire.GetProperty("status_quo").GetDouble());
    }

    [Fact]
    public void Forecast_UnknownBlocMode_ExitsTwoNamingTheModes()
    {
        var (exitCode, _, error) = CliRunner.Run("forecast", "--blocs", "fuse");
        Assert.Equal(2, exitCode);
        Assert.Contains("as-written, merge, split", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("split")]
    public void ForecastStages_BlocModesRunOnAlaska(string mode)
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--stages", "--blocs", mode, "--model", "compromise", "--json");
        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(7, document.RootElement.GetProperty("forecasts")[0].GetProperty("issues").GetArrayLength());
    }

    private const string BlocScenario = """
        id: blocs
        title: A bloc whose members have their own stances
        actors:
          - { id: usa, capability: 50 }
          - { id: deu, capability: 10 }
          - { id: fra, capability: 30 }
          - { id: pol, capability: 20 }
          - { id: eu, kind: bloc, members: [deu, fra, pol] }
        issues:
          - { id: aid, name: Aid, min: 0, max: 100 }
        stances:
          - { actor: usa, issue: aid, position: 0, salience: 1 }
          - { actor: deu, issue: aid, position: 20, salience: 0.5 }
          - { actor: fra, issue: aid, position: 80, salience: 1 }
          - { actor: pol, issue: aid, position: 100, salience: 0.9 }
        stages:
          - { id: talks, name: Talks, participants: [usa, eu] }
        """;

    [Fact]
    public void ForecastBlocs_MergeSeatsTheBlocSplitSeatsItsMembersAndCompromiseAgrees()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-blocs-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, BlocScenario);
        try
        {
            JsonElement Run(string mode)
            {
                var (exitCode, output, error) = CliRunner.Run("forecast", path, "--stages", "--blocs", mode, "--model", "compromise,median", "--json");
                Assert.True(exitCode == 0, error);
                return JsonDocument.Parse(output).RootElement.Clone();
            }

            var merged = Run("merge");
            var split = Run("split");
            string[] Participants(JsonElement root) => [.. root.GetProperty("forecasts")[0].GetProperty("stages")[0].GetProperty("participants").EnumerateArray().Select(p => p.GetString()!)];
            double Forecast(JsonElement root, int model) => root.GetProperty("forecasts")[model].GetProperty("issues")[0].GetProperty("forecast").GetDouble();

            Assert.Equal(["usa", "eu"], Participants(merged));
            Assert.Equal(["usa", "deu", "fra", "pol"], Participants(split));
            Assert.Equal(Forecast(split, 0), Forecast(merged, 0), 9);

            // Weights: usa 50, deu 5, fra 30, pol 18 (half of 103 is 51.5). Split, the median is deu's 20
            // (50 + 5 reach it); merged, the bloc (weight 53 at its weighted mean) outweighs the US alone.
            Assert.Equal(20, Forecast(split, 1));
            Assert.Equal((5.0 * 20 + 30 * 80 + 18 * 100) / 53, Forecast(merged, 1), 9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WhatIf_UsEasingSanctions_ChangesSanctionsOnly()
    {
        var (exitCode, output, error) = CliRunner.Run("whatif", "--stages", "--set", "usa.sanctions.position=80", "--model", "compromise", "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        var comparison = Assert.Single(document.RootElement.GetProperty("comparisons").EnumerateArray());
        Assert.Equal(3, comparison.GetProperty("stages").GetArrayLength());
        foreach (var row in comparison.GetProperty("final").EnumerateArray())
        {
            var changed = row.GetProperty("changed").GetBoolean();
            Assert.Equal(row.GetProperty("id").GetString() == "sanctions", changed);
            Assert.Equal(changed, row.GetProperty("delta").GetDouble() > 0);
        }
    }

    [Fact]
    public void WhatIf_Table_MarksChangedRows()
    {
        var (exitCode, output, _) = CliRunner.Run("whatif", "--stages", "--set", "usa.sanctions.position=80", "--model", "compromise");
        Assert.Equal(0, exitCode);
        var changed = output.Split('\n').Where(l => l.StartsWith("| * |", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, changed.Count);
        Assert.All(changed, l => Assert.Contains("Sanctions on Russia", l, StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_OnlyChanged_ShowsJustTheChangedRows()
    {
        var (exitCode, output, _) = CliRunner.Run("whatif", "--stages", "--set", "usa.sanctions.position=80", "--model", "compromise", "--only-changed");
        Assert.Equal(0, exitCode);
        var rows = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.Contains("Baseline", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, l => Assert.StartsWith("| * |", l, StringComparison.Ordinal));
        Assert.Contains("| final ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_WithoutStages_ComparesOneRoundWithEveryone()
    {
        var (exitCode, output, _) = CliRunner.Run("whatif", "--set", "usa.sanctions.position=80", "--model", "compromise", "--json");
        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var comparison = document.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("all", comparison.GetProperty("stages")[0].GetProperty("id").GetString());
        Assert.Equal(1, comparison.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public void WhatIf_BadEdits_AllReportedWithExitTwo()
    {
        var (exitCode, output, error) = CliRunner.Run("whatif", "--set", "rus.sanctions.salience=40", "--set", "rus.sanction.position=1", "--remove-actor", "nobody", "--add-stage", "x");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--set rus.sanctions.salience=40: salience 40 is not allowed", error, StringComparison.Ordinal);
        Assert.Contains("unknown issue 'sanction'", error, StringComparison.Ordinal);
        Assert.Contains("--remove-actor nobody: unknown actor 'nobody'", error, StringComparison.Ordinal);
        Assert.Contains("--add-stage x: expected ID:PARTICIPANTS", error, StringComparison.Ordinal);
        Assert.Contains("4 problems found.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_NoEdits_ExitsTwo()
    {
        var (exitCode, _, error) = CliRunner.Run("whatif");
        Assert.Equal(2, exitCode);
        Assert.Contains("no edits given", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_OverlayFileAddsAStageAndRemovesAnActor()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            set:
              usa.sanctions.salience: 0.9
            remove_actors: [uk]
            add_stages:
              - id: europe-summit
                participants: [usa, rus, ukr, europe]
                issues: [ceasefire, guarantees]
            """);
        try
        {
            var (exitCode, output, error) = CliRunner.Run("whatif", "--overlay", path, "--model", "median");
            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error);
            Assert.Contains("remove actor uk", output, StringComparison.Ordinal);
            Assert.Contains("europe-summit", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WhatIf_BrokenOverlayFile_ReportsLocatedProblems()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "set:\n  usa.sanctions.position: high\nremove: [uk]\n");
        try
        {
            var (exitCode, _, error) = CliRunner.Run("whatif", "--overlay", path);
            Assert.Equal(2, exitCode);
            Assert.Contains($"{path}:2:27:", error, StringComparison.Ordinal);
            Assert.Contains($"{path}:3:1: unknown field 'remove'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Influence_Json_RanksActorsAndShapleyValuesAddUp()
    {
        var (exitCode, output, error) = CliRunner.Run("influence", "--json", "--model", "compromise", "--no-search");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        var issues = document.RootElement.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(7, issues.Count);
        foreach (var issue in issues)
        {
            var shapley = issue.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("shapley").GetDouble()).ToList();
            Assert.Equal(shapley.OrderByDescending(Math.Abs), shapley);
            Assert.Equal(issue.GetProperty("forecast").GetDouble() - issue.GetProperty("reference").GetDouble(), shapley.Sum(), 9);
        }
    }

    [Fact]
    public void Influence_Json_GivesSampledShapleyValuesTheirStandardError()
    {
        var (exitCode, output, error) = CliRunner.Run("influence", "--json", "--model", "compromise", "--no-search", "--exact-limit", "2", "--samples", "60", "--issue", "sanctions");
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        var issue = document.RootElement.GetProperty("issues").EnumerateArray().Single();
        Assert.False(issue.GetProperty("shapley_exact").GetBoolean());
        Assert.All(issue.GetProperty("actors").EnumerateArray(), a => Assert.True(a.GetProperty("shapley_standard_error").GetDouble() >= 0));

        var (_, exactOutput, _) = CliRunner.Run("influence", "--json", "--model", "compromise", "--no-search", "--issue", "sanctions");
        using var exact = JsonDocument.Parse(exactOutput);
        Assert.All(
            exact.RootElement.GetProperty("issues").EnumerateArray().Single().GetProperty("actors").EnumerateArray(),
            a => Assert.False(a.TryGetProperty("shapley_standard_error", out _)));

        var (_, table, _) = CliRunner.Run("influence", "--model", "compromise", "--no-search", "--exact-limit", "2", "--samples", "60", "--issue", "sanctions");
        Assert.Contains("± standard error", table, StringComparison.Ordinal);
        // The footer explains the standard error under a sampled table only.
        const string explained = "Sampled values carry their standard error";
        Assert.Contains(explained, Regex.Replace(table, @"\s+", " "), StringComparison.Ordinal);
        var (_, exactTable, _) = CliRunner.Run("influence", "--model", "compromise", "--no-search", "--issue", "sanctions");
        Assert.Contains("values sum to forecast", Regex.Replace(exactTable, @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain(explained, Regex.Replace(exactTable, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void Influence_Json_StatesTheSampler_AndNoControlSamplesPlainMeans()
    {
        string[] sampled = ["influence", "--json", "--model", "nash", "--no-search", "--exact-limit", "2", "--samples", "60", "--issue", "sanctions"];
        var (exitCode, output, error) = CliRunner.Run(sampled);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        var (plainExit, plainOutput, _) = CliRunner.Run([.. sampled, "--no-control"]);
        Assert.Equal(0, plainExit);

        using var controlled = JsonDocument.Parse(output);
        using var plain = JsonDocument.Parse(plainOutput);
        Assert.Equal(60, controlled.RootElement.GetProperty("shapley_samples").GetInt32());
        Assert.True(controlled.RootElement.GetProperty("shapley_control").GetBoolean());
        Assert.False(plain.RootElement.GetProperty("shapley_control").GetBoolean());
        static double[] Values(JsonDocument document, string property) => [.. document.RootElement.GetProperty("issues").EnumerateArray().Single()
            .GetProperty("actors").EnumerateArray().OrderBy(a => a.GetProperty("id").GetString(), StringComparer.Ordinal).Select(a => a.GetProperty(property).GetDouble())];
        Assert.NotEqual(Values(plain, "shapley"), Values(controlled, "shapley"));
        // Both apportion the whole move of the forecast (efficiency), the controlled values after their projection.
        var move = controlled.RootElement.GetProperty("issues").EnumerateArray().Single() is var issue
            ? issue.GetProperty("forecast").GetDouble() - issue.GetProperty("reference").GetDouble()
            : 0;
        Assert.Equal(move, Values(plain, "shapley").Sum(), 9);
        Assert.Equal(move, Values(controlled, "shapley").Sum(), 9);
    }

    [Fact]
    public void Influence_Table_ShowsSmallestChanges()
    {
        var (exitCode, output, _) = CliRunner.Run("influence", "--issue", "sanctions", "--stages", "--model", "nash");
        Assert.Equal(0, exitCode);
        Assert.Contains("Sanctions on Russia", output, StringComparison.Ordinal);
        Assert.Contains("Smallest change moving it 5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Ceasefire timing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Influence_NoSearch_SaysSo_RatherThanNoneWithinRange()
    {
        // Unsearched is not "no change moves it": the table leaves the column out and says why, the JSON says search false.
        var (exitCode, table, _) = CliRunner.Run("influence", "--issue", "sanctions", "--model", "compromise", "--no-search");
        Assert.Equal(0, exitCode);
        Assert.Contains("smallest changes not searched (--no-search)", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Smallest change", table, StringComparison.Ordinal);
        Assert.DoesNotContain("none within range", table, StringComparison.Ordinal);
        Assert.Contains("| rus ", table, StringComparison.Ordinal);

        foreach (var (search, arguments) in new[] { (false, new[] { "--no-search" }), (true, Array.Empty<string>()) })
        {
            var (_, json, _) = CliRunner.Run(["influence", "--json", "--issue", "sanctions", "--model", "compromise", .. arguments]);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(search, document.RootElement.GetProperty("search").GetBoolean());
            Assert.Equal(search, document.RootElement.GetProperty("issues")[0].GetProperty("actors").EnumerateArray().Any(a => a.GetProperty("changes").GetArrayLength() > 0));
        }
    }

    [Fact]
    public void Influence_Inputs_SearchesOnlyThose_AndSaysSo()
    {
        var (exitCode, table, _) = CliRunner.Run("influence", "--issue", "sanctions", "--model", "compromise", "--inputs", "salience, position");
        Assert.Equal(0, exitCode);
        Assert.Contains("Smallest change moving it 5", table, StringComparison.Ordinal);
        Assert.Contains("(position, salience)", table, StringComparison.Ordinal);

        var (_, json, _) = CliRunner.Run("influence", "--json", "--issue", "sanctions", "--model", "compromise", "--inputs", "salience");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["salience"], document.RootElement.GetProperty("search_inputs").EnumerateArray().Select(i => i.GetString()));
        var changes = document.RootElement.GetProperty("issues")[0].GetProperty("actors").EnumerateArray().SelectMany(a => a.GetProperty("changes").EnumerateArray()).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal("salience", c.GetProperty("input").GetString()));
    }

    [Theory]
    [InlineData("--shift", "0", "--shift 0 is not allowed")]
    [InlineData("--issue", "weather", "--issue 'weather' is not an issue")]
    [InlineData("--model", "all", "unknown model 'all'")]
    [InlineData("--inputs", "position,weight", "--inputs 'weight' is not an input; use position, salience, capability")]
    public void Influence_BadOptions_ExitTwo(string option, string value, string expected)
    {
        var (exitCode, _, error) = CliRunner.Run("influence", option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
