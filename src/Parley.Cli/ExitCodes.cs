namespace Parley.Cli;

/// <summary>The exit codes of the <c>parley</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure inside Parley (a bug: please report it).</summary>
    public const int InternalError = 1;

    /// <summary>Invalid input: a bad file, option or argument. The message says what to fix.</summary>
    public const int InvalidInput = 2;

    /// <summary>The run was cancelled (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
