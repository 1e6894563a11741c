using System.Globalization;
using CsCheck;
using Parley.Core.Domain;
using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Limits;

/// <summary>Issue 12, item 17: every problem in one pass, and numbers written in their shortest round-tripping form.</summary>
public sealed class OnePassTests
{
    [Fact]
    public void Read_UnknownFieldRangeErrorAndDuplicateId_AreAllReported()
    {
        var text = Native.NativeReaderTests.Valid
            .Replace("title: Demo", "title: Demo\ncolour: red", StringComparison.Ordinal)
            .Replace("position: 3", "position: 30", StringComparison.Ordinal)
            .Replace("  - id: b\n    name: Beta", "  - id: a\n    name: Beta", StringComparison.Ordinal);

        var messages = ScenarioFiles.ReadText(text, "f.yaml", ScenarioFormat.Yaml).Diagnostics.Select(d => d.Message).ToList();

        Assert.Contains(messages, m => m.StartsWith("scenario: unknown field 'colour'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("position 30 is outside the issue's scale", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("duplicate actor id 'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_KtabCsvPowerOutOfRangeAndDuplicateActor_AreBothReported()
    {
        const string text = "n,d,2,1\nActor,Description,Power,Tax,Sal Tax\nA,first,1e9,10,30\nA,again,5,20,40\n";

        var messages = ScenarioFiles.ReadText(text, "k.csv", ScenarioFormat.KtabCsv).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains("k.csv:3:9: power 1000000000 is out of range; KTAB capabilities are greater than 0 and at most 1e8", messages);
        Assert.Contains("k.csv:4:1: duplicate actor id 'A'; every actor needs its own id", messages);
    }

    [Fact]
    public void Convert_KtabSalienceOfAHundredth_WritesTheNumberAsTyped()
    {
        const string text = "n,d,2,1\nActor,Description,Power,Tax,Sal Tax\nA,first,10,10,30.33\nB,second,5,20,40\n";
        var scenario = ScenarioFiles.ReadText(text, "k.csv", ScenarioFormat.KtabCsv).Scenario!;

        var yaml = NativeScenarioWriter.ToYaml(scenario);
        var json = NativeScenarioWriter.ToJson(scenario);

        Assert.Contains("salience: 0.3033\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("0.30329999999999996", yaml, StringComparison.Ordinal);
        Assert.Contains("\"salience\": 0.3033\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_AnyFiniteNumber_RoundTripsExactlyInItsShortestForm()
    {
        Gen.Double[-1e300, 1e300].Sample(number =>
        {
            var scenario = new Scenario
            {
                Id = "n",
                Title = "N",
                Actors = [new Actor { Id = "a", Name = "a", Capability = Math.Abs(number) }],
                Issues = [new Issue { Id = "x", Name = "x", ScaleMin = Math.Min(number, 0) - 1, ScaleMax = Math.Max(number, 0) + 1 }],
                Stances = [new Stance { ActorId = "a", IssueId = "x", Position = number, Salience = 0.5 }],
            };
            var shortest = number.ToString("R", CultureInfo.InvariantCulture);
            foreach (var (text, format) in new[] { (NativeScenarioWriter.ToYaml(scenario), ScenarioFormat.Yaml), (NativeScenarioWriter.ToJson(scenario), ScenarioFormat.Json) })
            {
                Assert.Contains(shortest, text, StringComparison.Ordinal);
                var back = ScenarioFiles.ReadText(text, "n", format);
                Assert.True(back.Succeeded, string.Join("\n", back.Diagnostics));
                Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits(back.Scenario!.Stances[0].Position));
            }
        });
    }
}
