namespace Parley.Core.Domain;

/// <summary>A labelled point on an issue's scale, e.g. <c>0 = "no ceasefire before war aims are met"</c>.</summary>
/// <param name="Value">The point on the scale.</param>
/// <param name="Label">What an outcome at that point means.</param>
public sealed record Anchor(double Value, string Label);
