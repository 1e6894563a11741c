namespace Parley.Core.WhatIf;

/// <summary>A what-if edit that cannot be applied: where it came from, what is wrong and what is allowed.</summary>
/// <param name="Origin">Where the edit was written: <c>--set usa.ceasefire.position=60</c>, or <c>overlay.yaml:4:3</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record OverlayError(string Origin, string Message)
{
    /// <summary><c>origin: message</c>, as the CLI prints it.</summary>
    public override string ToString() => $"{Origin}: {Message}";
}
