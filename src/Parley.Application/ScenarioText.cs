namespace Parley.Application;

/// <summary>
/// A scenario source as a store keeps it: the text as the user wrote it (comments and all), the file
/// name without folders, and the format's command-line name (<c>yaml</c>, <c>ktab</c>, …).
/// </summary>
/// <param name="Text">The file's or upload's text.</param>
/// <param name="FileName">The name without folders (the built-in scenario's file name for it).</param>
/// <param name="Format">The format named in the source, or detected from the text.</param>
public sealed record ScenarioText(string Text, string FileName, string Format);
