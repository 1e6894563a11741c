using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Formats;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// Parley against the Decide reference (results-dev.md: 5 seeds of its unseeded tie-breaking,
/// 10 rounds): per issue, the voting outcome after round 1 and the weighted mean of preferences
/// after 10 rounds must fall in the reference's range widened by 1 point of the issue's scale,
/// and the number of round-1 exchanges in the reference's range.
/// </summary>
public sealed partial class ExchangeConformanceTests
{
    [ReferenceTheory]
    [ReferenceInlineData("sample_data.txt")]
    [ReferenceInlineData("copenhagen.csv")]
    public void Exchange_ReferenceData_IssueValuesWithinTheReferenceRangePlusOnePoint(string file)
    {
        var reference = ReferenceResults.For(file);
        var result = RunReference(file);

        var roundOne = result.Rounds[0].Issues.ToDictionary(i => i.Id, i => i.Outcome);
        var preferences = ((ExchangeDetails)result.Details!).Preferences.ToDictionary(i => i.Id, i => i.Outcome);
        Assert.Equal(reference.Issues.Count, roundOne.Count);
        var misses = new List<string>();
        foreach (var issue in reference.Issues)
        {
            Check(issue.Id, "voting outcome after round 1", roundOne[issue.Id], issue.RoundOne, misses);
            Check(issue.Id, "preference mean after 10 rounds", preferences[issue.Id], issue.PreferencesAfterTen, misses);
        }

        Assert.Empty(misses);
    }

    [ReferenceTheory]
    [ReferenceInlineData("sample_data.txt")]
    [ReferenceInlineData("copenhagen.csv")]
    public void Exchange_ReferenceData_RoundOneExchangeCountWithinTheReferenceRange(string file)
    {
        var reference = ReferenceResults.For(file);

        var count = ((ExchangeDetails)RunReference(file).Details!).ExchangesPerRound[0];

        Assert.InRange(count, reference.RoundOneExchanges.Low, reference.RoundOneExchanges.High);
    }

    private static ModelResult RunReference(string file)
    {
        var read = ScenarioFiles.Read(ReferenceData.PathOf(Path.Combine("decide", file)));
        Assert.Empty(read.Diagnostics);
        return new ExchangeModel().Run(read.Scenario!, new ModelOptions { Rounds = 10, Trace = true });
    }

    private static void Check(string issue, string what, double value, (double Low, double High) range, List<string> misses)
    {
        if (value < range.Low - 1 || value > range.High + 1)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"{issue}: {what} {value:0.###} outside [{range.Low - 1}, {range.High + 1}]"));
        }
    }

    /// <summary>The reference's table for one data set, parsed from results-dev.md.</summary>
    private sealed record ReferenceResults((int Low, int High) RoundOneExchanges, List<ReferenceIssue> Issues)
    {
        public static ReferenceResults For(string file)
        {
            var text = File.ReadAllText(ReferenceData.PathOf("decide/results-dev.md"));
            var start = text.IndexOf($"**current/{file}**", StringComparison.Ordinal);
            Assert.True(start >= 0, $"results-dev.md has no section for {file}");
            var end = text.IndexOf("**current/", start + 10, StringComparison.Ordinal);
            var section = end < 0 ? text[start..] : text[start..end];
            var count = CountPattern().Match(section);
            var issues = new List<ReferenceIssue>();
            foreach (Match row in RowPattern().Matches(section))
            {
                issues.Add(new ReferenceIssue(row.Groups["id"].Value, Range(row.Groups["one"].Value), Range(row.Groups["ten"].Value)));
            }

            return new ReferenceResults((int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(count.Groups[2].Value, CultureInfo.InvariantCulture)), issues);
        }

        private static (double Low, double High) Range(string cell)
        {
            var numbers = NumberPattern().Matches(cell).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            return numbers.Count == 1 ? (numbers[0], numbers[0]) : (numbers[1], numbers[2]);
        }
    }

    private sealed record ReferenceIssue(string Id, (double Low, double High) RoundOne, (double Low, double High) PreferencesAfterTen);

    [GeneratedRegex(@"realized exchanges round 1: (\d+)–(\d+)")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^\| (?<id>[^ |]+) \[[^\]]*\] \| [^|]+ \| (?<one>[^|]+) \| (?<ten>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
