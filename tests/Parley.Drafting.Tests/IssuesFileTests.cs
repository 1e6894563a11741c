using Parley.Drafting.Issues;

namespace Parley.Drafting.Tests;

public sealed class IssuesFileTests
{
    [Fact]
    public void AlaskaIssuesFile_ReadsSevenIssuesWithEndsKeywordsAndAnchors()
    {
        var (issues, problems) = IssuesFile.ReadFile(Path.Combine(Articles.RepositoryRoot, "scenarios", "alaska-2025.issues.yaml"));

        Assert.Empty(problems);
        Assert.Equal(["ceasefire", "territory", "sanctions", "nato", "guarantees", "arms", "economy"], issues.Select(i => i.Id));
        var nato = issues.Single(i => i.Id == "nato");
        Assert.Equal(25, nato.StatusQuo);
        Assert.Equal(4, nato.Anchors.Length);
        Assert.Equal(3, nato.AnchorSentences().Count());
        Assert.Contains("nato", nato.Keywords);
    }

    [Fact]
    public void BrokenIssuesFile_ReportsEveryProblemWithItsLocation()
    {
        const string text = """
            issues:
              - id: a
                name: A
                low: "Nothing."
              - id: a
                name: Again
                low: "Low."
                high: "High."
                min: 10
                max: 5
                colour: blue
              - id: c
                name: C
                low: "Low."
                high: "High."
                keywords: ceasefire
                anchors:
                  - { value: 500, label: "far out" }
            """;

        var (issues, problems) = IssuesFile.Read(text, "issues.yaml");

        Assert.Empty(issues);
        var messages = problems.Select(p => p.ToString()).ToList();
        Assert.Contains("issues.yaml:2:5: issue: missing required field 'high' (a sentence saying what an outcome at the scale's max means)", messages);
        Assert.Contains(messages, m => m.StartsWith("issues.yaml:5:5: issue 'a': max 5 must be greater than min 10", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("issues.yaml:5:5: duplicate issue id 'a'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("issues.yaml:11:5: unknown field 'colour'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("issues.yaml:16:15: keywords must be a list", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("issues.yaml:18:", StringComparison.Ordinal) && m.Contains("anchor value 500 is outside the scale 0-100", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "issues.yaml:1:1: the issues file is empty")]
    [InlineData("issues: [", "issues.yaml:2:1: not valid YAML")]
    [InlineData("- a\n- b\n", "issues.yaml:1:1: an issues file is a mapping with an 'issues:' list")]
    public void NotAnIssuesFile_IsOneLocatedProblem(string text, string expected)
    {
        var (_, problems) = IssuesFile.Read(text, "issues.yaml");

        Assert.StartsWith(expected, Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedIssuesFile_IsALocatedProblem_NotAStackOverflow()
    {
        var text = "issues: " + new string('[', 50_000) + new string(']', 50_000);

        var (issues, problems) = IssuesFile.Read(text, "issues.yaml");

        Assert.Empty(issues);
        Assert.Contains("nest", Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DirectiveEndingTheFile_AtAPowerOfTwoLength_IsRefusedQuickly()
    {
        // YamlDotNet's scanner stalled for 20-30 s on this shape (found by fuzzing the overlay reader).
        var text = "%" + new string('p', 511) + " " + new string('p', 511);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (issues, problems) = IssuesFile.Read(text, "issues.yaml");

        Assert.Empty(issues);
        Assert.StartsWith("issues.yaml:", Assert.Single(problems).ToString(), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }
}
