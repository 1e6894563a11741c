namespace Parley.Cli.Tests;

/// <summary>
/// A store the user may read but not write (a colleague's store, a read-only mount): the commands that only
/// read it work, and a command that records says the store is read-only. Permissions are real: the folder and
/// file are made read-only, and when the tests run as root (who may write anything) parley runs as the
/// unprivileged user <c>nobody</c> through <c>setpriv</c>.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-ro-store-").FullName;

    private string Shared => Path.Combine(folder, "shared");

    private string Db => Path.Combine(Shared, "store.db");

    public void Dispose()
    {
        if (Directory.Exists(Shared))
        {
            File.SetUnixFileMode(Shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(folder, recursive: true);
    }

    [ReadOnlyStoreFact]
    public void ReadingCommands_StoreTheUserCannotWrite_ReadItAndWriteNothing()
    {
        var scenario = Path.Combine(folder, "summit.yaml");
        File.Copy(StoreCommandTestsPaths.Alaska(), scenario);
        Directory.CreateDirectory(Shared);
        Assert.Equal(0, CliRunner.Run("forecast", scenario, "--model", "compromise", "--save", "--db", Db).ExitCode);
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "nash", "--save", "--db", Db).ExitCode);
        var before = MakeReadOnly();

        foreach (var (args, expected) in new (string[], string)[]
        {
            (["runs", "list"], "forecast"),
            (["runs", "show", "1"], "status           completed"),
            (["runs", "diff", "1", "2"], "run 1 (forecast alaska-2025@1) -> run 2 (forecast alaska-2025@1)"),
            (["scenarios", "list"], "alaska-2025"),
            (["scenarios", "history", "alaska-2025"], "alaska-2025@1"),
            (["scenarios", "show", "alaska-2025@1"], "id: alaska-2025"),
            (["scenarios", "diff", "alaska-2025@1", "1"], "no change"),
            (["score", scenario, "--run", "1"], "Track record"),
        })
        {
            var (exitCode, output, error) = RunAsReader([.. args, "--db", Db]);

            Assert.True(exitCode == 0, $"parley {string.Join(' ', args)} exited {exitCode}: {error}");
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot());
    }

    [ReadOnlyStoreFact]
    public void RecordingCommands_StoreTheUserCannotWrite_SayItIsReadOnly()
    {
        Directory.CreateDirectory(Shared);
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "compromise", "--save", "--db", Db).ExitCode);
        var before = MakeReadOnly();

        foreach (var args in new[] { new[] { "forecast", "--model", "nash", "--save" }, ["scenarios", "save", StoreCommandTestsPaths.Alaska()], ["serve", "--port", "0"] })
        {
            var (exitCode, output, error) = RunAsReader([.. args, "--db", Db]);

            Assert.Equal(2, exitCode);
            Assert.StartsWith($"parley: the store {Db} is read-only (permission denied)", error, StringComparison.Ordinal);
            Assert.Contains("ask its owner, or copy it", error, StringComparison.Ordinal);
            Assert.DoesNotContain("SQLite Error", error, StringComparison.Ordinal);
            Assert.DoesNotContain("give a Parley store", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Saved", output, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot());
    }

    /// <summary>Makes the store's folder and files read-only and returns what they hold.</summary>
    private Dictionary<string, string> MakeReadOnly()
    {
        const UnixFileMode Read = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode Enter = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var file in Directory.GetFiles(Shared))
        {
            File.SetUnixFileMode(file, Read);
        }

        File.SetUnixFileMode(Shared, Read | Enter);
        File.SetUnixFileMode(folder, Read | Enter | UnixFileMode.UserWrite);
        return Snapshot();
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Shared).ToDictionary(file => Path.GetFileName(file), file => Convert.ToHexString(File.ReadAllBytes(file)), StringComparer.Ordinal);

    /// <summary>Runs parley as a user who may not write the store: this one, or <c>nobody</c> when this one is root.</summary>
    private static (int ExitCode, string Output, string Error) RunAsReader(params string[] args)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return CliRunner.Run(args);
        }

        var start = CliRunner.ProcessStart(args);
        var command = start.FileName;
        start.FileName = ReadOnlyStoreFactAttribute.Setpriv;
        start.ArgumentList.Insert(0, command);
        foreach (var option in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" })
        {
            start.ArgumentList.Insert(0, option);
        }

        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        return CliRunner.RunProcess(start);
    }
}

/// <summary>A test of a read-only store; skipped, saying why, where permissions cannot be tested.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReadOnlyStoreFactAttribute : FactAttribute
{
    public const string Setpriv = "/usr/bin/setpriv";

    public ReadOnlyStoreFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file permissions: Windows has no read-only folder in this sense";
        }
        else if (Environment.IsPrivilegedProcess && !File.Exists(Setpriv))
        {
            Skip = $"the tests run as root, who may write any file, and {Setpriv} is missing, so parley cannot be run as the unprivileged user nobody";
        }
        else if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() && PrivateOnTheWay() is { } hidden)
        {
            Skip = $"the tests run as root, and nobody, the user parley would run as, cannot reach {hidden} (a private folder on its path, such as a mktemp folder); run the tests from a clone others may read to test this";
        }
    }

    /// <summary>The first of the test build and the dotnet host that other users cannot reach (a folder on its way they may not enter, or the file they may not read), or <c>null</c>.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? PrivateOnTheWay()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : null;
        foreach (var file in new[] { typeof(ParleyApp).Assembly.Location, host })
        {
            if (file is null || !File.Exists(file))
            {
                continue;
            }

            var target = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(file);
            if ((File.GetUnixFileMode(target) & UnixFileMode.OtherRead) == 0)
            {
                return target;
            }

            for (var dir = Path.GetDirectoryName(target); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0)
                {
                    return dir;
                }
            }
        }

        return null;
    }
}

/// <summary>A test that needs Linux (its /proc folder); skipped, saying why, elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "/proc, a folder in which no one can create a file, is Linux's";
        }
    }
}

/// <summary>Where the example scenarios are.</summary>
internal static class StoreCommandTestsPaths
{
    public static string Alaska()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "alaska-2025.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scenarios/alaska-2025.yaml not found above the test's folder");
    }
}
