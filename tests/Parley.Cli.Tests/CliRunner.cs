using System.Diagnostics;

namespace Parley.Cli.Tests;

/// <summary>Runs the real <c>parley</c> entry point in-process with captured, redirected output, or starts it as a process.</summary>
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

    /// <summary>
    /// How to start the JIT build's parley as a child process with <paramref name="args"/>: the test host's
    /// <c>dotnet</c> (<c>DOTNET_HOST_PATH</c>) running this build's parley.dll, standard output and error redirected.
    /// </summary>
    public static ProcessStartInfo ProcessStart(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Runs <paramref name="start"/> (from <see cref="ProcessStart"/>) to its end: <paramref name="whileRunning"/>, if
    /// any, acts on the process once its output is being read; the run must end within 2 minutes, and a run left
    /// working by a failed assertion is killed.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunProcess(ProcessStartInfo start, Action<Process>? whileRunning = null)
    {
        using var child = Process.Start(start)!;
        try
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var error = child.StandardError.ReadToEndAsync();
            whileRunning?.Invoke(child);
            Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), "the run did not end");
            child.WaitForExit();
            return (child.ExitCode, output.Result, error.Result);
        }
        finally
        {
            // A failed assertion must not leave a long run working after the tests.
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }
}
