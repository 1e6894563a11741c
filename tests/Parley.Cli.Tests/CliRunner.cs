namespace Parley.Cli.Tests;

/// <summary>Runs the real <c>parley</c> entry point in-process with captured, redirected output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunAt(200, args);

    /// <summary>Runs parley as if its output went to a file at <paramref name="width"/> columns.</summary>
    public static (int ExitCode, string Output, string Error) RunAt(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ParleyApp.Run(args, new CliConsole(output, error, redirected: true, width: width));
        return (exitCode, output.ToString(), error.ToString());
    }
}
