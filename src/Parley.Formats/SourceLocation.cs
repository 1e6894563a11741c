namespace Parley.Formats;

/// <summary>A place in an input file: line and column, both from 1.</summary>
/// <param name="Line">Line number, from 1.</param>
/// <param name="Column">Column number, from 1.</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>The start of a file, used when nothing more precise is known.</summary>
    public static SourceLocation Start { get; } = new(1, 1);
}
