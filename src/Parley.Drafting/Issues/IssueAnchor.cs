namespace Parley.Drafting.Issues;

/// <summary>A labelled point of an issue's scale; <paramref name="Sentence"/> describes it in full for <c>--suggest</c>.</summary>
/// <param name="Value">The point on the scale.</param>
/// <param name="Label">Its short label.</param>
/// <param name="Sentence">A sentence saying what an outcome there means, or <c>null</c>.</param>
public sealed record IssueAnchor(double Value, string Label, string? Sentence);
