using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Parley.Cli.Tests;

/// <summary>
/// <c>parley --version</c> names the commit it was built from, and <c>dotnet pack</c> makes a .NET tool
/// package that installs from a local folder and runs the main job (issue 13, part 5).
/// </summary>
public sealed partial class ToolPackageTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("parley-tool-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public void Version_NamesTheVersionAndTheCommitOfTheCheckoutItWasBuiltFrom()
    {
        var (exitCode, output, error) = CliRunner.Run("--version");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var commit = Git("rev-parse", "--short=12", "HEAD");
        Assert.Equal(commit is null
            ? "parley 0.1.0 (commit unknown: built outside a git checkout)"
            : $"parley 0.1.0 (commit {commit})", output.TrimEnd());
    }

    /// <summary>
    /// Packs the already built CLI (the configuration this test was built in), installs the package with
    /// <c>dotnet tool install --tool-path</c> from the local folder, and runs the installed command: its version
    /// line, and a forecast of the built-in Alaska scenario.
    /// </summary>
    [Fact]
    public void Pack_MakesAToolPackageThatInstallsFromALocalFolderAndForecasts()
    {
        var project = Path.Combine(RepositoryRoot, "src", "Parley.Cli", "Parley.Cli.csproj");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var packages = Path.Combine(work, "packages");
        var tools = Path.Combine(work, "tools");

        var pack = Dotnet("pack", project, "-c", configuration, "--no-build", "-nologo", "-o", packages,
            $"-p:PublishDir={Path.Combine(work, "publish")}{Path.DirectorySeparatorChar}");
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(packages, "parley.0.1.0.nupkg")), string.Join(", ", Directory.GetFiles(packages)));

        var install = Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "parley", "--version", "0.1.0");
        Assert.True(install.ExitCode == 0, install.Output);

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "parley.exe" : "parley");
        var version = Run(command, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(CliRunner.Run("--version").Output.TrimEnd(), version.Output.TrimEnd());

        var forecast = Run(command, "forecast", "--model", "compromise", "--json");
        Assert.True(forecast.ExitCode == 0, forecast.Output);
        Assert.Equal(CliRunner.Run("forecast", "--model", "compromise", "--json").Output, forecast.Output);
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>What git prints for <paramref name="arguments"/> in the repository, or null outside a checkout.</summary>
    private static string? Git(params string[] arguments)
    {
        try
        {
            var result = Run("git", ["-C", RepositoryRoot, .. arguments]);
            return result.ExitCode == 0 && CommitPattern().IsMatch(result.Output.Trim()) ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the machine: the build could not stamp a commit either
        }
    }

    private static (int ExitCode, string Output) Dotnet(params string[] arguments) =>
        Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", arguments);

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex CommitPattern();
}
