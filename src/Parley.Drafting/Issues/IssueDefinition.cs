using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Drafting.Issues;

/// <summary>
/// An issue to look for in the sources: its scale, a sentence describing each end (what an
/// outcome at <c>min</c> and at <c>max</c> means), keywords, and optional labelled anchors, each
/// optionally with a sentence of its own. Sentences are matched to it by meaning and keywords.
/// </summary>
public sealed record IssueDefinition
{
    /// <summary>The issue id in the draft.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Lowest point of the scale (default 0).</summary>
    public double Min { get; init; }

    /// <summary>Highest point of the scale (default 100).</summary>
    public double Max { get; init; } = 100;

    /// <summary>The status quo, when the issues file gives one.</summary>
    public double? StatusQuo { get; init; }

    /// <summary>A sentence saying what an outcome at <see cref="Min"/> means.</summary>
    public required string LowSentence { get; init; }

    /// <summary>A sentence saying what an outcome at <see cref="Max"/> means.</summary>
    public required string HighSentence { get; init; }

    /// <summary>Words and phrases (lower case; a word matches any word it begins, "sanction" matches "sanctions").</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>Labelled points of the scale, copied into the draft; those with a sentence also anchor <c>--suggest</c>.</summary>
    public ImmutableArray<IssueAnchor> Anchors { get; init; } = [];

    /// <summary>Whether the definition came from an issues file (its end sentences may anchor a suggestion) rather than the built-in lexicon.</summary>
    public bool FromIssuesFile { get; init; }

    /// <summary>The text its meaning is embedded from: name and both ends.</summary>
    public string Description => $"{Name}. {LowSentence} {HighSentence}";

    /// <summary>The points a suggestion interpolates between: both ends, then every anchor with a sentence.</summary>
    public IEnumerable<(double Value, string Sentence)> AnchorSentences()
    {
        yield return (Min, LowSentence);
        yield return (Max, HighSentence);
        foreach (var anchor in Anchors.Where(a => a.Sentence is not null))
        {
            yield return (anchor.Value, anchor.Sentence!);
        }
    }

    /// <summary>
    /// The definition of an existing scenario's issue (for <c>--merge</c>): its name, scale and
    /// anchors; the lowest and highest anchor labels describe the ends. Keywords are borrowed
    /// later from the lexicon.
    /// </summary>
    public static IssueDefinition FromIssue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var low = issue.Anchors.IsEmpty ? null : issue.Anchors.MinBy(a => a.Value);
        var high = issue.Anchors.IsEmpty ? null : issue.Anchors.MaxBy(a => a.Value);
        return new IssueDefinition
        {
            Id = issue.Id,
            Name = issue.Name,
            Min = issue.ScaleMin,
            Max = issue.ScaleMax,
            StatusQuo = issue.StatusQuo,
            LowSentence = low?.Label ?? $"{issue.Name}: the lowest point of the scale.",
            HighSentence = high?.Label ?? $"{issue.Name}: the highest point of the scale.",
            Anchors = [.. issue.Anchors.Select(a => new IssueAnchor(a.Value, a.Label, null))],
        };
    }

    /// <summary>The issue as it goes into the draft scenario.</summary>
    public Issue ToIssue() => new()
    {
        Id = Id,
        Name = Name,
        Description = $"{Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {LowSentence} {Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {HighSentence}",
        ScaleMin = Min,
        ScaleMax = Max,
        StatusQuo = StatusQuo,
        Anchors = Anchors.IsEmpty
            ? [new Anchor(Min, LowSentence), new Anchor(Max, HighSentence)]
            : [.. Anchors.Select(a => new Anchor(a.Value, a.Label)).OrderBy(a => a.Value)],
    };
}
